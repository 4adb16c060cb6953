package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.catalog.PartyRole;
import org.yunjian.crypto.Sm3;
import org.yunjian.documents.DocumentFormat;
import org.yunjian.exit.DeletionCertificate.Invalid;
import org.yunjian.exit.ReportSeal;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.party.PartyTestSupport;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.TestAccounts;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.keys.PlatformSigningKey;
import org.yunjian.support.LibreOffice;

/**
 * The monthly 安全运行报告 issued as a record: the customer issues a closed month once (Word and PDF, zh and en, stored
 * byte for byte with a manifest signed by the platform key); every download of the month is then the stored bytes,
 * the same SM3 each time, whatever the data do afterwards; the manifest verifies with the public key and not once a
 * byte changed; a second issue is 409, an open or future month 400, another organisation 403 or 404; the provider and
 * the security service agent are notified (no task); a correction is a revision that supersedes the first.
 */
class IssuedReportTests extends MonitoringWorldTests {

    @Autowired
    PlatformSigningKey key;

    @Autowired
    UserAdministration users;

    @Autowired
    OperationReportRecords records;

    final YearMonth last = YearMonth.now(Formats.zone()).minusMonths(1);

    @Override
    protected String page() {
        return HOME;
    }

    String reports(CloudSystem s) {
        return "/api/systems/" + s.id() + "/monitoring/reports/";
    }

    String list(CloudSystem s) {
        return "/api/systems/" + s.id() + "/monitoring/reports";
    }

    static Instant at(YearMonth month, int day) {
        return month.atDay(day).atTime(9, 0).atZone(Formats.zone()).toInstant();
    }

    ResultActions issue(CloudSystem s, String month, CurrentUser u, String body) throws Exception {
        return request(
                post(reports(s) + month + "/issue")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .accept(MediaType.APPLICATION_JSON),
                u);
    }

    byte[] download(String url, CurrentUser u) throws Exception {
        var r = request(get(url), u).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getHeader("X-Content-SM3")).isEqualTo(Sm3.hex(r.getContentAsByteArray()));
        return r.getContentAsByteArray();
    }

    @Test
    void issuedOnceThenEveryDownloadIsTheStoredBytesAndTheManifestIsSigned() throws Exception {
        UUID m = addMonitor();
        probe(m, at(last, 1), 120, "OK");
        probe(m, at(last, 2), 120, "TIMEOUT");
        String json = issue(w.system(), last.toString(), customer, "{\"confirm\":true}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.month").value(last.toString()))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.files.length()").value(4))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String number = JsonPath.read(json, "$.reportNumber");
        assertThat(number).matches("YJ-SOR-\\d{4}-\\d{6}");
        String pdfSm3 = JsonPath.read(json, "$.files[?(@.format=='PDF' && @.language=='zh')].sm3")
                .toString()
                .replaceAll("[\\[\\]\"]", "");

        // later probes of that month change nothing: the record is what was issued
        String pdfUrl = reports(w.system()) + last + "?format=pdf&language=zh";
        byte[] first = download(pdfUrl, provider);
        probe(m, at(last, 3), 120, "OK");
        byte[] second = download(pdfUrl, customer);
        assertThat(second).isEqualTo(first);
        assertThat(Sm3.hex(first)).isEqualTo(pdfSm3);
        try (PDDocument doc = Loader.loadPDF(first)) {
            assertThat(new PDFTextStripper().getText(doc).replace('\u00a0', ' '))
                    .contains("网站安全监测月报", "50.00 %", "报告编号 " + number + "（第 1 版）");
        }
        byte[] english = download(reports(w.system()) + last + "?format=pdf&language=en", customer);
        try (PDDocument doc = Loader.loadPDF(english)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("1 Summary");
        }
        assertThat(records.content(w.system().id(), last, DocumentFormat.PDF, "zh"))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(first));
        assertThat(records.issued(w.system().id())).singleElement().satisfies(r -> assertThat(r.reportNumber())
                .isEqualTo(number));
        // issue 60: the public check, without a login, says the issued file is genuine — and a wrong pair is not
        mvc.perform(get("/api/report-check").param("number", number).param("sm3", pdfSm3.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.genuine").value(true))
                .andExpect(jsonPath("$.kind").value("monitoring-report"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.assessorOrganization").value(w.customer().name()))
                .andExpect(jsonPath("$.format").value("PDF"))
                .andExpect(jsonPath("$.language").value("zh"));
        mvc.perform(get("/api/report-check").param("number", number).param("sm3", Sm3.hex(english)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.genuine").value(true));
        mvc.perform(get("/api/report-check")
                        .param("number", "YJ-SOR-2000-000001")
                        .param("sm3", pdfSm3))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.genuine").value(false))
                .andExpect(jsonPath("$.kind").doesNotExist());
        mvc.perform(get("/report-check").param("number", number).param("sm3", pdfSm3))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("是：网站安全监测月报 " + number + " 第 1 版")));

        // the manifest: signed by the platform key, naming the month, the issuer and every file; one byte changed fails
        byte[] manifest = download(reports(w.system()) + last + "/manifest", provider);
        ReportSeal.Sealed sealed = ReportSeal.verify(manifest, key.pair().getPublic());
        assertThat(sealed.content())
                .containsEntry("reportNumber", number)
                .containsEntry("month", last.toString())
                .containsEntry("kind", "security-operation-report");
        assertThat(((Map<?, ?>) sealed.content().get("issuer")).get("id"))
                .isEqualTo(customer.userId().toString());
        assertThat(sealed.files()).hasSize(4);
        assertThat(sealed.fileOf(first).get("language")).isEqualTo("zh");
        assertThat(sealed.summary(sealed.fileOf(first)).text()).contains(number).containsAnyOf("签发", "issued");
        byte[] changed = manifest.clone();
        int at = new String(manifest, StandardCharsets.UTF_8).indexOf(last.toString());
        changed[at + 6] = (byte) (changed[at + 6] == '1' ? '2' : '1');
        assertThatThrownBy(() -> ReportSeal.verify(changed, key.pair().getPublic()))
                .isInstanceOf(Invalid.class);
        // issue 60: a third party checks it with stock OpenSSL 3 and the key published without a login, as
        // docs/signatures.md writes the recipe — and the changed manifest fails there too
        String published = mvc.perform(get("/report-check/signing-key.pem"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.US_ASCII);
        var checked = org.yunjian.support.OpenSslRecipe.verify(manifest, published);
        assertThat(checked.verified()).as(checked.output()).isTrue();
        assertThat(org.yunjian.support.OpenSslRecipe.verify(changed, published).verified())
                .isFalse();
        byte[] tampered = first.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThatThrownBy(() -> sealed.fileOf(tampered)).isInstanceOf(Invalid.class);

        // offline, as the regulator checks it: yunjian report verify with the manifest and the platform's public key
        Path dir = org.yunjian.support.Scratch.directory("issued-report-");
        Path pdf = Files.write(dir.resolve("report.pdf"), first);
        Path seal = Files.write(dir.resolve("report.seal.json"), manifest);
        Path pub = Files.writeString(dir.resolve("platform.pub.pem"), key.publicKeyPem());
        assertThat(cli("report", "verify", pdf.toString(), "--seal", seal.toString(), "--pubkey", pub.toString()))
                .startsWith("0 一致：报告 " + number + " 第 1 版")
                .contains("签发于", "签发人");
        Path bad = Files.write(dir.resolve("changed.pdf"), tampered);
        assertThat(cli("report", "verify", bad.toString(), "--pubkey", pub.toString()))
                .startsWith("1 ");

        // audited
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action = 'monitor.report.issue'")
                        .param(w.system().id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the Word file opens in LibreOffice
        byte[] docx = download(reports(w.system()) + last + "?format=docx&language=zh", customer);
        try (PDDocument doc = Loader.loadPDF(LibreOffice.toPdf(docx, "issued-report"))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("网站安全监测月报");
        }
    }

    @Test
    void issuingTwiceIs409AnOpenMonth400AndOnlyTheCustomerMayIssue() throws Exception {
        String now = YearMonth.now(Formats.zone()).toString();
        issue(w.system(), now, customer, "{\"confirm\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").value(org.hamcrest.Matchers.containsString(now)));
        issue(w.system(), YearMonth.now(Formats.zone()).plusMonths(1).toString(), customer, "{\"confirm\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").isString());
        issue(w.system(), last.toString(), customer, "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.confirm").isString());
        issue(w.system(), last.toString(), provider, "{\"confirm\":true}").andExpect(status().isForbidden());
        issue(w.system(), last.toString(), stranger, "{\"confirm\":true}").andExpect(status().isNotFound());
        request(get(reports(w.system()) + last + "/manifest"), customer).andExpect(status().isNotFound());

        issue(w.system(), last.toString(), customer, "{\"confirm\":true}").andExpect(status().isCreated());
        issue(w.system(), last.toString(), customer, "{\"confirm\":true}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(last.toString())));
        request(get(list(w.system())), stranger).andExpect(status().isNotFound());
        request(get(reports(w.system()) + last + "/manifest"), stranger).andExpect(status().isNotFound());

        // a correction: a new revision with its reason; the first stays downloadable, marked superseded
        byte[] r1 = download(reports(w.system()) + last + "?format=pdf&language=zh", customer);
        request(
                        post(reports(w.system()) + last + "/revisions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"confirm\":true}"),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").isString());
        request(
                        post(reports(w.system()) + last + "/revisions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"confirm\":true,\"reason\":\"补录 10 日的检测\"}"),
                        customer)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.reason").value("补录 10 日的检测"));
        request(get(list(w.system())), provider)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].revision").value(2))
                .andExpect(jsonPath("$[0].superseded").value(false))
                .andExpect(jsonPath("$[1].revision").value(1))
                .andExpect(jsonPath("$[1].superseded").value(true))
                .andExpect(jsonPath("$[0].reportNumber")
                        .value(JsonPath.<String>read(
                                request(get(list(w.system())), provider)
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString(StandardCharsets.UTF_8),
                                "$[1].reportNumber")));
        assertThat(download(reports(w.system()) + last + "?format=pdf&language=zh&revision=1", customer))
                .isEqualTo(r1);
        request(get(reports(w.system()) + last + "?format=pdf&revision=3"), customer)
                .andExpect(status().isNotFound());
    }

    @Test
    void theProviderAndTheSecurityAgentAreNotifiedNotGivenATask() throws Exception {
        Organization agent = fixtures.organization("安全服务 " + UUID.randomUUID(), PartyRole.AGENT_SECURITY_SERVICE);
        CloudSystem s = fixtures.system(
                "报告系统 " + UUID.randomUUID().toString().substring(0, 6),
                w.customer(),
                w.provider(),
                new CloudSystem.Agent(agent.id(), PartyRole.AGENT_SECURITY_SERVICE));
        UUID providerPerson = person(w.provider().id());
        UUID agentPerson = person(agent.id());
        UUID customerPerson = person(w.customer().id());
        String json = issue(s, last.toString(), customer, "{\"confirm\":true}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String scope = "monitor-report:" + JsonPath.read(json, "$.id");
        for (UUID told : List.of(providerPerson, agentPerson)) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE scope = ? AND user_id = ? AND read_at IS NULL")
                            .params(scope, told)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE scope = ? AND user_id = ?")
                        .params(scope, customerPerson)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_task WHERE scope = ?")
                        .param(scope)
                        .query(Long.class)
                        .single())
                .as("a notice, nothing waits")
                .isZero();
    }

    /** The offline command's exit status and its line ({@code --lang zh}). */
    static String cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        String[] all = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of("--lang", "zh"))
                .toArray(String[]::new);
        int rc = org.yunjian.exit.cli.ExitCli.run(
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), all);
        return rc + " " + out.toString().strip() + err.toString().strip();
    }

    UUID person(UUID org) {
        String name = "report-" + UUID.randomUUID().toString().substring(0, 8);
        return PartyTestSupport.runAs(PartyTestSupport.admin(), () -> TestAccounts.create(
                        users, new UserAdministration.NewUser(name, "报告读者", Role.USER, org, "Report-Test-2026!"))
                .id());
    }

    @Test
    void theSystemPageListsIssuedMonthsAndOffersIssuingToTheCustomerOnly() throws Exception {
        String page = "/systems/" + w.system().id() + "/monitoring";
        org.jsoup.nodes.Document before = org.jsoup.Jsoup.parse(request(get(page), customer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(before.select("#issue-form")).hasSize(1);
        assertThat(before.select("#issue-month").attr("value")).isEqualTo(last.toString());
        assertThat(before.select("#issued-empty").text()).isEqualTo("尚未签发任何月份的报告。");
        org.jsoup.nodes.Document providers = org.jsoup.Jsoup.parse(
                request(get(page), provider).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(providers.select("#issue-form")).isEmpty();

        request(post(page + "/reports/issue").param("month", last.toString()).param("confirm", "true"), customer)
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", page + "#operation-report"));
        org.jsoup.nodes.Document after = org.jsoup.Jsoup.parse(
                request(get(page), provider).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(after.select(".issued-row")).hasSize(1);
        assertThat(after.select(".issued-row").text()).contains(last.toString(), "YJ-SOR-");
        assertThat(after.select(".issued-file")).hasSize(4);
        assertThat(after.select(".issued-file").eachText()).contains("PDF（中文）", "Word（英文）");
        assertThat(after.select(".issued-row code.sm3").first().text()).matches("[0-9a-f]{64}");
        assertThat(Jsoup.parse(request(get(page), customer)
                                .andReturn()
                                .getResponse()
                                .getContentAsString(StandardCharsets.UTF_8))
                        .select("#issue-month")
                        .attr("value"))
                .as("last month is issued: nothing proposed")
                .isEmpty();

        // a second issue is refused, the reason on the page
        var refused = request(
                        post(page + "/reports/issue")
                                .param("month", last.toString())
                                .param("confirm", "true"),
                        customer)
                .andExpect(status().is3xxRedirection())
                .andReturn();
        org.jsoup.nodes.Document shown =
                org.jsoup.Jsoup.parse(mvc.perform(get(page).with(as(customer)).flashAttrs(refused.getFlashMap()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(shown.select("#issue-refused").text()).contains(last.toString(), "已签发");

        // a correction from the page: without a reason refused on the page, with one a revision 2 that supersedes
        var noReason = request(
                        post(page + "/reports/" + last + "/revisions")
                                .param("reason", " ")
                                .param("confirm", "true"),
                        customer)
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(Jsoup.parse(mvc.perform(get(page).with(as(customer)).flashAttrs(noReason.getFlashMap()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(StandardCharsets.UTF_8))
                        .select("#issue-refused")
                        .text())
                .contains("修订原因");
        request(
                        post(page + "/reports/" + last + "/revisions")
                                .param("reason", "补录检测")
                                .param("confirm", "true"),
                        provider)
                .andExpect(status().isForbidden());
        request(
                        post(page + "/reports/" + last + "/revisions")
                                .param("reason", "补录检测")
                                .param("confirm", "true"),
                        customer)
                .andExpect(status().is3xxRedirection());
        org.jsoup.nodes.Document revised = Jsoup.parse(
                request(get(page), customer).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(revised.select(".issued-row")).hasSize(2);
        assertThat(revised.select("#issued-" + last + "-2").text()).contains("第 2 版", "修订原因：补录检测");
        assertThat(revised.select("#issued-" + last + "-1").text()).contains("已被修订版取代");
        assertThat(revised.select("details.revise"))
                .as("only the one in force is revised")
                .hasSize(1);
    }
}
