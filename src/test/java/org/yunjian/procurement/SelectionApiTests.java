package org.yunjian.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.lifecycle.LifecycleWorldTest;
import org.yunjian.support.IfMatch;

/**
 * Provider selection through the REST API: two candidates (the registered provider and one named in free text)
 * compared against the government-website guide's criteria, evidence sealed and served back verified, a decision
 * refused for a candidate that fails a mandatory criterion, and the comparison table as DOCX.
 */
public class SelectionApiTests extends LifecycleWorldTest {

    @Override
    protected String part() {
        return "/selection";
    }

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final String CRITERION = "GOVWEB-6.5-a-1";

    String addCandidate(String json) throws Exception {
        return mvc.perform(post(base + "/candidates")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** {@code If-Match} with the selection's stored version (one for the whole selection), read when sent. */
    RequestPostProcessor read() {
        return IfMatch.current(
                jdbc, "lifecycle_selection", "system_id", w.system().id());
    }

    void judge(String candidate, String criterion, String judgement) throws Exception {
        mvc.perform(put(base + "/candidates/" + candidate + "/judgements/" + criterion)
                        .with(as(customer))
                        .with(read())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"judgement\":\"" + judgement + "\",\"note\":\"n\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void comparesTwoCandidatesAndSelectsOne() throws Exception {
        addCandidate("{\"organisation\":\"" + w.provider().id() + "\"}");
        String body = addCandidate("{\"name\":\"\u53e6\u4e00\u4e91\u670d\u52a1\u5546\"}");
        List<String> ids = JsonPath.read(body, "$.candidates[*].id");
        assertThat(ids).hasSize(2);
        String registered = ids.get(0);
        String other = ids.get(1);
        judge(registered, CRITERION, "MEETS");
        judge(other, CRITERION, "DOES_NOT_MEET");
        mvc.perform(multipart(base + "/candidates/" + registered + "/judgements/" + CRITERION + "/evidence")
                        .file(new MockMultipartFile("file", "\u5ba1\u67e5\u7ed3\u679c.pdf", "application/pdf", PDF))
                        .with(as(customer)))
                .andExpect(status().isCreated());
        String view = mvc.perform(get(base).with(as(user(w.provider().id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.criteria", hasSize(6)))
                .andExpect(jsonPath("$.criteria[4].derived").value(true))
                .andExpect(jsonPath("$.candidates[0].name").value(w.provider().name()))
                .andExpect(
                        jsonPath("$.candidates[0].judgements[0].judgement.code").value("MEETS"))
                .andExpect(
                        jsonPath("$.candidates[1].judgements[0].judgement.code").value("DOES_NOT_MEET"))
                .andExpect(
                        jsonPath("$.candidates[1].judgements[1].judgement.code").value("UNKNOWN"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String evidence = JsonPath.read(view, "$.candidates[0].judgements[0].evidence[0].id");
        mvc.perform(get(base + "/evidence/" + evidence)
                        .with(as(user(w.assessor().id()))))
                .andExpect(status().isOk())
                .andExpect(header().exists("X-Evidence-SM3"));
        byte[] served = mvc.perform(get(base + "/evidence/" + evidence).with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(served).isEqualTo(PDF);

        // the free-text candidate fails a mandatory criterion: it cannot be chosen
        mvc.perform(put(base + "/decision")
                        .with(as(customer))
                        .with(read())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidate\":\"" + other + "\",\"reasons\":\"r\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("6.5")));
        mvc.perform(put(base + "/decision")
                        .with(as(customer))
                        .with(read())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidate\":\"" + registered + "\",\"reasons\":\"\u7406\u7531\"}"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.decision.candidateName").value(w.provider().name()));
        // the selected candidate and one with evidence are kept
        mvc.perform(delete(base + "/candidates/" + registered)
                        .with(as(customer))
                        .with(read()))
                .andExpect(status().isConflict());
        mvc.perform(delete(base + "/candidates/" + other).with(as(customer)).with(read()))
                .andExpect(status().isNoContent());

        byte[] docx = mvc.perform(get(base + ".docx").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String xml = ContractReviewApiTests.unzip(docx).get("word/document.xml");
        assertThat(xml)
                .contains("\u4e91\u670d\u52a1\u5546\u9009\u62e9\u6bd4\u8f83\u8868") // 云服务商选择比较表
                .contains(w.provider().name())
                .contains("\u6ee1\u8db3") // 满足
                .contains("\u5ba1\u67e5\u7ed3\u679c.pdf")
                .contains("\u7406\u7531")
                .contains("w:w=\"11906\"");
        assertThat(jdbc.sql(
                                "SELECT action FROM audit_event WHERE object_id = ? AND action LIKE 'lifecycle.selection.%'")
                        .param(w.system().id().toString())
                        .query(String.class)
                        .list())
                .contains(
                        "lifecycle.selection.candidate-add",
                        "lifecycle.selection.judge",
                        "lifecycle.selection.evidence-add",
                        "lifecycle.selection.decide",
                        "lifecycle.selection.candidate-remove");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        mvc.perform(post(base + "/candidates")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.organisation").exists());
        mvc.perform(post(base + "/candidates")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisation\":\"" + w.agent().id() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.organisation").exists());
        mvc.perform(post(base + "/candidates")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisation\":\"not-a-uuid\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.organisation", containsString("not-a-uuid")));
        String body = addCandidate("{\"name\":\"X\"}");
        String id = JsonPath.read(body, "$.candidates[0].id");
        mvc.perform(put(base + "/candidates/" + id + "/judgements/JRT-SF-6.1-2")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"judgement\":\"MEETS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.criterion").exists());
        mvc.perform(put(base + "/candidates/" + id + "/judgements/" + CRITERION)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"judgement\":\"GOOD\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.judgement").exists());
        mvc.perform(put(base + "/candidates/" + UUID.randomUUID() + "/judgements/" + CRITERION)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"judgement\":\"MEETS\"}"))
                .andExpect(status().isNotFound());
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        mvc.perform(multipart(base + "/candidates/" + id + "/judgements/" + CRITERION + "/evidence")
                        .file(new MockMultipartFile("file", "report.pdf", "application/pdf", exe))
                        .with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").exists());
        mvc.perform(put(base + "/decision")
                        .with(as(customer))
                        .with(read())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidate\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.candidate").exists())
                .andExpect(jsonPath("$.errors.reasons").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_selection_judgement WHERE candidate_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_selection_evidence WHERE candidate_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_selection_decision WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyTheCustomerChangesOthersOfTheSystemAreRefusedStrangersSeeNothing() throws Exception {
        mvc.perform(post(base + "/candidates")
                        .with(as(user(w.provider().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get(base).with(as(user(w.agent().id())))).andExpect(status().isForbidden());
        mvc.perform(get(base).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
    }
}
