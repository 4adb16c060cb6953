package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/**
 * Guard rails on the assessment pages, without JavaScript: completing, archiving and deleting evidence need a
 * ticked confirmation; a draft reads "尚未测评"; the provider's remediation form offers only what the provider
 * may change, and a refused change is shown with the input kept. English mode shows the catalog's English.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class AssessmentGuardRailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    Fixtures.World w;
    CurrentUser assessor;
    CurrentUser provider;
    String id;
    List<String> items;
    List<String> sides;

    @BeforeEach
    void assessment() throws Exception {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        provider = user(w.provider().id());
        String body = ApiAssessments.post(mvc, assessor, w, "护栏测评");
        id = JsonPath.read(body, "$.id");
        String itemsJson = AssessmentItems.json(mvc, id, as(assessor));
        items = JsonPath.read(itemsJson, "$[*].id");
        sides = JsonPath.read(itemsJson, "$[*].side");
    }

    @Test
    void aDraftWithNothingRecordedSaysNotYetAssessedInsteadOfPoorAtZero() throws Exception {
        String page = page("/assessments/" + id, null);
        assertThat(page)
                .contains("id=\"not-yet-assessed\"", "尚未测评")
                .doesNotContain("<dd id=\"score-conclusion\">差</dd>")
                .doesNotContain(">0.00 %<");
        assertThat(page("/assessments/" + id, "en")).contains("Not yet assessed");
    }

    @Test
    void approvingTheReportAndArchivingNeedATickedConfirmation() throws Exception {
        move("IN_PROGRESS");
        SignOffFixture.Signers s = SignOffFixture.prepare(mvc, users, jdbc, id, assessor);
        mvc.perform(post("/assessments/{id}/review/submit", id)
                        .with(as(assessor))
                        .with(IfMatch.assessmentForm(jdbc, id)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/assessments/{id}/review/approve", id)
                        .with(as(s.reviewer()))
                        .with(IfMatch.assessmentForm(jdbc, id)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf()).isEqualTo("APPROVAL");
        String page = page("/assessments/" + id, null, s.approver());
        assertThat(page).contains("id=\"confirm-approve-report\"").contains("required");
        mvc.perform(post("/assessments/{id}/review/approve-report", id).with(as(s.approver())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("conflict", Matchers.containsString("请勾选确认")))
                .andExpect(flash().attribute("errorsIn", "review"));
        assertThat(statusOf()).isEqualTo("APPROVAL");
        mvc.perform(post("/assessments/{id}/review/approve-report", id)
                        .with(as(s.approver()))
                        .param("confirm", "true")
                        .with(IfMatch.assessmentForm(jdbc, id)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf()).isEqualTo("COMPLETED");
        mvc.perform(post("/assessments/{id}/transition", id).with(as(assessor)).param("to", "ARCHIVED"))
                .andExpect(flash().attribute("conflict", Matchers.containsString("请勾选确认")));
        assertThat(statusOf()).isEqualTo("COMPLETED");
    }

    @Test
    void deletingEvidenceNeedsATickedConfirmationAndTheListShowsTypeAndSizeForPeople() throws Exception {
        move("IN_PROGRESS");
        String body = mvc.perform(multipart("/api/assessment-items/{id}/evidence", items.get(0))
                        .file(new MockMultipartFile("file", "机房照片.png", "application/octet-stream", png()))
                        .with(as(assessor)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String evidence = JsonPath.read(body, "$.id");
        String page = page("/assessment-items/" + items.get(0), null);
        assertThat(page)
                .contains("PNG 图片")
                .doesNotContain(">image/png<")
                .containsPattern(">\\d+ B<|KB<")
                .contains("id=\"confirm-delete-" + evidence + "\"");
        mvc.perform(post("/evidence/{id}/delete", evidence).with(as(assessor)))
                .andExpect(flash().attribute("conflict", Matchers.containsString("请勾选确认")));
        mvc.perform(get("/api/evidence/{id}", evidence).with(as(assessor))).andExpect(status().isOk());
        mvc.perform(post("/evidence/{id}/delete", evidence)
                        .with(as(assessor))
                        .param("confirm", "true")
                        .with(IfMatch.evidenceForm(jdbc, evidence)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/evidence/{id}", evidence).with(as(assessor))).andExpect(status().isNotFound());
        assertThat(page("/assessment-items/" + items.get(0), null))
                .contains("evidence")
                .contains("暂无");
    }

    @Test
    void providersRemediationFormOffersOnlyStatusAndNoteAndARefusedChangeIsShownWithTheInputKept() throws Exception {
        move("IN_PROGRESS");
        String platformItem = items.get(sides.indexOf("CLOUD_PLATFORM"));
        mvc.perform(put("/api/assessment-items/{id}/verdict", platformItem)
                        .with(IfMatch.item(jdbc, platformItem))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"MEDIUM\",\"riskReason\":\"未隔离\"}"))
                .andExpect(status().isOk());
        String task = JsonPath.read(
                mvc.perform(get("/api/assessments/{id}/remediations", id).with(as(assessor)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");

        String providerForm = form(page("/assessment-items/" + platformItem, null, provider), task);
        assertThat(providerForm)
                .contains("name=\"status\"", "name=\"note\"")
                .doesNotContain("name=\"dueDate\"")
                .doesNotContain("value=\"VERIFIED\"")
                .contains("value=\"DONE\"");
        String assessorForm = form(page("/assessment-items/" + platformItem, null, assessor), task);
        assertThat(assessorForm).contains("name=\"dueDate\"", "value=\"VERIFIED\"");

        // a forged post the form does not offer: refused, named, nothing stored, the typed note kept
        String refused = mvc.perform(post("/remediations/{id}", task)
                        .with(IfMatch.remediationForm(jdbc, task))
                        .with(as(provider))
                        .param("status", "VERIFIED")
                        .param("note", "已更换交换机配置")
                        .param("dueDate", "2030-01-01"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("修改未保存", "只有测评人员可以将整改任务标为“已验证”", "责任方只能修改状态和说明", "已更换交换机配置");
        String stored = mvc.perform(
                        get("/api/assessments/{id}/remediations", id).with(as(assessor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(stored, "$.items[0].status")).isEqualTo("OPEN");
        assertThat((Object) JsonPath.read(stored, "$.items[0].note")).isNull();

        mvc.perform(post("/remediations/{id}", task)
                        .with(IfMatch.remediationForm(jdbc, task))
                        .with(as(provider))
                        .param("status", "DONE")
                        .param("note", "已更换交换机配置"))
                .andExpect(status().is3xxRedirection());
        stored = mvc.perform(get("/api/assessments/{id}/remediations", id).with(as(assessor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(stored, "$.items[0].status")).isEqualTo("DONE");
    }

    @Test
    void englishModeShowsTheCatalogsEnglishLayerControlPointAndRequirement() throws Exception {
        String zh = page("/assessment-items/" + items.get(0), null);
        String en = page("/assessment-items/" + items.get(0), "en");
        assertThat(zh).contains("安全物理环境");
        assertThat(en).contains("Physical environment security").doesNotContain("<dd id=\"item-layer\">安全物理环境</dd>");
        String requirementEn = JsonPath.read(
                mvc.perform(get(
                                        "/api/catalog/requirements/{id}",
                                        JsonPath.<String>read(
                                                mvc.perform(get("/api/assessment-items/{id}", items.get(0))
                                                                .with(as(assessor)))
                                                        .andReturn()
                                                        .getResponse()
                                                        .getContentAsString(),
                                                "$.item.requirementId"))
                                .with(as(assessor)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.textEn");
        assertThat(en).contains(requirementEn.substring(0, Math.min(30, requirementEn.length())));
        assertThat(page("/assessments/" + id, "en")).contains("Physical environment security");
    }

    String form(String page, String task) {
        int at = page.indexOf("action=\"/remediations/" + task + "\"");
        assertThat(at).as("remediation form of " + task).isPositive();
        return page.substring(at, page.indexOf("</form>", at));
    }

    String page(String url, String lang) throws Exception {
        return page(url, lang, assessor);
    }

    String page(String url, String lang, CurrentUser u) throws Exception {
        var request = get(url).with(as(u));
        if (lang != null) {
            request = request.param("lang", lang);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String statusOf() throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/assessments/{id}", id).with(as(assessor)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.status");
    }

    void move(String to) throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\"}"))
                .andExpect(status().isOk());
    }

    /** A 1×1 PNG. */
    static byte[] png() {
        return java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }
}
