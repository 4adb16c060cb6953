package org.yunjian.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        '\r',
        '\n',
        0x1a,
        '\n',
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        2,
        0,
        0,
        0
    };

    /** A Windows executable's header: what an attacker renames to report.pdf. */
    static byte[] executable() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String accept(byte[] bytes) {
        return ContentTypes.accept(bytes, new StringBuilder()).orElse(null);
    }

    @Test
    void acceptsPdfPngAndText() {
        assertThat(accept(PDF)).isEqualTo("application/pdf");
        assertThat(accept(PNG)).isEqualTo("image/png");
        assertThat(accept("防火墙策略导出\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
    }

    @Test
    void rejectsAnExecutableWhateverItIsCalled() {
        StringBuilder why = new StringBuilder();
        assertThat(ContentTypes.accept(executable(), why)).isEmpty();
        assertThat(why.toString()).isNotBlank().isNotEqualTo("application/pdf");
    }

    @Test
    void rejectsHtmlWhichABrowserWouldRun() {
        assertThat(accept("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void acceptsAWellFormedOfficeDocumentButNotAPlainZip() throws IOException {
        assertThat(accept(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(accept(zip("readme.txt", "payload.exe"))).isNull();
    }

    @Test
    void rejectsAZipWithPathTraversal() throws IOException {
        assertThat(accept(zip("[Content_Types].xml", "word/document.xml", "../../etc/cron.d/x")))
                .isNull();
    }
}
