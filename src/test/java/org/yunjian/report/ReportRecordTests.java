package org.yunjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.cli.ExitCli;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/**
 * Approved reports are records (issue 34): rendered once at approval, downloaded byte for byte afterwards whatever
 * changes, corrected only by a new revision of the 批准人, checked offline with {@code yunjian report verify} and by
 * anyone on the public page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class ReportRecordTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.yunjian.security.internal.login.AddressThrottle throttle;

    Fixtures.World w;
    CurrentUser assessor;
    CurrentUser customer;
    String id;
    String finding;

    @BeforeEach
    void assessmentWithAFinding() throws Exception {
        throttle.clear();
        w = fixtures.world();
        assessor = user(w.assessor().id());
        customer = user(w.customer().id());
        String body = mvc.perform(post("/api/assessments")
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"记录测评","systemId":"%s","assessorOrgId":"%s",
                                 "assessorKind":"THIRD_PARTY","scope":["MLPS-L3"]}""".formatted(w.system().id(), w.assessor().id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        List<String> items = JsonPath.read(AssessmentItems.json(mvc, id, as(assessor)), "$[*].id");
        finding = items.get(1);
        mvc.perform(put("/api/assessment-items/{id}/verdict", items.get(1))
                        .with(IfMatch.item(jdbc, items.get(1)))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"HIGH\",\"riskReason\":\"管理流量未加密\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void approvedReportIsByteIdenticalAfterRemediationAndMatrixChange() throws Exception {
        SignOffFixture.complete(mvc, users, jdbc, id, assessor);
        byte[] docx = download("report.docx", customer);
        byte[] pdf = download("report.pdf", customer);
        byte[] oscal = download("oscal-results.json", assessor);

        // the customer moves the remediation on, and the system gets a responsibility matrix
        String task = JsonPath.read(
                mvc.perform(get("/api/assessments/{id}/remediations", id).with(as(customer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");
        mvc.perform(put("/api/remediations/{id}", task)
                        .with(IfMatch.remediation(jdbc, task))
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\",\"note\":\"客户已整改完毕\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/systems/{id}/responsibility", w.system().id()).with(as(customer)))
                .andExpect(status().isCreated());

        assertThat(download("report.docx", customer)).isEqualTo(docx);
        // the record holds the English rendering too, sealed as well: an English reader gets that, as often as asked
        byte[] english = mvc.perform(get("/api/assessments/{id}/report.pdf", id)
                        .with(as(customer))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(english)
                .isNotEqualTo(pdf)
                .isEqualTo(mvc.perform(get("/api/assessments/{id}/report.pdf", id)
                                .with(as(assessor))
                                .header("Accept-Language", "en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());
        assertThat(download("report.pdf", assessor)).isEqualTo(pdf);
        assertThat(download("oscal-results.json", customer)).isEqualTo(oscal);
        String revisions = mvc.perform(
                        get("/api/assessments/{id}/report-revisions", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>)
                        JsonPath.read(revisions, "$[0].files[?(@.format == 'PDF' && @.language == 'zh')].sm3"))
                .containsExactly(Sm3.hex(pdf));
        // sealed as the approver read it, with the customer's unshared evidence: not the provider's to download
        mvc.perform(get("/api/assessments/{id}/report.pdf", id)
                        .with(as(user(w.provider().id()))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'assessment.report.freeze' AND object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void reportVerifyAcceptsTheDownloadedFileAndRejectsItWithOneByteFlipped(@TempDir Path dir) throws Exception {
        SignOffFixture.complete(mvc, users, jdbc, id, assessor);
        Path pdf = Files.write(dir.resolve("report.pdf"), download("report.pdf", customer));
        Path seal = Files.write(
                dir.resolve("report.seal.json"),
                mvc.perform(get("/api/assessments/{id}/report-revisions/1/seal.json", id)
                                .with(as(customer)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());
        Path key = Files.write(
                dir.resolve("platform.pub.pem"),
                mvc.perform(get("/report-check/signing-key.pem"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());

        String[] ok = verify(pdf.toString(), "--seal", seal.toString(), "--pubkey", key.toString(), "--lang", "zh");
        assertThat(ok[0]).isEqualTo("0");
        assertThat(ok[1]).startsWith("一致：报告 ").contains("第 1 版");
        // without --seal: the *.seal.json next to the file
        assertThat(verify(pdf.toString(), "--pubkey", key.toString())[0]).isEqualTo("0");

        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 2] ^= 1;
        Path flipped = Files.write(dir.resolve("flipped.pdf"), bytes);
        String[] refused =
                verify(flipped.toString(), "--seal", seal.toString(), "--pubkey", key.toString(), "--lang", "zh");
        assertThat(refused[0]).isEqualTo("1");
        assertThat(refused[1]).isEmpty();
        assertThat(refused[2]).contains("文件与封签不符");
        assertThat(verify(flipped.toString(), "--seal", seal.toString(), "--pubkey", key.toString(), "--lang", "en")[2])
                .contains("the file does not match the seal");
    }

    @Test
    void aRevisionKeepsTheOldOneAndOnlyTheApproverIssuesIt() throws Exception {
        SignOffFixture.Signers s = SignOffFixture.complete(mvc, users, jdbc, id, assessor);
        byte[] first = download("report.docx", customer);
        String path = "/api/assessments/{id}/report-revisions";
        mvc.perform(post(path, id)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"更正\",\"confirm\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path, id)
                        .with(as(s.approver()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"更正\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path, id)
                        .with(as(s.approver()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"confirm\":true}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path, id)
                        .with(as(s.approver()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"更正测评对象名称\",\"confirm\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("至少指明一处更正")));
        mvc.perform(post(path, id)
                        .with(as(s.approver()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"reason":"更正测评对象名称","confirm":true,
                                 "corrections":[{"item":99999,"field":"RISK_REASON","text":"x"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("corrections[0].item")));
        mvc.perform(post(path, id)
                        .with(as(s.approver()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CORRECTION.formatted("更正测评对象名称", itemNumber(), RISK_TEXT_FIXED)))
                .andExpect(status().isCreated());

        String revisions = mvc.perform(get(path, id).with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<Integer>) JsonPath.read(revisions, "$[*].revision")).containsExactly(1, 2);
        assertThat((String) JsonPath.read(revisions, "$[1].reason")).isEqualTo("更正测评对象名称");
        assertThat((String) JsonPath.read(revisions, "$[1].approverName")).isNotBlank();
        // the old revision stays as it was; the report link gives the latest
        assertThat(mvc.perform(get(path + "/1/report.docx", id).with(as(customer)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .isEqualTo(first);
        byte[] latest = download("report.docx", customer);
        // a 修订版 says so on its cover, with its number and reason; the approved report does not
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(latest));
                var old = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(first))) {
            String cover = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx).getText();
            assertThat(cover).contains("修订版", "第 2 版", "更正测评对象名称");
            assertThat(new org.apache.poi.xwpf.extractor.XWPFWordExtractor(old).getText())
                    .doesNotContain("修订版");
        }
        assertThat((List<String>)
                        JsonPath.read(revisions, "$[1].files[?(@.format == 'DOCX' && @.language == 'zh')].sm3"))
                .containsExactly(Sm3.hex(latest));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'assessment.report.revise' AND object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the page's form: refused without the confirmation (said on the page, nothing sealed), sealed with it
        mvc.perform(post("/assessments/{id}/report-revisions", id)
                        .with(as(s.approver()))
                        .with(csrf())
                        .param("reason", "再次更正"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("conflict", org.hamcrest.Matchers.containsString("请勾选确认")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("errorsIn", "revision"));
        mvc.perform(post("/assessments/{id}/report-revisions", id)
                        .with(as(s.approver()))
                        .with(csrf())
                        .param("reason", "再次更正")
                        .param("confirm", "true")
                        .param("item", String.valueOf(itemNumber()), "")
                        .param("field", "RECOMMENDATION", "OBSERVATIONS")
                        .param("text", "启用 TLS 1.3 加密管理流量", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("message", org.hamcrest.Matchers.containsString("第 3 版")));
        assertThat(jdbc.sql("SELECT MAX(revision) FROM assessment_report_revision WHERE assessment_id = ?")
                        .param(java.util.UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        // the page lists the revisions with their SM3s
        String page = mvc.perform(get("/assessments/{id}", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"revision-1\"",
                        "id=\"revision-2\"",
                        Sm3.hex(first),
                        "更正测评对象名称",
                        RISK_TEXT_FIXED,
                        "启用 TLS 1.3 加密管理流量",
                        "/assessments/" + id + "/risks");
    }

    @Test
    void theGlobalSearchFindsAnApprovedReportByItsNumberForItsPartiesAndNeverForAnotherOrganisation() throws Exception {
        SignOffFixture.complete(mvc, users, jdbc, id, assessor);
        String number = JsonPath.read(
                mvc.perform(get("/api/assessments/{id}/report-revisions", id).with(as(customer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[0].reportNumber");
        for (CurrentUser party : List.of(customer, assessor)) {
            String found = mvc.perform(get("/api/search").param("q", number).with(as(party)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<List<String>>read(found, "$.reports[*].title")).containsExactly(number);
            assertThat(JsonPath.<String>read(found, "$.reports[0].href"))
                    .isEqualTo("/assessments/" + id + "#revision-1");
            assertThat(JsonPath.<String>read(found, "$.reports[0].note")).startsWith("第 1 版 · 记录测评 · ");
            assertThat(JsonPath.<Integer>read(found, "$.reportsTotal")).isEqualTo(1);
        }
        // the page shows it too, the revision in words
        String page = mvc.perform(get("/search").param("q", number).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"search-reports\"", ">" + number + "</a>", "第 1 版");
        String stranger = mvc.perform(get("/api/search")
                        .param("q", number)
                        .with(as(user(w.stranger().id()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(stranger, "$.reports")).isEmpty();
        assertThat(JsonPath.<Integer>read(stranger, "$.reportsTotal")).isZero();
    }

    @Test
    void thePublicCheckAnswersAnyoneYesOrNoAndNothingMore() throws Exception {
        SignOffFixture.complete(mvc, users, jdbc, id, assessor);
        byte[] pdf = download("report.pdf", customer);
        String number = JsonPath.read(
                mvc.perform(get("/api/assessments/{id}/report-revisions", id).with(as(customer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[0].reportNumber");

        String yes = mvc.perform(
                        get("/api/report-check").param("number", number).param("sm3", Sm3.hex(pdf)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((Boolean) JsonPath.read(yes, "$.genuine")).isTrue();
        assertThat((Integer) JsonPath.read(yes, "$.revision")).isEqualTo(1);
        assertThat((String) JsonPath.read(yes, "$.format")).isEqualTo("PDF");
        assertThat((String) JsonPath.read(yes, "$.assessorOrganization"))
                .isEqualTo(w.assessor().name());

        String otherFile = mvc.perform(
                        get("/api/report-check").param("number", number).param("sm3", Sm3.hex(new byte[1])))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(otherFile).isEqualTo("{\"genuine\":false}");
        String otherNumber = mvc.perform(get("/api/report-check")
                        .param("number", "YJ-1999-000001")
                        .param("sm3", Sm3.hex(pdf)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(otherNumber).isEqualTo("{\"genuine\":false}");
        // a malformed SM3 or a missing number is bad input, named, not a silent "no"
        String malformed = mvc.perform(
                        get("/api/report-check").param("number", number).param("sm3", "zz"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(malformed).contains("sm3").contains("64");
        mvc.perform(get("/api/report-check").param("sm3", Sm3.hex(pdf))).andExpect(status().isBadRequest());

        String page = mvc.perform(get("/report-check").param("number", number).param("sm3", Sm3.hex(pdf)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"check-genuine\"", number, w.assessor().name());
        // the page says the same as the API: the field and why, with a 400 — it answered "否" to a typo
        String typo = mvc.perform(get("/report-check").param("number", number).param("sm3", "zz"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(typo).contains("id=\"check-sm3-error\"", "SM3 应为 64 位十六进制数字").doesNotContain("id=\"check-unknown\"");
        assertThat(mvc.perform(get("/report-check").param("number", " ").param("sm3", Sm3.hex(pdf)))
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"check-number-error\"", "请输入报告编号");
        String upload = mvc.perform(multipart("/report-check")
                        .file(new MockMultipartFile("file", "x.bin", "application/octet-stream", pdf))
                        .param("number", number)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(upload).contains("id=\"check-genuine\"");
        String wrong = mvc.perform(multipart("/report-check")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
                        .param("number", number)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrong)
                .contains("id=\"check-unknown\"")
                .doesNotContain(w.assessor().name());
        mvc.perform(multipart("/report-check")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", "just text".getBytes()))
                        .param("number", number)
                        .with(csrf()))
                .andExpect(status().isBadRequest());

        // anonymous reaches the check only, not the records behind it
        mvc.perform(get("/api/assessments/{id}/report-revisions", id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/assessments/{id}/report-revisions/1/report.pdf", id))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void failedPublicChecksAreRateLimitedPerAddress() throws Exception {
        int answered = 0;
        for (int i = 0; i < 40; i++) {
            int s = mvc.perform(get("/api/report-check")
                            .param("number", "YJ-1999-000001")
                            .param("sm3", Sm3.hex(new byte[] {(byte) i})))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (s == 429) {
                break;
            }
            answered++;
        }
        assertThat(answered).isLessThan(40);
        mvc.perform(get("/report-check").param("number", "x").param("sm3", Sm3.hex(new byte[] {1})))
                .andExpect(status().isTooManyRequests());
        throttle.clear();
    }

    static final String RISK_TEXT = "管理流量未加密";
    static final String RISK_TEXT_FIXED = "管理平面流量未加密（批准时已核实）";
    static final String CORRECTION = """
            {"reason":"%s","confirm":true,
             "corrections":[{"item":%d,"field":"RISK_REASON","text":"%s"}]}""";

    /** The report's number of the item with the finding (the corrections name items by it). */
    int itemNumber() throws Exception {
        List<String> items = JsonPath.read(AssessmentItems.json(mvc, id, as(assessor)), "$[*].id");
        return items.indexOf(finding) + 1; // the report numbers items in the order the API lists them
    }

    @Test
    void aRevisionCorrectsTheApprovedContentAndNothingTheCustomerReportedAfterwards() throws Exception {
        SignOffFixture.Signers s = SignOffFixture.complete(mvc, users, jdbc, id, assessor);
        byte[] docx1 = download("report.docx", customer);
        byte[] pdf1 = download("report.pdf", customer);
        // after approval the customer reports the remediation done, with a note
        String task = JsonPath.read(
                mvc.perform(get("/api/assessments/{id}/remediations", id).with(as(customer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");
        mvc.perform(put("/api/remediations/{id}", task)
                        .with(IfMatch.remediation(jdbc, task))
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\",\"note\":\"客户已整改完毕\"}"))
                .andExpect(status().isOk());
        // the approver corrects a typo a day later
        String body = mvc.perform(post("/api/assessments/{id}/report-revisions", id)
                        .with(as(s.approver()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CORRECTION.formatted("更正风险理由的错字", itemNumber(), RISK_TEXT_FIXED)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(body, "$.changes[0].before")).isEqualTo(RISK_TEXT);
        assertThat((String) JsonPath.read(body, "$.changes[0].after")).isEqualTo(RISK_TEXT_FIXED);
        byte[] docx2 = download("report.docx", customer);
        byte[] pdf2 = download("report.pdf", customer);

        // Word: every line the same but the corrected field's, the revision's cover line and its signature line
        List<String> before = docxLines(docx1);
        List<String> after = docxLines(docx2);
        List<String> removed = new java.util.ArrayList<>(before);
        removed.removeAll(after);
        List<String> added = new java.util.ArrayList<>(after);
        added.removeAll(before);
        assertThat(removed).isNotEmpty().allSatisfy(l -> assertThat(l).contains(RISK_TEXT));
        assertThat(added).isNotEmpty().allSatisfy(l -> assertThat(l).containsAnyOf(RISK_TEXT_FIXED, "第 2 版"));
        assertThat(String.join("\n", added)).contains(RISK_TEXT_FIXED, "修订原因：更正风险理由的错字", "批准人（第 2 版修订）");
        assertThat(after).noneMatch(l -> l.contains("客户已整改完毕"));
        assertThat(reportDateLines(after)).isNotEmpty().isEqualTo(reportDateLines(before));

        // PDF: the same, besides page footers (a longer text may move a page break)
        List<String> pdfBefore = pdfLines(pdf1);
        List<String> pdfAfter = pdfLines(pdf2);
        List<String> pdfAdded = new java.util.ArrayList<>(pdfAfter);
        pdfAdded.removeAll(pdfBefore);
        assertThat(pdfAdded).isNotEmpty();
        assertThat(String.join("", pdfAdded).replaceAll("\\s", "")).contains(RISK_TEXT_FIXED, "第2版");
        assertThat(String.join("", pdfAfter)).doesNotContain("客户已整改完毕");
        assertThat(reportDateLines(pdfAfter)).isNotEmpty().isEqualTo(reportDateLines(pdfBefore));
    }

    static List<String> docxLines(byte[] docx) throws Exception {
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                var x = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(d)) {
            return x.getText()
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
        }
    }

    static List<String> pdfLines(byte[] pdf) throws Exception {
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(d)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.matches("第 ?\\d+ ?页.*"))
                    .toList();
        }
    }

    static List<String> reportDateLines(List<String> lines) {
        return lines.stream().filter(l -> l.contains("报告日期")).toList();
    }

    byte[] download(String document, CurrentUser u) throws Exception {
        return mvc.perform(get("/api/assessments/{id}/" + document, id).with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    static String[] verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "report";
        all[1] = "verify";
        System.arraycopy(args, 0, all, 2, args.length);
        int rc = ExitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new String[] {
            String.valueOf(rc), out.toString().strip(), err.toString().strip()
        };
    }
}
