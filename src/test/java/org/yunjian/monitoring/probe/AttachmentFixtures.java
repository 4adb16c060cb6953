package org.yunjian.monitoring.probe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.yunjian.documents.CjkFont;
import org.yunjian.documents.FontUnavailableException;

/** Documents made in the tests: PDFs with PDFBox, DOCX and XLSX with POI, and a zip bomb written byte by byte. */
public final class AttachmentFixtures {

    private AttachmentFixtures() {}

    /** The project's CJK font ({@link CjkFont}), or null where none is installed. */
    static Optional<CjkFont> cjkFont() {
        try {
            return Optional.of(CjkFont.locate(Optional.empty()));
        } catch (FontUnavailableException none) {
            return Optional.empty();
        }
    }

    /**
     * A one-page PDF with the lines; Chinese needs the project's CJK font, without it only ASCII lines are written
     * (the caller passes the digits alone then).
     */
    public static byte[] pdf(List<String> lines, StandardProtectionPolicy protection) throws IOException {
        Optional<CjkFont> cjk = cjkFont();
        TrueTypeCollection collection =
                cjk.isPresent() ? new TrueTypeCollection(cjk.get().file().toFile()) : null;
        try (PDDocument doc = new PDDocument()) {
            PDFont font;
            if (collection != null) {
                TrueTypeFont face = collection.getFontByName(cjk.get().faceName());
                font = PDType0Font.load(doc, face, true);
            } else {
                font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            }
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.setLeading(16);
                content.newLineAtOffset(50, 700);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            if (protection != null) {
                doc.protect(protection);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } finally {
            if (collection != null) {
                collection.close();
            }
        }
    }

    static StandardProtectionPolicy userPassword(String password) {
        StandardProtectionPolicy policy =
                new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        return policy;
    }

    /** A PDF whose one content stream is {@code bytes} of blanks, flate-compressed to a few kilobytes. */
    static byte[] pdfWithHugeContentStream(int bytes) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            byte[] blanks = new byte[bytes];
            Arrays.fill(blanks, (byte) ' ');
            page.setContents(new PDStream(doc, new ByteArrayInputStream(blanks), COSName.FLATE_DECODE));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] docx(String... paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx(String[][] rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("名单");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    /** A DOCX encrypted with a password (ECMA-376 agile encryption: an OLE2 file holding the EncryptedPackage). */
    static byte[] encryptedDocx(byte[] docx, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\""
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Target=\"word/document.xml\" Type=\""
            + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/></Relationships>";

    /**
     * A DOCX whose word/document.xml inflates to {@code mebibytes} MiB of blanks inside one run of text, from about a
     * kilobyte per MiB: the blanks are compressed once, a full flush after each MiB making every later MiB's
     * compressed block the same bytes, which are then repeated. With {@code forgeSizes} the archive declares the
     * entry to be 50 kB, as a bomb meant to slip past a check of declared sizes would.
     */
    public static byte[] zipBombDocx(int mebibytes, boolean forgeSizes) {
        byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document"
                        + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8);
        byte[] mib = new byte[1 << 20];
        Arrays.fill(mib, (byte) ' ');
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        crc.update(head);
        packed.writeBytes(deflate(deflater, head, Deflater.NO_FLUSH));
        packed.writeBytes(deflate(deflater, mib, Deflater.FULL_FLUSH));
        crc.update(mib);
        byte[] block = deflate(deflater, mib, Deflater.FULL_FLUSH);
        if (!Arrays.equals(block, deflate(deflater, mib, Deflater.FULL_FLUSH))) {
            throw new IllegalStateException("a fully flushed block depends on what came before");
        }
        for (int i = 1; i < mebibytes; i++) {
            packed.writeBytes(block);
            crc.update(mib);
        }
        deflater.setInput(tail);
        deflater.finish();
        packed.writeBytes(drain(deflater, Deflater.NO_FLUSH));
        crc.update(tail);
        long size = head.length + (long) mebibytes * mib.length + tail.length;

        Zip zip = new Zip();
        zip.add("[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
        zip.add("_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
        zip.addDeflated("word/document.xml", packed.toByteArray(), crc.getValue(), forgeSizes ? 50_000 : size);
        return zip.finish();
    }

    private static byte[] deflate(Deflater deflater, byte[] input, int flush) {
        deflater.setInput(input);
        return drain(deflater, flush);
    }

    private static byte[] drain(Deflater deflater, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (true) {
            int n = deflater.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
            if (n < buf.length && (deflater.needsInput() || deflater.finished())) {
                return out.toByteArray();
            }
        }
    }

    /** A zip archive written by hand (APPNOTE 4.3): local headers, data, central directory, end record. */
    static final class Zip {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<byte[]> central = new ArrayList<>();

        void add(String name, byte[] content) {
            Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            d.setInput(content);
            d.finish();
            CRC32 crc = new CRC32();
            crc.update(content);
            addDeflated(name, drain(d, Deflater.NO_FLUSH), crc.getValue(), content.length);
        }

        void addDeflated(String name, byte[] packed, long crc, long size) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            ByteBuffer local = le(30 + n.length);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8);
            local.putShort((short) 0).putShort((short) 0x21); // time, date
            local.putInt((int) crc).putInt(packed.length).putInt((int) size);
            local.putShort((short) n.length).putShort((short) 0).put(n);
            out.writeBytes(local.array());
            out.writeBytes(packed);
            ByteBuffer c = le(46 + n.length);
            c.putInt(0x02014b50)
                    .putShort((short) 20)
                    .putShort((short) 20)
                    .putShort((short) 0)
                    .putShort((short) 8);
            c.putShort((short) 0).putShort((short) 0x21);
            c.putInt((int) crc).putInt(packed.length).putInt((int) size);
            c.putShort((short) n.length).putShort((short) 0).putShort((short) 0);
            c.putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).put(n);
            central.add(c.array());
        }

        byte[] finish() {
            int start = out.size();
            central.forEach(out::writeBytes);
            int length = out.size() - start;
            ByteBuffer end = le(22);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
            end.putShort((short) central.size()).putShort((short) central.size());
            end.putInt(length).putInt(start).putShort((short) 0);
            out.writeBytes(end.array());
            return out.toByteArray();
        }

        private static ByteBuffer le(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
