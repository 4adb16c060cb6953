package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/** Issue 11: the audit log reads in the reader's language, whatever language the entry was written in. */
class AuditPresentationTest {

    @AfterEach
    void resetLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anEncodedDetailReadsInEachReadersLanguageAndALegacyPlainTextAsStored() {
        String stored = Msg.of("audit.detail.verify.ok", 4, 0).encode();
        LocaleContextHolder.setLocale(Texts.CHINESE);
        assertThat(AuditPresentation.detail(stored)).isEqualTo("完整：已校验 4 条记录、0 个锚点");
        assertThat(AuditPresentation.detail("name changed")).isEqualTo("name changed");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(AuditPresentation.detail(stored)).isEqualTo("Intact: 4 entries and 0 anchors verified");
    }

    @Test
    void onThePageTheQuotedNamesAreMarkedAsDataAndEverythingIsEscaped() {
        String stored =
                Msg.of("audit.detail.internalError", "<b>2026 年度等保测评</b>").encode();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(AuditPresentation.detailHtml(stored))
                .isEqualTo("Internal error, correlation ID <span data-verbatim>&lt;b&gt;2026 年度等保测评&lt;/b&gt;</span>");
        LocaleContextHolder.setLocale(Texts.CHINESE);
        assertThat(AuditPresentation.detailHtml(stored))
                .isEqualTo("内部错误，错误编号 <span data-verbatim>&lt;b&gt;2026 年度等保测评&lt;/b&gt;</span>");
        assertThat(AuditPresentation.detailHtml("<i>plain</i>"))
                .as("a stored plain text is not data of a sentence")
                .isEqualTo("&lt;i&gt;plain&lt;/i&gt;");
    }

    @Test
    void namesQuotedInsideANestedMessageAreMarkedToo() {
        String stored = Msg.of("audit.detail.internalError", Msg.of("audit.detail.internalError", "示例测评有限公司"))
                .encode();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(AuditPresentation.detailHtml(stored))
                .isEqualTo("Internal error, correlation ID Internal error, "
                        + "correlation ID <span data-verbatim>示例测评有限公司</span>");
    }

    @Test
    void aRefusedRequestNamesThePartOfTheProductInWordsNotAJavaClass() {
        String stored =
                Msg.of("audit.detail.notPermitted.operation", "GET /audit").encode();
        LocaleContextHolder.setLocale(Texts.CHINESE);
        assertThat(AuditPresentation.detail(stored))
                .isEqualTo("无权执行此操作：“审计日志”（GET /audit）")
                .doesNotContain("Controller");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(AuditPresentation.detail(stored)).isEqualTo("Not permitted: \"Audit log\" (GET /audit)");
    }

    @Test
    void everyActionHasANameAndAnUnknownOneReadsAsAnOtherActionNamingItsCode() {
        LocaleContextHolder.setLocale(Texts.CHINESE);
        assertThat(AuditPresentation.action("user.login")).isEqualTo("登录");
        assertThat(AuditPresentation.action("exit-project.certificate.issue")).isEqualTo("签发删除证明");
        assertThat(AuditPresentation.action("some.future.action")).isEqualTo("其他操作（some.future.action）");
        assertThat(AuditPresentation.action("user.admin.approve")).isEqualTo("批准管理员操作申请");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(AuditPresentation.action("user.login")).isEqualTo("Login");
        assertThat(AuditPresentation.object("exit-project")).isEqualTo("exit project");
        assertThat(AuditPresentation.action("user.admin.reject", Texts.CHINESE)).isEqualTo("驳回管理员操作申请");
    }

    @Test
    void aDetailWhoseMessageTheBundlesLackReadsAsWordsNeverAsItsStoredJson() {
        String stored = Msg.of("some.future.detail", "2026 年度等保测评", Msg.of("audit.outcome.SUCCESS"))
                .encode();
        assertThat(AuditPresentation.detail(stored, Texts.CHINESE))
                .isEqualTo("未登记的详情（some.future.detail）：2026 年度等保测评, 成功")
                .doesNotContain("{\"msg\"");
        assertThat(AuditPresentation.detail(stored, Locale.ENGLISH))
                .isEqualTo("Unregistered detail (some.future.detail): 2026 年度等保测评, Success");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(AuditPresentation.detailHtml(stored))
                .doesNotContain("{\"msg\"")
                .contains("Unregistered detail");
    }

    /** Every match of {@code pattern} in the main sources, by the first group that took part. */
    static java.util.Set<String> literals(java.util.regex.Pattern pattern) throws java.io.IOException {
        java.util.Set<String> found = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f :
                    files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = pattern.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            found.add(m.group(g));
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every object kind the code names where it reaches the log: the second argument of an AuditableEvent factory, the
     * kind of a NotFoundException or ForbiddenException (a refused look-up is logged with it), an OBJECT constant.
     */
    static final java.util.regex.Pattern OBJECT_KIND = java.util.regex.Pattern.compile(
            "AuditableEvent(?:\\.(?:success|failure|denied))?\\(\\s*[^,()]+,\\s*\"([^\"]+)\"|"
                    + "(?:NotFound|Forbidden)Exception\\(\\s*\"([^\"]+)\"|String OBJECT\\w* = \"([^\"]+)\"");

    @Test
    void everyObjectKindTheCodeNamesHasADisplayNameInBothLanguages() throws java.io.IOException {
        java.util.Set<String> kinds = literals(OBJECT_KIND);
        assertThat(kinds).contains("system", "lifecycle-duty", "lifecycle-plan", "exit-project");
        for (Locale l : new Locale[] {Texts.CHINESE, Locale.ENGLISH}) {
            assertThat(kinds)
                    .as("object kinds without audit.object.<kind> in %s", l)
                    .allSatisfy(k -> assertThat(Texts.source().getMessage("audit.object." + k, null, null, l))
                            .as(k)
                            .isNotNull());
        }
        LocaleContextHolder.setLocale(Texts.CHINESE);
        assertThat(AuditPresentation.object("lifecycle-duty")).isEqualTo("生命周期职责");
    }

    @Test
    void theLoopbackAddressReadsAsThisComputerAndPeopleByDisplayName() {
        LocaleContextHolder.setLocale(Texts.CHINESE);
        assertThat(AuditPresentation.address("0:0:0:0:0:0:0:1")).isEqualTo("本机（0:0:0:0:0:0:0:1）");
        assertThat(AuditPresentation.address("::1")).startsWith("本机");
        assertThat(AuditPresentation.address("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(AuditPresentation.person("customer", Map.of("customer", "张工")))
                .isEqualTo("张工（customer）");
        assertThat(AuditPresentation.person("gone", Map.of())).isEqualTo("gone");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(AuditPresentation.address("127.0.0.1")).isEqualTo("this computer (127.0.0.1)");
    }
}
