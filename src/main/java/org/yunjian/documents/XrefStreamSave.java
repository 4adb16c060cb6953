package org.yunjian.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Saves a document with object streams (PDFBox's default: small, compressed) and a cross-reference stream that lists
 * itself. PDFBox 3.0.7 writes the stream as the last object, {@code N}, with {@code /Size N+1} but an {@code /Index}
 * that ends before it — its own entry is missing, and so are numbers it counted but wrote no object for — and
 * {@code qpdf --check} reports the trailer ("reported number of objects (N+1) is not one plus the highest object number
 * (N-2)", issue 60). Here the index is completed: free entries for the unused numbers, and the stream's own entry.
 * Anything else (more than one subsection, an entry too wide) is left as PDFBox wrote it.
 */
final class XrefStreamSave {

    private static final Pattern XREF = Pattern.compile("(?s)^(\\d+) 0 obj\\s*<<(.*?)>>\\s*stream(\\r\\n|\\n)");
    private static final Pattern INDEX = Pattern.compile("/Index\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s*\\]");
    private static final Pattern WIDTHS = Pattern.compile("/W\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");
    private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d+)(?!\\s+\\d+\\s+R)");

    private XrefStreamSave() {}

    static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return withOwnEntry(out.toByteArray());
    }

    static byte[] withOwnEntry(byte[] pdf) {
        String tail = latin1(pdf, Math.max(0, pdf.length - 64), pdf.length);
        int at = tail.lastIndexOf("startxref");
        if (at < 0) {
            return pdf;
        }
        int xref = Integer.parseInt(tail.substring(at + 9).trim().split("\\s+")[0]);
        String head = latin1(pdf, xref, Math.min(pdf.length, xref + 2048));
        Matcher object = XREF.matcher(head);
        if (!object.find()) {
            return pdf;
        }
        int number = Integer.parseInt(object.group(1));
        String dict = object.group(2);
        Matcher index = INDEX.matcher(dict);
        Matcher widths = WIDTHS.matcher(dict);
        Matcher length = LENGTH.matcher(dict);
        if (!dict.contains("/FlateDecode")
                || dict.contains("/DecodeParms")
                || !index.find()
                || !widths.find()
                || !length.find()
                || Integer.parseInt(index.group(1)) + Integer.parseInt(index.group(2)) > number) {
            return pdf;
        }
        int[] w = {
            Integer.parseInt(widths.group(1)), Integer.parseInt(widths.group(2)), Integer.parseInt(widths.group(3))
        };
        if (w[0] != 1 || w[1] > 4 || w[2] > 4) {
            return pdf;
        }
        // the offset field as wide as the stream's own offset needs (PDFBox sized it for the other objects only)
        int wide = Math.max(w[1], xref < 1 << 16 ? 2 : xref < 1 << 24 ? 3 : 4);
        int dataStart = xref + object.end();
        byte[] entries = inflate(pdf, dataStart, Integer.parseInt(length.group(1)));
        if (entries == null) {
            return pdf;
        }
        int entry = w[0] + w[1] + w[2];
        if (entries.length % entry != 0) {
            return pdf;
        }
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        for (int e = 0; e < entries.length; e += entry) {
            table.write(entries[e]);
            field(table, field(entries, e + w[0], w[1]), wide);
            field(table, field(entries, e + w[0] + w[1], w[2]), w[2]);
        }
        // numbers PDFBox counted in /Size but wrote no object for: free
        for (int free = Integer.parseInt(index.group(1)) + Integer.parseInt(index.group(2)); free < number; free++) {
            table.writeBytes(new byte[1 + wide + w[2]]);
        }
        table.write(1); // in use, at an offset
        field(table, xref, wide);
        field(table, 0, w[2]); // generation 0
        byte[] data = deflate(table.toByteArray());
        String newDict = dict.substring(0, index.start())
                + "/Index [" + index.group(1) + " " + (number + 1 - Integer.parseInt(index.group(1))) + "]"
                + dict.substring(index.end());
        newDict = newDict.substring(0, newDict.indexOf(widths.group()))
                + "/W [1 " + wide + " " + w[2] + "]"
                + newDict.substring(
                        newDict.indexOf(widths.group()) + widths.group().length());
        newDict = newDict.replaceFirst("/Size\\s+\\d+", "/Size " + (number + 1));
        Matcher len = LENGTH.matcher(newDict);
        len.find();
        newDict = newDict.substring(0, len.start()) + "/Length " + data.length + newDict.substring(len.end());
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64);
        out.write(pdf, 0, xref);
        out.writeBytes((number + " 0 obj\n<<" + newDict + ">>\nstream\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes(
                ("\r\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static long field(byte[] bytes, int from, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (bytes[from + i] & 0xff);
        }
        return value;
    }

    private static void field(ByteArrayOutputStream out, long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static String latin1(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static byte[] inflate(byte[] pdf, int from, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, from, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
