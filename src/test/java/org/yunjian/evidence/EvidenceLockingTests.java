package org.yunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;
import org.yunjian.support.OneWriterWins;
import org.yunjian.support.StaleForms;
import org.yunjian.support.StaleProblem;

/**
 * Optimistic locking of evidence request lines (answer, decision, addressee: one version per line), of evidence
 * metadata (validity, sharing, links: one version per evidence record) and of inheritance (the item's version for one
 * item, the assessment's for all): a stale change gets 409 and stores nothing, a change naming no version 428, a stale
 * page form comes back with the typed input and the clear alert, and of two writers of the same version exactly one
 * wins.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class EvidenceLockingTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser assessor;
    CurrentUser provider;
    String id;
    List<UUID> platform;

    @BeforeEach
    void world() throws Exception {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        provider = user(w.provider().id());
        id = JsonPath.read(ApiAssessments.post(mvc, assessor, w, "年度测评"), "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        platform = jdbc.sql("SELECT id FROM assessment_item WHERE assessment_id = ? AND side = 'CLOUD_PLATFORM' "
                        + "ORDER BY position")
                .param(UUID.fromString(id))
                .query(UUID.class)
                .list();
    }

    // --- evidence request lines

    /** One line for the first cloud-platform item, addressed to the provider: its id. */
    String line() throws Exception {
        String body = mvc.perform(post("/api/assessments/{id}/evidence-requests", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"lines":[{"title":"虚拟化隔离说明","itemIds":["%s"],"dueDate":"%s","addressee":"PROVIDER"}]}""".formatted(platform.get(0), LocalDate.now().plusDays(14))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<List<String>>read(body, "$[*].id").get(0);
    }

    MockMultipartHttpServletRequestBuilder answer(String lineId) {
        return multipart("/api/evidence-request-lines/{id}/evidence", lineId)
                .file(new MockMultipartFile("file", "隔离说明.pdf", "application/pdf", PDF))
                .with(as(provider));
    }

    MockHttpServletRequestBuilder decide(String lineId, boolean accept) {
        return put("/api/evidence-request-lines/{id}/decision", lineId)
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .content(accept ? "{\"accept\":true}" : "{\"accept\":false,\"comment\":\"请补充签章页\"}");
    }

    MockHttpServletRequestBuilder readdress(String lineId, String party) {
        return put("/api/evidence-request-lines/{id}/addressee", lineId)
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"addressee\":\"" + party + "\"}");
    }

    String lineStatus(String lineId) {
        return jdbc.sql("SELECT status FROM assessment_evidence_request_line WHERE id = ?")
                .param(UUID.fromString(lineId))
                .query(String.class)
                .single();
    }

    long lineVersion(String lineId) {
        return IfMatch.stored(jdbc, "assessment_evidence_request_line", "id", lineId);
    }

    long filesOfAssessment() {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_evidence WHERE assessment_id = ?")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    @Test
    void theLineAnswersItsVersionAsETagAndEveryChangeOfItNamesIt() throws Exception {
        String l = line();
        mvc.perform(get("/api/evidence-request-lines/{id}", l).with(as(provider)))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(readdress(l, "CUSTOMER").with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(readdress(l, "PROVIDER").with(IfMatch.version(0)).param("lang", "en"))
                .andExpect(StaleProblem.inEnglish(1));
        mvc.perform(readdress(l, "PROVIDER")).andExpect(status().isPreconditionRequired());
        mvc.perform(readdress(l, "PROVIDER").with(IfMatch.read(mvc, "/api/evidence-request-lines/" + l, as(assessor))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        // an answer over a version read before the re-addressing is refused and stores no file
        mvc.perform(answer(l).with(IfMatch.version(1))).andExpect(StaleProblem.inChinese());
        mvc.perform(answer(l)).andExpect(status().isPreconditionRequired());
        assertThat(filesOfAssessment()).isZero();
        mvc.perform(answer(l).param("version", "2")).andExpect(status().isCreated());
        // the decision names the version with the answer: one read before it is stale
        mvc.perform(decide(l, true).with(IfMatch.version(2))).andExpect(status().isPreconditionFailed());
        mvc.perform(decide(l, true).with(IfMatch.version(3)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(header().string("ETag", "\"4\""));
        assertThat(lineVersion(l)).isEqualTo(4);
    }

    @Test
    void ofTwoConcurrentDecisionsExactlyOneWins() throws Exception {
        String l = line();
        mvc.perform(answer(l).with(IfMatch.version(0))).andExpect(status().isCreated());
        boolean acceptWon = OneWriterWins.race(
                mvc, decide(l, true).with(IfMatch.version(1)), decide(l, false).with(IfMatch.version(1)));
        assertThat(lineStatus(l)).isEqualTo(acceptWon ? "ACCEPTED" : "RETURNED");
        assertThat(lineVersion(l)).isEqualTo(2);
    }

    @Test
    void ofTwoConcurrentAnswersExactlyOneIsStored() throws Exception {
        String l = line();
        OneWriterWins.race(
                mvc, 201, answer(l).with(IfMatch.version(0)), answer(l).with(IfMatch.version(0)));
        assertThat(filesOfAssessment()).isEqualTo(1);
        assertThat(lineStatus(l)).isEqualTo("SUBMITTED");
    }

    @Test
    void staleDecisionFormComesBackWithTheTypedCommentAndTheAlert() throws Exception {
        String l = line();
        mvc.perform(answer(l).with(IfMatch.version(0))).andExpect(status().isCreated());
        String page = StaleForms.pageAfter(
                mvc,
                post("/evidence-request-lines/{id}/decision", l)
                        .param("accept", "false")
                        .param("comment", "我写的退回意见")
                        .param("version", "0"),
                "/assessments/" + id + "/evidence-requests",
                as(assessor));
        assertThat(page).contains("在您打开此表单之后，他人已于 20", "value=\"我写的退回意见\"", "name=\"version\" value=\"1\"");
        assertThat(lineStatus(l)).isEqualTo("SUBMITTED");
        // the form without a version comes back like a stale one: the page, the alert, the typed comment
        String missing = StaleForms.pageAfter(
                mvc,
                post("/evidence-request-lines/{id}/decision", l)
                        .param("accept", "false")
                        .param("comment", "没有版本的意见"),
                "/assessments/" + id + "/evidence-requests",
                as(assessor));
        assertThat(missing).contains("此表单没有说明打开时记录的版本", "value=\"没有版本的意见\"");
        assertThat(lineStatus(l)).isEqualTo("SUBMITTED");
        // saving the kept comment again, over the version the form now names, is deliberate
        mvc.perform(post("/evidence-request-lines/{id}/decision", l)
                        .with(as(assessor))
                        .param("accept", "false")
                        .param("comment", "我写的退回意见")
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(lineStatus(l)).isEqualTo("RETURNED");
    }

    @Test
    void staleAnswerFormComesBackWithTheTypedDateAndStoresNoFile() throws Exception {
        String l = line();
        mvc.perform(readdress(l, "CUSTOMER").with(IfMatch.version(0))).andExpect(status().isOk());
        mvc.perform(readdress(l, "PROVIDER").with(IfMatch.version(1))).andExpect(status().isOk());
        // a multipart form: posted and followed by hand as StaleForms does for plain forms
        var flash = mvc.perform(multipart("/evidence-request-lines/{id}/evidence", l)
                        .file(new MockMultipartFile("file", "隔离说明.pdf", "application/pdf", PDF))
                        .param("validUntil", "2031-05-05")
                        .param("back", "mine")
                        .param("version", "0")
                        .with(as(provider)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap();
        String page = mvc.perform(get("/evidence-requests").with(as(provider)).flashAttrs(flash))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"stale-version\"", "在您打开此表单之后，他人已于 20");
        assertThat(page).contains("id=\"upload-" + l + "\"", "value=\"2031-05-05\"", "name=\"version\" value=\"2\"");
        assertThat(filesOfAssessment()).isZero();
    }

    // --- evidence metadata

    /** The assessor's file for the first cloud-platform item: its id. */
    String evidence() throws Exception {
        return JsonPath.read(
                mvc.perform(multipart("/api/assessment-items/{id}/evidence", platform.get(0))
                                .file(new MockMultipartFile("file", "机房照片.pdf", "application/pdf", PDF))
                                .with(as(assessor)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    MockHttpServletRequestBuilder validity(String ev, String date) {
        return put("/api/evidence/{id}/validity", ev)
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"validUntil\":\"" + date + "\"}");
    }

    String validUntil(String ev) {
        return jdbc.sql("SELECT valid_until FROM assessment_evidence WHERE id = ?")
                .param(UUID.fromString(ev))
                .query(String.class)
                .single();
    }

    long evidenceVersion(String ev) {
        return IfMatch.stored(jdbc, "assessment_evidence", "id", ev);
    }

    @Test
    void evidenceAnswersItsVersionAndValiditySharingAndLinksEachNameIt() throws Exception {
        String ev = evidence();
        mvc.perform(get("/api/evidence/{id}", ev).with(as(assessor)))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(validity(ev, "2030-01-01").with(IfMatch.version(0)))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(validity(ev, "2031-01-01").with(IfMatch.version(0)).param("lang", "en"))
                .andExpect(StaleProblem.inEnglish(1));
        mvc.perform(validity(ev, "2031-01-01")).andExpect(status().isPreconditionRequired());
        assertThat(validUntil(ev)).isEqualTo("2030-01-01");
        // sharing is a change of the same record
        String share = "{\"shared\":true}";
        mvc.perform(put("/api/evidence/{id}/shared", ev)
                        .with(as(assessor))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(share))
                .andExpect(StaleProblem.inChinese());
        mvc.perform(put("/api/evidence/{id}/shared", ev)
                        .with(as(assessor))
                        .with(IfMatch.read(mvc, "/api/evidence/" + ev, as(assessor)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(share))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.sharedWithProvider").value(true));
        // so are its links
        String link = "{\"assessmentId\":\"%s\",\"itemIds\":[\"%s\"]}".formatted(id, platform.get(1));
        mvc.perform(post("/api/evidence/{id}/links", ev)
                        .with(as(assessor))
                        .with(IfMatch.version(1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(link))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/evidence/{id}/links", ev)
                        .with(as(assessor))
                        .with(IfMatch.version(2))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(link))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""));
        mvc.perform(delete("/api/evidence/{id}/links/{item}", ev, platform.get(1))
                        .with(as(assessor))
                        .with(IfMatch.version(2)))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(delete("/api/evidence/{id}/links/{item}", ev, platform.get(1))
                        .with(as(assessor)))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(delete("/api/evidence/{id}/links/{item}", ev, platform.get(1))
                        .with(as(assessor))
                        .with(IfMatch.version(3)))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"4\""));
        assertThat(evidenceVersion(ev)).isEqualTo(4);
    }

    @Test
    void ofTwoConcurrentValidityChangesExactlyOneWins() throws Exception {
        String ev = evidence();
        boolean firstWon = OneWriterWins.race(
                mvc,
                204,
                validity(ev, "2030-01-01").with(IfMatch.version(0)),
                validity(ev, "2031-01-01").with(IfMatch.version(0)));
        assertThat(validUntil(ev)).isEqualTo(firstWon ? "2030-01-01" : "2031-01-01");
        assertThat(evidenceVersion(ev)).isEqualTo(1);
    }

    @Test
    void staleValidityAndSharingFormsComeBackWithTheAlertAndTheTypedDate() throws Exception {
        String ev = evidence();
        mvc.perform(validity(ev, "2030-01-01").with(IfMatch.version(0))).andExpect(status().isNoContent());
        String item = "/assessment-items/" + platform.get(0);
        String page = StaleForms.pageAfter(
                mvc,
                post("/evidence/{id}/validity", ev)
                        .param("itemId", platform.get(0).toString())
                        .param("validUntil", "2031-05-05")
                        .param("version", "0"),
                item,
                as(assessor));
        assertThat(page).contains("在您打开此表单之后，他人已于 20", "value=\"2031-05-05\"", "name=\"version\" value=\"1\"");
        assertThat(validUntil(ev)).isEqualTo("2030-01-01");
        // sharing is one click: its alert says sharing did not change, not that typed input is kept
        assertThat(StaleForms.pageAfter(
                        mvc,
                                post("/evidence/{id}/shared", ev)
                                        .param("shared", "true")
                                        .param("version", "0"),
                        item, as(assessor)))
                .contains("，共享设置未更改。请查看当前记录；如仍需更改，请再次操作。")
                .doesNotContain("下方保留了您填写的内容");
        StaleForms.pageAfter(
                mvc,
                post("/assessment-items/{id}/linked-evidence", platform.get(1))
                        .param("evidenceId", ev)
                        .param("version-" + ev, "0"),
                "/assessment-items/" + platform.get(1),
                as(assessor));
        assertThat(evidenceVersion(ev)).isEqualTo(1);
        mvc.perform(post("/assessment-items/{id}/linked-evidence", platform.get(1))
                        .with(as(assessor))
                        .param("evidenceId", ev)
                        .param("version-" + ev, "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(evidenceVersion(ev)).isEqualTo(2);
        // unlinking takes something away: its alert says nothing was unlinked (nothing typed is kept)
        String linked = "/assessment-items/" + platform.get(1);
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/evidence/{id}/unlink", ev)
                                .param("itemId", platform.get(1).toString())
                                .param("version", "1"),
                        linked,
                        as(assessor)))
                .contains("在您打开此页面之后，他人已于 20", "，未取消任何关联。请查看当前记录；如仍需取消关联，请再次取消。");
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/evidence/{id}/unlink", ev)
                                .param("itemId", platform.get(1).toString())
                                .param("lang", "en"),
                        linked,
                        as(assessor)))
                .contains("; nothing was unlinked. Review the current record; if the link should still go, unlink it");
        assertThat(evidenceVersion(ev)).isEqualTo(2);
        mvc.perform(post("/evidence/{id}/unlink", ev)
                        .with(as(assessor))
                        .param("itemId", platform.get(1).toString())
                        .param("version", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(evidenceVersion(ev)).isEqualTo(3);
    }

    // --- deleting evidence and carrying it into a later assessment: the evidence record's version

    long audits(String ev, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action = ?")
                .params(ev, action)
                .query(Long.class)
                .single();
    }

    long evidenceRows(String ev) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_evidence WHERE id = ?")
                .param(UUID.fromString(ev))
                .query(Long.class)
                .single();
    }

    @Test
    void deletingEvidenceNamesItsVersionAndAStaleDeletionDeletesNothing() throws Exception {
        String ev = evidence();
        mvc.perform(validity(ev, "2030-01-01").with(IfMatch.version(0))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/evidence/{id}", ev)
                        .with(as(assessor))
                        .with(IfMatch.version(0))
                        .param("lang", "en"))
                .andExpect(StaleProblem.inEnglish(1))
                .andExpect(jsonPath("$.detail").value(containsString("Evidence file \"机房照片.pdf\": ")));
        // naming no version, the refusal names the file as a stale one does
        mvc.perform(delete("/api/evidence/{id}", ev).with(as(assessor)))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.detail").value(containsString("证据文件“机房照片.pdf”：更新必须说明")));
        // nothing deleted: the row, the key and the file are there, and no deletion was audited
        assertThat(evidenceRows(ev)).isEqualTo(1);
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PDF));
        assertThat(audits(ev, "assessment.evidence.delete")).isZero();
        // the page form: stale or naming no version, the item page with the alert, nothing deleted — and the alert
        // says so (nothing was typed, so none is kept), in both languages
        String item = "/assessment-items/" + platform.get(0);
        String page = StaleForms.pageAfter(
                mvc,
                post("/evidence/{id}/delete", ev).param("confirm", "true").param("version", "0"),
                item,
                as(assessor));
        assertThat(page)
                .contains(
                        "证据文件“机房照片.pdf”：在您打开此页面之后，他人已于 20",
                        "，未删除任何内容。请查看当前记录；如仍需删除，请再次删除。",
                        "name=\"version\" value=\"1\"");
        assertThat(page).doesNotContain("您的修改未保存", "下方保留了您填写的内容");
        String english = StaleForms.pageAfter(
                mvc,
                post("/evidence/{id}/delete", ev)
                        .param("confirm", "true")
                        .param("version", "0")
                        .param("lang", "en"),
                item,
                as(assessor));
        assertThat(english)
                .contains(
                        "Someone else changed this record at 20",
                        "after you opened this page; nothing "
                                + "was deleted. Review the current record; if it should still go, delete it again.");
        assertThat(english).doesNotContain("your change was not saved", "Your input is kept below");
        String missing = StaleForms.pageAfter(
                mvc, post("/evidence/{id}/delete", ev).param("confirm", "true"), item, as(assessor));
        assertThat(missing)
                .contains("证据文件“机房照片.pdf”：此表单没有说明打开时记录的版本（可能是系统升级前打开的页面），" + "未删除任何内容。请查看当前记录；如仍需删除，请再次删除。")
                .doesNotContain("您的修改未保存");
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/evidence/{id}/delete", ev)
                                .param("confirm", "true")
                                .param("lang", "en"),
                        item,
                        as(assessor)))
                .contains("This form did not say which version of the "
                        + "record it was opened on (perhaps a page opened before an upgrade); nothing was deleted.");
        assertThat(evidenceRows(ev)).isEqualTo(1);
        assertThat(audits(ev, "assessment.evidence.delete")).isZero();
        mvc.perform(delete("/api/evidence/{id}", ev)
                        .with(as(assessor))
                        .with(IfMatch.read(mvc, "/api/evidence/" + ev, as(assessor))))
                .andExpect(status().isNoContent());
        assertThat(evidenceRows(ev)).isZero();
        assertThat(audits(ev, "assessment.evidence.delete")).isEqualTo(1);
    }

    @Test
    void ofAConcurrentDeletionAndValidityChangeExactlyOneWins() throws Exception {
        String ev = evidence();
        int[] statuses = OneWriterWins.statuses(
                mvc,
                delete("/api/evidence/{id}", ev).with(as(assessor)).with(IfMatch.version(0)),
                validity(ev, "2030-01-01").with(IfMatch.version(0)));
        if (statuses[0] == 204) {
            // the deletion won: the change of the gone record finds nothing to change
            assertThat(statuses[1]).isIn(404, 409);
            assertThat(evidenceRows(ev)).isZero();
        } else {
            assertThat(statuses[0])
                    .as("the deletion over the version the change replaced")
                    .isIn(409, 412);
            assertThat(statuses[1]).isEqualTo(204);
            assertThat(evidenceRows(ev)).isEqualTo(1);
            assertThat(validUntil(ev)).isEqualTo("2030-01-01");
            assertThat(audits(ev, "assessment.evidence.delete")).isZero();
        }
    }

    /** A later assessment of the same system, in progress: its id. */
    String later() throws Exception {
        String next = JsonPath.read(ApiAssessments.post(mvc, assessor, w, "复测"), "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", next)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        return next;
    }

    MockHttpServletRequestBuilder carry(String into, String ev, String item, String extra) {
        return post("/api/assessments/{id}/carried-evidence", into)
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"evidenceId\":\"%s\",\"itemIds\":[\"%s\"]%s}".formatted(ev, item, extra));
    }

    long linksIn(String assessment) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_evidence_link WHERE assessment_id = ?")
                .param(UUID.fromString(assessment))
                .query(Long.class)
                .single();
    }

    @Test
    void carryingEvidenceNamesItsVersionAndAStaleCarryCarriesNothing() throws Exception {
        String ev = evidence();
        String next = later();
        String item = jdbc.sql("SELECT id FROM assessment_item WHERE assessment_id = ? ORDER BY position")
                .param(UUID.fromString(next))
                .query(String.class)
                .list()
                .get(0);
        mvc.perform(validity(ev, "2030-01-01").with(IfMatch.version(0))).andExpect(status().isNoContent());
        mvc.perform(carry(next, ev, item, ",\"version\":0"))
                .andExpect(StaleProblem.bodyVersionInChinese())
                .andExpect(jsonPath("$.detail").value(containsString("证据文件“机房照片.pdf”：")));
        mvc.perform(carry(next, ev, item, "").param("lang", "en"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.detail").value(containsString("Evidence file \"机房照片.pdf\": An update must")));
        assertThat(linksIn(next)).isZero();
        assertThat(audits(ev, "assessment.evidence.carry")).isZero();
        // the carry form comes back with the alert and the chosen items, over the version stored now
        String page = StaleForms.pageAfter(
                mvc,
                post("/assessments/{id}/carried-evidence", next)
                        .param("evidenceId", ev)
                        .param("itemId", item)
                        .param("version-" + ev, "0"),
                "/assessments/" + next + "/evidence-requests",
                as(assessor));
        assertThat(page)
                .contains(
                        "证据文件“机房照片.pdf”：在您打开此表单之后",
                        "name=\"version-" + ev + "\" value=\"1\"",
                        "value=\"" + item + "\" selected=\"selected\"");
        StaleForms.pageAfter(
                mvc,
                post("/assessments/{id}/carried-evidence", next)
                        .param("evidenceId", ev)
                        .param("itemId", item),
                "/assessments/" + next + "/evidence-requests",
                as(assessor));
        assertThat(linksIn(next)).isZero();
        mvc.perform(carry(next, ev, item, "").with(IfMatch.read(mvc, "/api/evidence/" + ev, as(assessor))))
                .andExpect(status().isOk());
        assertThat(linksIn(next)).isEqualTo(1);
        assertThat(evidenceVersion(ev)).isEqualTo(2);
    }

    @Test
    void ofTwoConcurrentCarriesOfTheSameVersionExactlyOneWins() throws Exception {
        String ev = evidence();
        String next = later();
        List<String> items = jdbc.sql("SELECT id FROM assessment_item WHERE assessment_id = ? ORDER BY position")
                .param(UUID.fromString(next))
                .query(String.class)
                .list();
        OneWriterWins.race(
                mvc,
                carry(next, ev, items.get(0), "").with(IfMatch.version(0)),
                carry(next, ev, items.get(1), "").with(IfMatch.version(0)));
        assertThat(linksIn(next)).isEqualTo(1);
        assertThat(evidenceVersion(ev)).isEqualTo(1);
    }

    // --- inheritance: the item's version for one item, the assessment's for all

    String conclusion() throws Exception {
        return JsonPath.read(
                mvc.perform(multipart("/api/assessments/{id}/external-conclusions", id)
                                .param("reportNumber", "DJCP-2026-0815")
                                .param("assessorName", "某某等级测评中心")
                                .param(
                                        "concludedOn",
                                        LocalDate.now().minusMonths(2).toString())
                                .param("verdict", "COMPLIANT")
                                .with(as(assessor)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    MockHttpServletRequestBuilder inherit(UUID item, String source) {
        return put("/api/assessment-items/{id}/inheritance", item)
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"" + source + "\"}");
    }

    long inherited() {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_item_inheritance WHERE assessment_id = ?")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    @Test
    void staleInheritanceOfAnItemGets412AndItsWithdrawalNamesTheItemsVersion() throws Exception {
        String source = conclusion();
        UUID item = platform.get(0);
        mvc.perform(inherit(item, source).with(IfMatch.version(1)).param("lang", "en"))
                .andExpect(StaleProblem.inEnglish(0));
        mvc.perform(inherit(item, source)).andExpect(status().isPreconditionRequired());
        assertThat(inherited()).isZero();
        mvc.perform(inherit(item, source).with(IfMatch.read(mvc, "/api/assessment-items/" + item, as(assessor))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(delete("/api/assessment-items/{id}/inheritance", item)
                        .with(as(assessor))
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed());
        assertThat(inherited()).isEqualTo(1);
        mvc.perform(delete("/api/assessment-items/{id}/inheritance", item)
                        .with(as(assessor))
                        .with(IfMatch.version(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(inherited()).isZero();
    }

    @Test
    void ofTwoConcurrentInheritancesOfAnItemExactlyOneWins() throws Exception {
        String source = conclusion();
        OneWriterWins.race(
                mvc,
                inherit(platform.get(0), source).with(IfMatch.version(0)),
                inherit(platform.get(0), source).with(IfMatch.version(0)));
        assertThat(inherited()).isEqualTo(1);
        assertThat(IfMatch.stored(jdbc, "assessment_item", "id", platform.get(0)))
                .isEqualTo(1);
    }

    MockHttpServletRequestBuilder inheritAll(String source) {
        return post("/api/assessments/{id}/inheritance", id)
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"" + source + "\",\"confirm\":true}");
    }

    @Test
    void bulkInheritanceNamesTheAssessmentsVersionAndOfTwoExactlyOneWins() throws Exception {
        String source = conclusion();
        long v = IfMatch.stored(jdbc, "assessment", "id", id);
        mvc.perform(inheritAll(source)).andExpect(status().isPreconditionRequired());
        mvc.perform(inheritAll(source).with(IfMatch.version(v + 1))).andExpect(StaleProblem.inChinese());
        assertThat(inherited()).isZero();
        OneWriterWins.race(
                mvc,
                inheritAll(source).with(IfMatch.version(v)),
                inheritAll(source).with(IfMatch.version(v)));
        assertThat(inherited()).isEqualTo(platform.size());
        mvc.perform(delete("/api/assessments/{id}/inheritance", id)
                        .with(as(assessor))
                        .with(IfMatch.version(v)))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(delete("/api/assessments/{id}/inheritance", id)
                        .with(as(assessor))
                        .with(IfMatch.read(mvc, "/api/assessments/" + id, as(assessor))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawn").value(platform.size()));
    }

    @Test
    void staleInheritFormsComeBackWithTheChosenSourceAndTheAlert() throws Exception {
        String source = conclusion();
        UUID item = platform.get(0);
        mvc.perform(put("/api/assessment-items/{id}/observations", item)
                        .with(as(assessor))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observations\":\"已核查\"}"))
                .andExpect(status().isOk());
        String page = StaleForms.pageAfter(
                mvc,
                post("/assessment-items/{id}/inheritance", item)
                        .param("source", source)
                        .param("version", "0"),
                "/assessment-items/" + item,
                as(assessor));
        assertThat(page)
                .contains("在您打开此表单之后，他人已于 20", "value=\"" + source + "\" selected=\"selected\"", "id=\"inherit-form\"");
        assertThat(inherited()).isZero();
        long v = IfMatch.stored(jdbc, "assessment", "id", id);
        String detail = StaleForms.pageAfter(
                mvc,
                post("/assessments/{id}/inheritance", id)
                        .param("source", source)
                        .param("confirm", "true")
                        .param("version", String.valueOf(v + 1)),
                "/assessments/" + id,
                as(assessor));
        assertThat(detail)
                .contains("value=\"" + source + "\" selected=\"selected\"", "name=\"version\" value=\"" + v + "\"");
        assertThat(inherited()).isZero();
        // withdrawing takes the inheritance away: a stale withdrawal says nothing was withdrawn, in both languages
        mvc.perform(post("/assessment-items/{id}/inheritance", item)
                        .with(as(assessor))
                        .param("source", source)
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(inherited()).isEqualTo(1);
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/assessment-items/{id}/inheritance/withdraw", item)
                                .param("version", "1"),
                        "/assessment-items/" + item,
                        as(assessor)))
                .contains("在您打开此页面之后，他人已于 20", "，未撤回任何内容。请查看当前记录；如仍需撤回，请再次撤回。");
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/assessment-items/{id}/inheritance/withdraw", item)
                                .param("lang", "en"),
                        "/assessment-items/" + item,
                        as(assessor)))
                .contains("(perhaps a page opened before an upgrade); nothing was withdrawn. Review the current "
                        + "record; if it should still be withdrawn, withdraw it again.");
        long now = IfMatch.stored(jdbc, "assessment", "id", id);
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/assessments/{id}/inheritance/withdraw", id).param("version", String.valueOf(now + 1)),
                        "/assessments/" + id,
                        as(assessor)))
                .contains("，未撤回任何内容。");
        assertThat(inherited()).isEqualTo(1);
    }
}
