package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.monitoring.probe.AttachmentFixtures.cjkFont;
import static org.yunjian.monitoring.probe.AttachmentFixtures.docx;
import static org.yunjian.monitoring.probe.AttachmentFixtures.pdf;
import static org.yunjian.monitoring.probe.AttachmentFixtures.xlsx;
import static org.yunjian.monitoring.probe.AttachmentFixtures.zipBombDocx;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.Attachments.Extracted;
import org.yunjian.monitoring.probe.Attachments.Extraction;
import org.yunjian.monitoring.probe.Attachments.Limits;
import org.yunjian.monitoring.probe.Attachments.Refusal;
import org.yunjian.monitoring.probe.Attachments.Refused;

class AttachmentsTest {

    static final String ID = PersonalNumbersForTests.residentId("110105", "19491001");
    static final String WHERE = "https://www.example.gov.cn/files/notice.docx";

    final Attachments attachments = new Attachments();
    final WordMatcher words = WordMatcher.of(WordList.sample());

    /**
     * With the project's CJK font the PDF carries Chinese; without one (a machine lacking fonts-wqy) the 身份证号's
     * digits alone, which is what the check reads.
     */
    @Test
    void findsResidentIdInPdf() throws Exception {
        List<String> lines = cjkFont().isPresent()
                ? List.of("关于公示名单的通知", "张三 身份证号：" + ID + " 测试违规词")
                : List.of("Notice", "ID " + ID);
        Extraction extraction = attachments.extract(pdf(lines, null));

        assertThat(extraction).isInstanceOfSatisfying(Extracted.class, e -> {
            assertThat(e.mediaType()).isEqualTo("application/pdf");
            assertThat(e.text()).contains(ID);
            List<Finding> findings = ContentScan.of(e.text(), WHERE, words);
            assertThat(findings)
                    .filteredOn(f -> f.kind() == CheckKind.PRIVACY_LEAK)
                    .singleElement()
                    .satisfies(f -> assertThat(f.subject()).startsWith("110105********"));
            if (cjkFont().isPresent()) {
                assertThat(e.text()).contains("关于公示名单的通知");
                assertThat(findings).extracting(Finding::kind).contains(CheckKind.HARMFUL_CONTENT);
            }
        });
    }

    @Test
    void findsResidentIdInDocx() throws Exception {
        Extraction extraction = attachments.extract(docx("公示名单", "李四，身份证号 " + ID + "。"));
        assertThat(extraction).isInstanceOfSatisfying(Extracted.class, e -> {
            assertThat(e.mediaType()).endsWith("wordprocessingml.document");
            assertThat(e.text()).contains("公示名单\n").contains(ID);
            assertThat(ContentScan.of(e.text(), WHERE, words)).singleElement().satisfies(f -> assertThat(f.kind())
                    .isEqualTo(CheckKind.PRIVACY_LEAK));
        });
    }

    @Test
    void findsResidentIdAndWordsInXlsx() throws Exception {
        byte[] book = xlsx(new String[][] {{"姓名", "身份证号", "备注"}, {"王五", ID, "示例敏感词一"}});
        assertThat(attachments.extract(book)).isInstanceOfSatisfying(Extracted.class, e -> {
            assertThat(e.mediaType()).endsWith("spreadsheetml.sheet");
            assertThat(e.text()).contains("名单\n").contains("王五\t" + ID + "\t示例敏感词一");
            assertThat(ContentScan.of(e.text(), WHERE, words))
                    .extracting(Finding::kind)
                    .containsExactly(CheckKind.HARMFUL_CONTENT, CheckKind.PRIVACY_LEAK);
        });
    }

    @Test
    void refusesZipBombQuickly() {
        byte[] bomb = zipBombDocx(1100, false); // document.xml inflates to 1.15 GB
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        long start = System.nanoTime();
        assertThat(attachments.extract(bomb)).isEqualTo(new Refused(Refusal.ZIP_BOMB, "application/zip"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusesZipBombThatForgesItsDeclaredSizes() {
        byte[] bomb = zipBombDocx(1100, true);
        long start = System.nanoTime();
        assertThat(attachments.extract(bomb)).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal())
                .isEqualTo(Refusal.ZIP_BOMB));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void detectsTypeByContentNotName() throws Exception {
        // served as notice.docx (the WHERE above), the bytes are a PDF
        byte[] pdfNamedDocx = pdf(List.of("ID " + ID), null);
        assertThat(attachments.extract(pdfNamedDocx))
                .isInstanceOfSatisfying(
                        Extracted.class, e -> assertThat(e.mediaType()).isEqualTo("application/pdf"));
    }

    @Test
    void refusesTruncatedDocuments() throws Exception {
        byte[] pdf = pdf(List.of("ID " + ID), null);
        byte[] docx = docx("身份证号 " + ID);
        assertThat(attachments.extract(Arrays.copyOf(pdf, 200)))
                .isEqualTo(new Refused(Refusal.MALFORMED, "application/pdf"));
        assertThat(attachments.extract(Arrays.copyOf(docx, docx.length / 2)))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.MALFORMED));
    }

    @Test
    void refusesGarbageBehindAKnownHeader() {
        byte[] noise = new byte[4096];
        new Random(38).nextBytes(noise);
        byte[] pdfHeader = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), noise);
        byte[] zipHeader = concat(new byte[] {'P', 'K', 3, 4}, noise);
        assertThat(attachments.extract(pdfHeader)).isEqualTo(new Refused(Refusal.MALFORMED, "application/pdf"));
        assertThat(attachments.extract(zipHeader)).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal())
                .isEqualTo(Refusal.MALFORMED));
    }

    @Test
    void refusesUnknownBytesAsUnsupported() {
        byte[] noise = new byte[4096];
        new Random(8).nextBytes(noise);
        assertThat(attachments.extract(noise)).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal())
                .isEqualTo(Refusal.UNSUPPORTED_TYPE));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(attachments.extract(png)).isEqualTo(new Refused(Refusal.UNSUPPORTED_TYPE, "image/png"));
    }

    @Test
    void refusesPasswordProtectedPdfAndDocx() throws Exception {
        byte[] pdf = pdf(List.of("ID " + ID), AttachmentFixtures.userPassword("secret"));
        assertThat(attachments.extract(pdf)).isEqualTo(new Refused(Refusal.ENCRYPTED, "application/pdf"));
        byte[] docx = AttachmentFixtures.encryptedDocx(docx("身份证号 " + ID), "secret");
        assertThat(attachments.extract(docx)).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal())
                .isEqualTo(Refusal.ENCRYPTED));
    }

    @Test
    void refusesTooLargeBeforeParsing() {
        Attachments small = new Attachments(new Limits(1024, 1000, 1 << 20));
        byte[] bomb = zipBombDocx(2, false); // some 2 KiB: too large for this budget, never opened
        assertThat(small.extract(bomb)).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal())
                .isEqualTo(Refusal.TOO_LARGE));
    }

    @Test
    void refusesPdfWhoseStreamsInflateBeyondTheBudgetBeforeParsingIt() throws Exception {
        byte[] pdf = AttachmentFixtures.pdfWithHugeContentStream(8 << 20);
        assertThat(pdf.length).isLessThan(100_000);
        Attachments budget = new Attachments(new Limits(1 << 20, 1000, 1 << 20));
        assertThat(budget.extract(pdf)).isEqualTo(new Refused(Refusal.TOO_LARGE, "application/pdf"));
        assertThat(attachments.extract(pdf)).isInstanceOf(Extracted.class);
    }

    @Test
    void capsTheText() throws Exception {
        Attachments capped = new Attachments(new Limits(1 << 20, 100, 1 << 20));
        String[] paragraphs = new String[500];
        Arrays.fill(paragraphs, "测试段落，测试段落。");
        assertThat(capped.extract(docx(paragraphs))).isInstanceOfSatisfying(Extracted.class, e -> {
            assertThat(e.text()).hasSize(100);
            assertThat(e.truncated()).isTrue();
        });
        assertThat(capped.extract("a".repeat(500).getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(
                        Extracted.class, e -> assertThat(e.text()).hasSize(100));
    }

    @Test
    void readsPlainTextAndHtmlInUtf8OrGbk() {
        String html = "<html><head><title>通知</title></head><body><p>联系电话：13812345678</p></body></html>";
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            assertThat(attachments.extract(html.getBytes(charset))).isInstanceOfSatisfying(Extracted.class, e -> {
                assertThat(e.mediaType()).isEqualTo("text/html");
                assertThat(e.text()).contains("联系电话：13812345678");
                assertThat(ContentScan.of(e.text(), WHERE, words))
                        .singleElement()
                        .satisfies(f -> assertThat(f.subject()).startsWith("138****5678"));
            });
        }
        assertThat(attachments.extract(("名单\n" + ID + "\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        Extracted.class, e -> assertThat(e.mediaType()).isEqualTo("text/plain"));
    }

    @Test
    void refusalSaysWhereAndWhy() {
        Refused r = new Refused(Refusal.ZIP_BOMB, "application/zip");
        assertThat(r.message(WHERE).key()).isEqualTo("monitoring.content.refusal.ZIP_BOMB");
        assertThat(r.message(WHERE).args()).containsExactly(WHERE, "application/zip");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
