package org.yunjian.monitoring.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.yunjian.monitoring.probe.Attachments.Extracted;
import org.yunjian.monitoring.probe.Attachments.Extraction;
import org.yunjian.monitoring.probe.Attachments.Refusal;
import org.yunjian.monitoring.probe.Attachments.Refused;

/**
 * The text of a DOCX (body, headers, footers, notes, comments) or an XLSX (every sheet's cells as shown), read as
 * streams of XML events so memory stays flat however large the document, with document type declarations off (no
 * external entity is resolved).
 *
 * <p>Zip bombs are refused twice over: the sizes the archive declares are checked before POI opens it, and POI's
 * {@link ZipSecureFile} checks what each entry really inflates to while it is read (at most
 * {@value #MAX_ENTRY_BYTES} bytes, and at least 1 byte in for every 100 out — the limits the workbook imports keep
 * too, POI's settings being global).
 */
final class OoxmlText {

    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    static final double MIN_INFLATE_RATIO = 0.01;
    /** Entries smaller than this are not held to the ratio (POI's grace: small files compress unevenly). */
    private static final long GRACE_BYTES = 100 * 1024;

    /** How POI says an archive is hostile ({@code ZipArchiveThresholdInputStream}). */
    private static final String[] BOMB_MESSAGES = {"Zip bomb detected", "The file appears to be potentially malicious"};

    private static final String WORD = "wordprocessingml";
    private static final String WORD_MACRO = "application/vnd.ms-word";
    private static final String SHEET = "spreadsheetml";
    private static final String SHEET_MACRO = "application/vnd.ms-excel";

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private OoxmlText() {}

    static Extraction extract(byte[] bytes, Attachments.Limits limits) {
        String type = "application/zip";
        try {
            if (declaresBomb(bytes)) {
                return new Refused(Refusal.ZIP_BOMB, type);
            }
        } catch (IOException | RuntimeException notAZip) {
            return new Refused(Refusal.MALFORMED, type);
        }
        Path file = null;
        try {
            file = Files.createTempFile("yunjian-attachment-", ".zip");
            Files.write(file, bytes);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                PackagePart main = mainPart(pkg);
                String mainType = main == null ? "" : main.getContentType();
                CappedText text = new CappedText(limits.maxChars());
                if (mainType.contains(WORD) || mainType.startsWith(WORD_MACRO)) {
                    type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                    readCapped(() -> word(pkg, main, text));
                } else if (mainType.contains(SHEET) || mainType.startsWith(SHEET_MACRO)) {
                    type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    readCapped(() -> sheets(pkg, text));
                } else {
                    return new Refused(Refusal.UNSUPPORTED_TYPE, mainType.isEmpty() ? type : mainType);
                }
                return new Extracted(text.toString(), type, text.truncated());
            }
        } catch (Exception e) {
            boolean bomb = false;
            for (String message : BOMB_MESSAGES) {
                bomb |= Attachments.causedBy(e, message);
            }
            return new Refused(bomb ? Refusal.ZIP_BOMB : Refusal.MALFORMED, type);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Whether an OLE2 file is an encrypted Office document (ECMA-376 Part 2 encryption: an EncryptedPackage). */
    static boolean isEncryptedPackage(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** Whether an entry declares a size beyond the limits (a forged small size is caught while inflating). */
    private static boolean declaresBomb(byte[] bytes) throws IOException {
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                long size = entry.getSize();
                long packed = entry.getCompressedSize();
                if (size > MAX_ENTRY_BYTES
                        || (size > GRACE_BYTES && packed >= 0 && (double) packed / size < MIN_INFLATE_RATIO)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static PackagePart mainPart(OPCPackage pkg) throws Exception {
        PackageRelationshipCollection rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (rels.isEmpty()) {
            rels = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        return rels.isEmpty() ? null : pkg.getPart(rels.getRelationship(0));
    }

    private interface Reading {
        void run() throws Exception;
    }

    /** Runs a reading; the cap being reached ends it with the text so far. */
    private static void readCapped(Reading reading) throws Exception {
        try {
            reading.run();
        } catch (Exception e) {
            if (!Attachments.capReached(e)) {
                throw e;
            }
        }
    }

    /** The main document first, then its headers, footers, notes and comments. */
    private static void word(OPCPackage pkg, PackagePart main, CappedText text) throws Exception {
        List<PackagePart> parts = new ArrayList<>(List.of(main));
        for (PackagePart part : pkg.getParts()) {
            String t = part.getContentType();
            if (part != main
                    && (t.contains(WORD) || t.startsWith(WORD_MACRO))
                    && t.matches(".*\\.(header|footer|footnotes|endnotes|comments)\\+xml")) {
                parts.add(part);
            }
        }
        for (PackagePart part : parts) {
            try (InputStream in = part.getInputStream()) {
                parse(in, new WordText(text));
            }
        }
    }

    /** Each sheet's cells as Excel shows them, a tab between cells and a line per row. */
    private static void sheets(OPCPackage pkg, CappedText text) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        reader.setUseReadOnlySharedStringsTable(true);
        SheetContentsHandler cells = new SheetContentsHandler() {
            @Override
            public void startRow(int row) {
                // rows are ended, not started
            }

            @Override
            public void endRow(int row) {
                text.append("\n");
            }

            @Override
            public void cell(String ref, String value, XSSFComment comment) {
                text.append(value == null ? "\t" : value + "\t");
            }
        };
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        while (sheets.hasNext()) {
            try (InputStream in = sheets.next()) {
                text.append(sheets.getSheetName()).append("\n");
                parse(
                        in,
                        new XSSFSheetXMLHandler(
                                reader.getStylesTable(),
                                reader.getSharedStringsTable(),
                                cells,
                                new DataFormatter(),
                                false));
            }
        }
    }

    private static void parse(InputStream in, ContentHandler handler) throws Exception {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    /** WordprocessingML text: runs' text, tabs and breaks, a line per paragraph (namespaces of both conformances). */
    private static final class WordText extends DefaultHandler {
        private final CappedText text;
        private boolean inText;

        WordText(CappedText text) {
            this.text = text;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "t" -> inText = true;
                case "tab" -> text.append("\t");
                case "br", "cr" -> text.append("\n");
                default -> {
                    // other elements carry no text of their own
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (local.equals("t")) {
                inText = false;
            } else if (local.equals("p")) {
                text.append("\n");
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.write(ch, start, length);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
