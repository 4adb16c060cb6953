package org.yunjian.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.Phase;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/**
 * The contract, SLA and NDA review through the REST API with the real services and database: the checklist comes from
 * the government-website guide, a missing mandatory clause keeps the acquisition phase open with the standard's text,
 * marking it present with the contract's reference clears the gate; bad marks are refused field by field with nothing
 * stored; the provider and assessor read, other organisations of the system are refused, strangers see nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ContractReviewApiTests {

    static final String MISSING = "GOVWEB-6.6.1-d";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PhaseGateCondition> gates;

    Fixtures.World w;
    CurrentUser customer;
    String base;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        base = "/api/systems/" + w.system().id() + "/lifecycle/contract-review";
    }

    void mark(String clause, String body) throws Exception {
        // as a client that reads the clause first: its ETag names the review's version
        mvc.perform(put(base + "/clauses/" + clause)
                        .with(as(customer))
                        .with(IfMatch.read(mvc, base + "/clauses/" + clause, as(customer)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
    }

    void select() throws Exception {
        String sel = "/api/systems/" + w.system().id() + "/lifecycle/selection";
        String body = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(sel + "/candidates")
                                .with(as(customer))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"organisation\":\"" + w.provider().id() + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String candidate = JsonPath.read(body, "$.candidates[0].id");
        mvc.perform(put(sel + "/decision")
                        .with(as(customer))
                        .with(IfMatch.current(
                                jdbc,
                                "lifecycle_selection",
                                "system_id",
                                w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidate\":\"" + candidate + "\",\"reasons\":\"r\"}"))
                .andExpect(status().isOk());
    }

    List<PhaseGateCondition.Unmet> gate(Phase phase) {
        return runAs(customer, () -> gates.stream()
                .flatMap(g -> g.unmet(w.system().id(), phase).stream())
                .toList());
    }

    @Test
    void missingMandatoryClauseKeepsTheAcquisitionPhaseOpenUntilMarkedPresent() throws Exception {
        String body = mvc.perform(get(base).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clauses", hasSize(13))) // 6.6.1–6.6.3 and four exit clauses
                .andExpect(jsonPath("$.clauses[0].document.code").value("CONTRACT"))
                .andExpect(jsonPath("$.clauses[0].status.code").value("NOT_REVIEWED"))
                .andExpect(jsonPath("$.gateClear").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> clauses = JsonPath.read(body, "$.clauses[*].clause.id");
        assertThat(gate(Phase.ACQUISITION_MIGRATION))
                .hasSize(13); // no selection + 12 mandatory clauses not reviewed (9.3.5 a) says 可: recommended)

        select();
        for (String c : clauses) {
            if (!c.equals(MISSING)) {
                mark(c, "{\"status\":\"PRESENT\",\"reference\":\"\u7b2c 3 \u6761\"}");
            }
        }
        mark(MISSING, "{\"status\":\"MISSING\"}");
        mvc.perform(get(base).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gateClear").value(false))
                .andExpect(jsonPath("$.unmet", hasSize(1)))
                .andExpect(jsonPath("$.unmet[0].what", containsString("6.6.1 d)")))
                .andExpect(jsonPath(
                        "$.unmet[0].source",
                        containsString("\u5728\u5408\u540c\u4e2d\u660e\u786e\u8d44\u4ea7\u7684\u6240\u6709\u6743")));
        List<PhaseGateCondition.Unmet> unmet = gate(Phase.ACQUISITION_MIGRATION);
        assertThat(unmet).hasSize(1);
        assertThat(unmet.get(0).source())
                .startsWith("Government website guide 6.6.1 d) ")
                .contains("\u8d44\u4ea7\u5305\u62ec\u4e91\u670d\u52a1\u5ba2\u6237\u7684\u4e1a\u52a1\u7cfb\u7edf");
        assertThat(gate(Phase.OPERATION)).isEmpty();

        mark(MISSING, "{\"status\":\"PRESENT\",\"reference\":\"\u7b2c 12 \u6761\"}");
        mvc.perform(get(base).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gateClear").value(true))
                .andExpect(jsonPath("$.unmet", hasSize(0)));
        assertThat(gate(Phase.ACQUISITION_MIGRATION)).isEmpty();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.contract.mark' AND object_id = ?")
                        .param(w.system().id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(clauses.size() + 1L);
    }

    @Test
    void negotiatedMandatoryClauseDoesNotBlockButNeedsANote() throws Exception {
        mvc.perform(put(base + "/clauses/" + MISSING)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"NEGOTIATED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.note").exists());
        mark(MISSING, "{\"status\":\"NEGOTIATED\",\"note\":\"n\"}");
        assertThat(gate(Phase.ACQUISITION_MIGRATION))
                .noneMatch(u -> u.source() != null && u.source().startsWith("6.6.1 d)"));
    }

    @Test
    void badMarksAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        mvc.perform(put(base + "/clauses/" + MISSING)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"PRESENT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reference").exists());
        mvc.perform(put(base + "/clauses/" + MISSING)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"BOGUS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.status", containsString("BOGUS")));
        mvc.perform(put(base + "/clauses/JRT-SF-6.3.2-1")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"MISSING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.clause").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_contract_clause WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void providerAndAssessorReadOthersAreRefusedStrangersSeeNothing() throws Exception {
        mvc.perform(get(base).with(as(user(w.provider().id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.editable").value(false));
        mvc.perform(get(base).with(as(user(w.assessor().id())))).andExpect(status().isOk());
        mvc.perform(put(base + "/clauses/" + MISSING)
                        .with(as(user(w.provider().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"MISSING\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get(base).with(as(user(w.agent().id()))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").exists());
        mvc.perform(get(base).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
        mvc.perform(get(base + ".docx").with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
    }

    @Test
    void reviewTableDocxIsChineseA4WithTheStatusesAndReferences() throws Exception {
        mark(MISSING, "{\"status\":\"PRESENT\",\"reference\":\"\u7b2c 12 \u6761\"}");
        byte[] docx = mvc.perform(get(base + ".docx").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Map<String, String> parts = unzip(docx);
        String xml = parts.get("word/document.xml");
        assertThat(xml)
                .contains("\u5408\u540c\u3001\u670d\u52a1\u6c34\u5e73\u534f\u8bae\u4e0e\u4fdd\u5bc6\u534f\u8bae"
                        + "\u5ba1\u67e5\u8868") // 合同、服务水平协议与保密协议审查表
                .contains(
                        "\u670d\u52a1\u5408\u540c", "\u670d\u52a1\u6c34\u5e73\u534f\u8bae", "\u4fdd\u5bc6\u534f\u8bae")
                .contains("\u5df2\u7ea6\u5b9a", "\u7b2c 12 \u6761", "\u672a\u5ba1\u67e5") // 已约定, 第 12 条, 未审查
                .contains("6.6.1 d)")
                .contains("w:w=\"11906\"")
                .contains("<w:tbl>");
        assertThat(parts.keySet()).anyMatch(k -> k.startsWith("word/footer"));
    }

    static Map<String, String> unzip(byte[] docx) throws Exception {
        Map<String, String> out = new java.util.HashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
