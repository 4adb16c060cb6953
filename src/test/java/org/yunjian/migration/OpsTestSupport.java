package org.yunjian.migration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reading what the lifecycle documents produce, as a person would open them. */
final class OpsTestSupport {

    private OpsTestSupport() {}

    /** The XML parts of a Word document by name ({@code word/document.xml}, {@code word/footer1.xml}, …). */
    static Map<String, String> docxParts(byte[] docx) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The document's text without markup, runs joined. */
    static String text(String xml) {
        return xml.replaceAll("<w:tab/>", " ").replaceAll("<[^>]+>", "");
    }
}
