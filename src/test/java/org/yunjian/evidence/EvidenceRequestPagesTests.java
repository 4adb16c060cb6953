package org.yunjian.evidence;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/**
 * The evidence request pages: the assessor previews addressees and sends a request (a refused one comes back with the
 * problems next to the fields and the typed input kept), the provider sees its lines across assessments and on the
 * assessment page and uploads against one, and strangers get 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class EvidenceRequestPagesTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser assessor;
    CurrentUser provider;
    CurrentUser stranger;
    String id;
    List<String> platform;

    @BeforeEach
    void world() throws Exception {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        provider = user(w.provider().id());
        stranger = user(w.stranger().id());
        String body = ApiAssessments.post(mvc, assessor, w, "页面资料清单");
        id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        platform = JsonPath.read(AssessmentItems.json(mvc, id, as(assessor), "side", "CLOUD_PLATFORM"), "$[*].id");
    }

    @Test
    void assessorPreviewsTheAddresseeThenSendsAndTheProviderUploads() throws Exception {
        String due = LocalDate.now().plusDays(7).toString();
        mvc.perform(get("/assessments/{id}/evidence-requests", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"request-form\"")))
                .andExpect(content().string(Matchers.containsString("id=\"request-line-2\"")));
        mvc.perform(post("/assessments/{id}/evidence-requests", id)
                        .with(as(assessor))
                        .param("action", "preview")
                        .param("lineCount", "3")
                        .param("lines[0].title", "虚拟化隔离说明")
                        .param("lines[0].itemIds", platform.get(0), platform.get(1))
                        .param("lines[0].dueDate", due))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"proposal-0\"")))
                .andExpect(content().string(Matchers.containsString("建议发给云服务商")))
                .andExpect(content().string(Matchers.containsString("value=\"虚拟化隔离说明\"")));
        // a refused request comes back with the problem next to the field and the typed input kept
        mvc.perform(post("/assessments/{id}/evidence-requests", id)
                        .with(as(assessor))
                        .param("action", "send")
                        .param("lineCount", "3")
                        .param("lines[0].title", "虚拟化隔离说明")
                        .param("lines[0].dueDate", due)
                        .param("lines[1].title", "备份策略")
                        .param("lines[1].itemIds", platform.get(2))
                        .param("lines[1].dueDate", "2020-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"request-errors\"")))
                .andExpect(content().string(Matchers.containsString("请至少选择一个测评项")))
                .andExpect(content().string(Matchers.containsString("截止日期不能早于今天")))
                .andExpect(content().string(Matchers.containsString("value=\"备份策略\"")));
        mvc.perform(post("/assessments/{id}/evidence-requests", id)
                        .with(as(assessor))
                        .param("action", "send")
                        .param("lineCount", "3")
                        .param("lines[0].title", "虚拟化隔离说明")
                        .param("lines[0].itemIds", platform.get(0), platform.get(1))
                        .param("lines[0].dueDate", due)
                        .param("lines[1].title", "备份策略")
                        .param("lines[1].itemIds", platform.get(2))
                        .param("lines[1].dueDate", due))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/assessments/" + id + "/evidence-requests"))
                .andExpect(flash().attribute("notice", Matchers.containsString("2")));

        String mine = mvc.perform(get("/evidence-requests").with(as(provider)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(mine).contains("虚拟化隔离说明", "备份策略", "待提交");
        String lineId = JsonPath.<List<String>>read(
                        mvc.perform(get("/api/evidence-requests").with(as(provider)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.addressed.items[?(@.title == '虚拟化隔离说明')].id")
                .get(0);
        org.assertj.core.api.Assertions.assertThat(mine).contains("id=\"upload-" + lineId + "\"");
        mvc.perform(get("/assessments/{id}", id).with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"upload-" + lineId + "\"")));
        // one page at a time with its pager, filtered by title and status in the query
        String paged = mvc.perform(get("/evidence-requests").param("size", "1").with(as(provider)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(paged)
                .contains("id=\"addressed-pager\"", "第 1 / 2 页", "id=\"requests-filter\"");
        mvc.perform(get("/evidence-requests").param("q", "备份").with(as(provider)))
                .andExpect(content().string(Matchers.containsString("备份策略")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"upload-" + lineId + "\""))));
        mvc.perform(get("/evidence-requests")
                        .param("status", "ACCEPTED")
                        .param("lang", "en")
                        .with(as(provider)))
                .andExpect(content().string(Matchers.containsString("No line matches the filter.")));
        mvc.perform(get("/evidence-requests")
                        .param("size", "0")
                        .with(as(provider))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());

        mvc.perform(multipart("/evidence-request-lines/{id}/evidence", lineId)
                        .file(new MockMultipartFile("file", "虚拟化隔离说明.pdf", "application/pdf", PDF))
                        .param("back", "mine")
                        .with(as(provider))
                        .with(IfMatch.requestLineForm(jdbc, lineId)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/evidence-requests"));
        mvc.perform(get("/assessment-items/{id}", platform.get(1)).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("虚拟化隔离说明.pdf")))
                .andExpect(content().string(Matchers.containsString("id=\"evidence-reuse\"")))
                .andExpect(content().string(Matchers.containsString("id=\"evidence-link-")))
                .andExpect(content().string(Matchers.containsString("id=\"accept-button-" + lineId + "\"")));
        mvc.perform(post("/evidence-request-lines/{id}/decision", lineId)
                        .with(as(assessor))
                        .param("accept", "true")
                        .with(IfMatch.requestLineForm(jdbc, lineId)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/assessments/{id}/evidence-requests", id)
                        .with(as(assessor))
                        .param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Accepted")));
    }

    @Test
    void aRequestedDocumentIsFoundByItsAddresseeAndAssessorAndNeverByAStranger() throws Exception {
        String title = "搜索资料 " + java.util.UUID.randomUUID().toString().substring(0, 8);
        String due = LocalDate.now().plusDays(7).toString();
        mvc.perform(post("/assessments/{id}/evidence-requests", id)
                        .with(as(assessor))
                        .param("action", "send")
                        .param("lineCount", "1")
                        .param("lines[0].title", title)
                        .param("lines[0].itemIds", platform.get(0))
                        .param("lines[0].dueDate", due))
                .andExpect(status().is3xxRedirection());
        for (CurrentUser party : List.of(provider, assessor)) {
            String found = mvc.perform(get("/api/search").param("q", title).with(as(party)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            org.assertj.core.api.Assertions.assertThat(
                            JsonPath.<List<String>>read(found, "$.evidenceRequests[*].title"))
                    .containsExactly(title);
            org.assertj.core.api.Assertions.assertThat(JsonPath.<String>read(found, "$.evidenceRequests[0].href"))
                    .isEqualTo("/assessments/" + id + "/evidence-requests");
            org.assertj.core.api.Assertions.assertThat(JsonPath.<String>read(found, "$.evidenceRequests[0].note"))
                    .isEqualTo("待提交 · " + due + " 截止");
        }
        String stranger = mvc.perform(get("/api/search").param("q", title).with(as(this.stranger)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(JsonPath.<List<String>>read(stranger, "$.evidenceRequests"))
                .isEmpty();
    }

    @Test
    void strangersGetNotFound() throws Exception {
        mvc.perform(get("/assessments/{id}/evidence-requests", id).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/evidence-requests").with(as(stranger)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"no-addressed\"")));
    }
}
