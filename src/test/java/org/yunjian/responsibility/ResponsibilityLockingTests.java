package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;
import org.yunjian.support.StaleForms;

/**
 * Optimistic locking of the responsibility matrix: an edit of an older version never overwrites a newer one — in REST
 * and in every page form (agreements, sign-off, a row's hand-on and take-back, role decisions, the SSP upload).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class ResponsibilityLockingTests {

    static final String PROVIDER_ROW = "TCCIA004-6.2-b";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    Organization security;
    List<Organization> partners;
    CurrentUser customer;
    CurrentUser provider;
    String base;

    @BeforeEach
    void matrix() throws Exception {
        w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        security = fixtures.organization("安全服务商 " + tag, PartyRole.PARTNER_SECURITY_SERVICE);
        // every partner role taken, so that agreements alone make the matrix clean enough to sign
        partners = List.of(
                fixtures.organization("平台软件商 " + tag, PartyRole.PARTNER_SOFTWARE),
                fixtures.organization("服务器厂商 " + tag, PartyRole.PARTNER_HARDWARE),
                fixtures.organization("运维服务商 " + tag, PartyRole.PARTNER_OM_SERVICE));
        fixtures.engagement(
                "云平台运营",
                w.system(),
                new Engagement.Participant(security.id(), PartyRole.PARTNER_SECURITY_SERVICE),
                new Engagement.Participant(partners.get(0).id(), PartyRole.PARTNER_SOFTWARE),
                new Engagement.Participant(partners.get(1).id(), PartyRole.PARTNER_HARDWARE),
                new Engagement.Participant(partners.get(2).id(), PartyRole.PARTNER_OM_SERVICE));
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        base = "/api/systems/" + w.system().id() + "/responsibility";
        mvc.perform(post(base).with(as(customer))).andExpect(status().isCreated());
        mvc.perform(json(post(base + "/agreements"), provider, """
                        {"name":"安全服务协议","partyA":"%s","partyB":"%s","clauses":["7.3"]}""".formatted(
                                        w.provider().id(), security.id()))
                        .with(IfMatch.version(1)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"2\""));
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, CurrentUser u, String body) {
        return b.with(as(u)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String row(String chain) {
        return """
                {"assignments":[{"organisation":"%s","role":"PROVIDER","chain":[%s]}]}""".formatted(w.provider().id(), chain);
    }

    int current() {
        return jdbc.sql("SELECT current_version FROM responsibility_matrix WHERE system_id = ?")
                .param(w.system().id())
                .query(Integer.class)
                .single();
    }

    @Test
    void readingTheMatrixGivesItsCurrentVersionAsETag() throws Exception {
        mvc.perform(get(base).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.currentVersion").value(2));
    }

    @Test
    void staleRowEditGets412InBothLanguagesAndWritesNoVersion() throws Exception {
        String handedOn = row("{\"to\":\"%s\",\"agreement\":\"安全服务协议\",\"clause\":\"7.3\"}".formatted(security.id()));
        mvc.perform(json(put(base + "/rows/{duty}", PROVIDER_ROW), provider, handedOn)
                        .with(IfMatch.version(2)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.currentVersion").value(3));
        mvc.perform(json(put(base + "/rows/{duty}", PROVIDER_ROW).param("lang", "en"), customer, row(""))
                        .with(IfMatch.version(2)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-failed"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion").value(3));
        mvc.perform(json(
                        put(base + "/rows/{duty}", PROVIDER_ROW),
                        customer,
                        "{\"baseVersion\":2," + row("").substring(1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("记录已被他人修改"))
                .andExpect(jsonPath("$.detail").value(containsString("他人已于 20")));
        assertThat(current()).isEqualTo(3);
    }

    @Test
    void changeNamingNoVersionGets428ButAStrangerStill404() throws Exception {
        mvc.perform(json(put(base + "/rows/{duty}", PROVIDER_ROW).param("lang", "en"), customer, row("")))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"));
        mvc.perform(json(post(base + "/sign-offs"), customer, "{\"side\":\"CUSTOMER\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(json(
                        put(base + "/rows/{duty}", PROVIDER_ROW),
                        user(w.stranger().id()),
                        row("")))
                .andExpect(status().isNotFound());
        assertThat(current()).isEqualTo(2);
    }

    /** The provider hands its work on the provider row to the security service partner over version 2: version 3. */
    void handOnToSecurity() throws Exception {
        mvc.perform(json(
                                put(base + "/rows/{duty}", PROVIDER_ROW),
                                provider,
                                row("{\"to\":\"%s\",\"agreement\":\"安全服务协议\",\"clause\":\"7.3\"}"
                                        .formatted(security.id())))
                        .with(IfMatch.version(2)))
                .andExpect(status().isOk());
    }

    @Test
    void staleRowFormComesBackWithTheMessageAndTheTypedInput() throws Exception {
        // someone else hands the work on meanwhile
        handOnToSecurity();
        String page = StaleForms.pageAfter(
                mvc,
                post("/systems/{id}/responsibility/rows/{duty}/hops", w.system().id(), PROVIDER_ROW)
                        .param("lang", "en")
                        .param("version", "2")
                        .param("organisation", w.provider().id().toString())
                        .param("role", "PROVIDER")
                        .param("to", security.id().toString())
                        .param("agreement", "安全服务协议")
                        .param("clause", "我输入的条款"),
                rowPage(),
                as(provider));
        assertThat(page)
                .contains("Someone else changed this record at 20", "value=\"我输入的条款\"", "name=\"version\" value=\"3\"");
        assertThat(current()).isEqualTo(3);
    }

    /** The agreement form as typed on the matrix page, naming {@code version} (none when null). */
    MockHttpServletRequestBuilder agreementForm(String version) {
        MockHttpServletRequestBuilder form = post(
                        "/systems/{id}/responsibility/agreements", w.system().id())
                .param("name", "我输入的协议")
                .param("partyA", w.provider().id().toString())
                .param("partyB", security.id().toString())
                .param("clauses", "9.1, 9.2");
        return version == null ? form : form.param("version", version);
    }

    @Test
    void staleOrVersionlessAgreementFormComesBackOnTheMatrixWithTheAlertAndTheTypedInput() throws Exception {
        String matrix = "/systems/" + w.system().id() + "/responsibility";
        for (String version : new String[] {"1", null}) {
            String page = StaleForms.pageAfter(mvc, agreementForm(version), matrix, as(provider));
            assertThat(page)
                    .contains(
                            version == null ? "此表单没有说明" : "他人已于 20",
                            "value=\"我输入的协议\"",
                            "value=\"9.1, 9.2\"",
                            "<details id=\"add-agreement\" class=\"no-print\" open",
                            "name=\"version\" value=\"2\"");
            assertThat(current()).isEqualTo(2);
        }
    }

    @Test
    void aMatrixFormRefusedForItsInputLandsOnTheAlertHeadingThePageNotOnTheFormsSection() throws Exception {
        String matrix = "/systems/" + w.system().id() + "/responsibility";
        // an agreement without a name: field errors, the typed input kept, the page landing on the errors at its head
        var invalid = mvc.perform(post(
                                "/systems/{id}/responsibility/agreements",
                                w.system().id())
                        .with(as(provider))
                        .param("partyA", w.provider().id().toString())
                        .param("partyB", security.id().toString())
                        .param("clauses", "9.1")
                        .param("version", "2"))
                .andExpect(redirectedUrl(matrix + "#errors"))
                .andReturn()
                .getFlashMap();
        String page = mvc.perform(get(matrix).with(as(provider)).flashAttrs(invalid))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the list heads the page, far from the form: each message names the form and the field
        assertThat(page).contains("id=\"errors\"", "data-field=\"name\"", "登记合同协议 · 名称：必填。", "value=\"9.1\"");
        var invalidEn = mvc.perform(post(
                                "/systems/{id}/responsibility/agreements",
                                w.system().id())
                        .with(as(provider))
                        .param("partyA", w.provider().id().toString())
                        .param("partyB", security.id().toString())
                        .param("version", "2")
                        .param("lang", "en"))
                .andExpect(redirectedUrl(matrix + "#errors"))
                .andReturn()
                .getFlashMap();
        assertThat(mvc.perform(get(matrix)
                                .with(as(provider))
                                .flashAttrs(invalidEn)
                                .param("lang", "en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Record an agreement · Name: Required.");
        // a sign-off not confirmed: the refusal at the page's head
        var unconfirmed = mvc.perform(
                        post("/systems/{id}/responsibility/sign-off", w.system().id())
                                .with(as(customer))
                                .param("side", "CUSTOMER")
                                .param("version", "2"))
                .andExpect(redirectedUrl(matrix + "#conflict"))
                .andReturn()
                .getFlashMap();
        assertThat(mvc.perform(get(matrix).with(as(customer)).flashAttrs(unconfirmed))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"conflict\"");
        assertThat(current()).isEqualTo(2);
        assertThat(signOffs()).isZero();
    }

    @Test
    void versionlessRowFormComesBackWithTheAlertAndTheTypedInput() throws Exception {
        String page = StaleForms.pageAfter(
                mvc,
                post("/systems/{id}/responsibility/rows/{duty}/hops", w.system().id(), PROVIDER_ROW)
                        .param("organisation", w.provider().id().toString())
                        .param("role", "PROVIDER")
                        .param("to", security.id().toString())
                        .param("agreement", "安全服务协议")
                        .param("clause", "无版本的条款"),
                rowPage(),
                as(provider));
        assertThat(page).contains("此表单没有说明", "value=\"无版本的条款\"", "name=\"version\" value=\"2\"");
        assertThat(current()).isEqualTo(2);
    }

    @Test
    void staleOrVersionlessRoleDecisionComesBackWithTheAlertAndTheTickedBehaviours() throws Exception {
        for (String version : new String[] {"1", null}) {
            var form = post(
                            "/systems/{id}/responsibility/participants/{org}",
                            w.system().id(),
                            security.id())
                    .with(as(customer))
                    .param("behaviours", "MANAGE_PLATFORM_OM")
                    .param("action", "confirm");
            mvc.perform(version == null ? form : form.param("version", version))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"stale-version\"")))
                    .andExpect(content().string(containsString(version == null ? "此表单没有说明" : "他人已于 20")))
                    .andExpect(content().string(containsString("id=\"b-MANAGE_PLATFORM_OM\" checked")))
                    .andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
            assertThat(current()).isEqualTo(2);
        }
    }

    /** The role assistant's refusal heads its page and names the field, in both languages. */
    @Test
    void refusedRoleDecisionNamesItsFields() throws Exception {
        var noBehaviour = post(
                        "/systems/{id}/responsibility/participants/{org}",
                        w.system().id(),
                        security.id())
                .with(as(customer))
                .param("action", "confirm")
                .param("version", "2");
        mvc.perform(noBehaviour)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"behaviours\">该组织实际从事的行为：请至少勾选一项该组织实际从事的行为。")));
        mvc.perform(noBehaviour.param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "What the organisation actually does: Tick at least one thing the organisation actually does.")));
        assertThat(current()).isEqualTo(2);
    }

    /** The matrix's audit entries: every change and sign-off of it is one. */
    long audits() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event a JOIN responsibility_matrix m ON a.object_id = "
                        + "CAST(m.id AS VARCHAR(36)) WHERE m.system_id = ?")
                .param(w.system().id())
                .query(Long.class)
                .single();
    }

    long signOffs() {
        return jdbc.sql("SELECT COUNT(*) FROM responsibility_sign_off s JOIN responsibility_matrix m "
                        + "ON m.id = s.matrix_id WHERE m.system_id = ?")
                .param(w.system().id())
                .query(Long.class)
                .single();
    }

    /** The customer's sign-off form as posted from the matrix page, confirmed, naming {@code version} (or none). */
    MockHttpServletRequestBuilder signOffForm(String version) {
        MockHttpServletRequestBuilder form = post(
                        "/systems/{id}/responsibility/sign-off", w.system().id())
                .param("side", "CUSTOMER")
                .param("confirm", "true");
        return version == null ? form : form.param("version", version);
    }

    /** An agreement recorded over the current version. */
    void agreement(CurrentUser u, String name, UUID a, UUID b) throws Exception {
        mvc.perform(json(post(base + "/agreements"), u, """
                        {"name":"%s","partyA":"%s","partyB":"%s","clauses":["3.1"]}""".formatted(name, a, b))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id())))
                .andExpect(status().isCreated());
    }

    @Test
    void staleOrVersionlessSignOffComesBackOnTheMatrixWithTheAlertAndSignsNothing() throws Exception {
        // the agreements a clean matrix needs (customer–provider, provider–each partner): only the version refuses
        agreement(customer, "云服务合同", w.customer().id(), w.provider().id());
        for (Organization partner : partners) {
            agreement(provider, "合作协议 " + partner.name(), w.provider().id(), partner.id());
        }
        mvc.perform(get(base + "/check").with(as(customer)))
                .andExpect(jsonPath("$.approvable").value(true));
        int now = current();
        String read = String.valueOf(now - 1);
        String matrix = "/systems/" + w.system().id() + "/responsibility";
        long audited = audits();
        for (String version : new String[] {read, null}) {
            String page = StaleForms.pageAfter(mvc, signOffForm(version), matrix, as(customer));
            assertThat(page)
                    .contains(
                            version == null ? "此表单没有说明打开时记录的版本" : "在您打开此页面之后，他人已于 20",
                            "，未签认。请先查看当前版本；如仍同意，请再次签认。",
                            "id=\"sign-off-form-CUSTOMER\"",
                            "name=\"version\" value=\"" + now + "\"")
                    .doesNotContain("下方保留了您填写的内容");
            assertThat(signOffs()).isZero();
            assertThat(audits()).isEqualTo(audited);
            assertThat(current()).isEqualTo(now);
        }
        assertThat(StaleForms.pageAfter(mvc, signOffForm(read).param("lang", "en"), matrix, as(customer)))
                .contains("after you opened this page; nothing was signed off. Review the current version; if you "
                        + "still agree with it, sign it off again.");
        // the page comes back to the alert that heads it, not to the sign-off section below, where it would not show
        mvc.perform(signOffForm(read).with(as(customer))).andExpect(redirectedUrl(matrix + "#stale-version"));
        mvc.perform(signOffForm(String.valueOf(now)).with(as(customer)))
                .andExpect(redirectedUrl(matrix + "#sign-offs"));
        assertThat(signOffs()).isEqualTo(1);
        assertThat(audits()).isEqualTo(audited + 1);
    }

    /** The row page's form taking back the provider's last hand-on, naming {@code version} (or none). */
    MockHttpServletRequestBuilder takeBackForm(String version) {
        MockHttpServletRequestBuilder form = post(
                        "/systems/{id}/responsibility/rows/{duty}/withdraw",
                        w.system().id(),
                        PROVIDER_ROW)
                .with(as(provider))
                .param("organisation", w.provider().id().toString())
                .param("role", "PROVIDER");
        return version == null ? form : form.param("version", version);
    }

    /** The provider row's page. */
    String rowPage() {
        return "/systems/" + w.system().id() + "/responsibility/rows/" + PROVIDER_ROW;
    }

    @Test
    void staleOrVersionlessTakeBackComesBackOnTheRowWithTheAlertAndTakesNothingBack() throws Exception {
        // the provider hands the work on (version 3); a row page read before that names version 2
        handOnToSecurity();
        long audited = audits();
        String stale = StaleForms.pageAfter(mvc, takeBackForm("2"), rowPage(), as(provider));
        assertThat(stale)
                .contains(
                        "id=\"stale-version\"",
                        "在您打开此页面之后，他人已于 20",
                        "，未收回任何转移。请查看当前记录；如仍需收回，请再次收回。",
                        "id=\"withdraw-0\"",
                        "name=\"version\" value=\"3\"")
                .doesNotContain("您的修改未保存");
        assertThat(StaleForms.pageAfter(mvc, takeBackForm("2").param("lang", "en"), rowPage(), as(provider)))
                .contains(
                        "Someone else changed this record at 20",
                        "after you opened this page; nothing was taken "
                                + "back. Review the current record; if the hand-on should still be taken back, take it back again.");
        // a form naming no version: the same alert on the row page, not the 428 error page
        assertThat(StaleForms.pageAfter(mvc, takeBackForm(null), rowPage(), as(provider)))
                .contains("此表单没有说明打开时记录的版本（可能是系统升级前打开的页面），未收回任何转移。", "name=\"version\" value=\"3\"");
        assertThat(current()).isEqualTo(3);
        assertThat(audits()).isEqualTo(audited);
        // the current version takes the hand-on back: a new version, audited
        mvc.perform(takeBackForm("3"))
                .andExpect(redirectedUrl("/systems/" + w.system().id() + "/responsibility/rows/" + PROVIDER_ROW));
        assertThat(current()).isEqualTo(4);
        assertThat(audits()).isEqualTo(audited + 1);
        mvc.perform(get(base + "/versions/4").with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.duty == '" + PROVIDER_ROW + "')].assignments[*].chain[*]")
                        .isEmpty());
        mvc.perform(get(base + "/versions/3").with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.duty == '" + PROVIDER_ROW + "')].assignments[*].chain[*]")
                        .isNotEmpty());
    }

    /**
     * A refused hand-on or take-back answers Post/Redirect/Get: a redirect to the row's own page, landing on the
     * alert, which the page then shows from the flash; reloading that page reads the row again and sends nothing.
     */
    @Test
    void refusedRowFormRedirectsToTheRowPageSoReloadingDoesNotPostAgain() throws Exception {
        handOnToSecurity();
        long audited = audits();
        MockHttpServletRequestBuilder handOn = post(
                        "/systems/{id}/responsibility/rows/{duty}/hops",
                        w.system().id(),
                        PROVIDER_ROW)
                .with(as(provider))
                .param("version", "2")
                .param("organisation", w.provider().id().toString())
                .param("role", "PROVIDER")
                .param("to", security.id().toString())
                .param("clause", "重发的条款");
        for (MockHttpServletRequestBuilder form : List.of(handOn, takeBackForm("2"), takeBackForm(null))) {
            var refused = mvc.perform(form)
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl(rowPage() + "#stale-version"))
                    .andReturn();
            assertThat(mvc.perform(get(rowPage()).with(as(provider)).flashAttrs(refused.getFlashMap()))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("id=\"stale-version\"", "name=\"version\" value=\"3\"");
            // the reload: the row as stored, no alert (the flash is spent), nothing sent again
            assertThat(mvc.perform(get(rowPage()).with(as(provider)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .doesNotContain("id=\"stale-version\"");
        }
        assertThat(current()).isEqualTo(3);
        assertThat(audits()).isEqualTo(audited);
    }

    /**
     * Invalid input on the row page answers Post/Redirect/Get as well: a redirect to the row landing on the field
     * errors, which the page shows from the flash with the typed clause kept; reloading sends nothing again.
     */
    @Test
    void invalidRowFormRedirectsToTheRowPageWithTheErrorsAndTheTypedInput() throws Exception {
        long audited = audits();
        String tooLong = "过长的条款".repeat(11);
        MockHttpServletRequestBuilder handOn = post(
                        "/systems/{id}/responsibility/rows/{duty}/hops",
                        w.system().id(),
                        PROVIDER_ROW)
                .with(as(provider))
                .param("version", "2")
                .param("organisation", w.provider().id().toString())
                .param("role", "PROVIDER")
                .param("to", security.id().toString())
                .param("agreement", "安全服务协议")
                .param("clause", tooLong);
        MockHttpServletRequestBuilder nobody = post(
                        "/systems/{id}/responsibility/rows/{duty}/withdraw",
                        w.system().id(),
                        PROVIDER_ROW)
                .with(as(provider))
                .param("version", "2")
                .param("lang", "en");
        for (MockHttpServletRequestBuilder form : List.of(handOn, nobody)) {
            var refused = mvc.perform(form)
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl(rowPage() + "#errors"))
                    .andReturn();
            String page = mvc.perform(get(rowPage())
                            .with(as(provider))
                            .flashAttrs(refused.getFlashMap())
                            .param("lang", form == handOn ? "zh-CN" : "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            // the errors head the page, far from the form: each names its field by the label the form shows
            assertThat(page)
                    .contains(
                            "id=\"errors\"",
                            form == handOn
                                    ? "条款：不能超过50个字符"
                                    : "Accountable party: Name the accountable organisation and its role.");
            if (form == handOn) {
                assertThat(page).contains("value=\"" + tooLong + "\"");
            }
            // the reload: the row as stored, no errors (the flash is spent), nothing sent again
            assertThat(mvc.perform(get(rowPage()).with(as(provider)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .doesNotContain("id=\"errors\"");
        }
        assertThat(current()).isEqualTo(2);
        assertThat(audits()).isEqualTo(audited);
    }

    @Test
    void staleOrVersionlessSspUploadComesBackToTheWorkbookPageWithTheAlert() throws Exception {
        byte[] ssp = mvc.perform(get(base + "/oscal-ssp")
                        .param("format", "json")
                        .param("side", "customer")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        for (String version : new String[] {"1", null}) {
            var form = multipart(
                            "/systems/{id}/responsibility/oscal-ssp", w.system().id())
                    .file(new MockMultipartFile("file", "ssp.json", "application/json", ssp));
            if (version != null) {
                form.param("version", version);
            }
            String workbook = "/systems/" + w.system().id() + "/responsibility/workbook";
            // the alert heads the page: the answer lands on it, not on the form's section below (#oscal)
            mvc.perform(form.with(as(customer))).andExpect(redirectedUrl(workbook + "#stale-version"));
            String page = StaleForms.pageAfter(mvc, form, workbook, as(customer));
            assertThat(page)
                    .contains(
                            version == null ? "此表单没有说明" : "他人已于 20",
                            "name=\"version\" value=\"2\"",
                            "id=\"ssp-stale-file\"",
                            "请先核对当前分工，再重新选择文件")
                    .doesNotContain("id=\"ssp-imported\"", "id=\"ssp-unchanged\"");
            assertThat(current()).isEqualTo(2);
        }
    }
}
