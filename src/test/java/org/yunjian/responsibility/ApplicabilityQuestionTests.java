package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.io.StringWriter;
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
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Fixtures;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.IfMatch;

/**
 * Issue 36 R-1: the applicability questions of T/CCIA 004-2024 answered through REST, the page and the CLI — 7.2 a)
 * "a) 当客户自行负责机房管理时，客户与云服务提供者、云服务合作者明确机房物理环境的访问控制要求…" answered no stops applying; only the
 * customer answers, each answer is a new audited draft, an unknown question is a 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ApplicabilityQuestionTests {

    static final String BASE = "/api/systems/{id}/responsibility";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CliRunner cli;

    @Autowired
    UserAdministration users;

    Fixtures.World w;

    @BeforeEach
    void matrix() throws Exception {
        w = fixtures.world();
        mvc.perform(post(BASE, w.system().id()).with(as(user(w.customer().id()))))
                .andExpect(status().isCreated());
    }

    @Test
    void clause7_2a_answeredNoByTheCustomerStopsApplyingAndAnsweredAgainApplies() throws Exception {
        mvc.perform(put(
                                BASE + "/questions/CUSTOMER_RUNS_MACHINE_ROOM",
                                w.system().id())
                        .with(as(user(w.provider().id())))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":false}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(BASE + "/questions/NO_SUCH_QUESTION", w.system().id())
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":false}"))
                .andExpect(status().isNotFound());

        mvc.perform(put(
                                BASE + "/questions/CUSTOMER_RUNS_MACHINE_ROOM",
                                w.system().id())
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.questions[?(@.question == 'CUSTOMER_RUNS_MACHINE_ROOM')].answer")
                        .value(false))
                .andExpect(jsonPath("$.questions[?(@.question == 'CUSTOMER_RUNS_MACHINE_ROOM')].condition")
                        .value("当客户自行负责机房管理时"))
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.2-a')].applicable")
                        .value(false))
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.2-a')].assignments[*]")
                        .isEmpty())
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-6.2-a')].heading")
                        .value(true));
        // a stale version is refused, not silently applied
        mvc.perform(put(
                                BASE + "/questions/CUSTOMER_RUNS_MACHINE_ROOM",
                                w.system().id())
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.version(1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":true}"))
                .andExpect(status().isPreconditionFailed());
        // the page: a forged answer is refused with the field named, nothing stored
        mvc.perform(post(
                                "/systems/{id}/responsibility/questions/CUSTOMER_RUNS_MACHINE_ROOM",
                                w.system().id())
                        .with(as(user(w.customer().id())))
                        .param("answer", "maybe")
                        .param("version", "2"))
                .andExpect(redirectedUrl("/systems/" + w.system().id() + "/responsibility#errors"))
                .andExpect(flash().attributeExists("errors"));
        // the page: answered yes again, the duty applies once more
        mvc.perform(post(
                                "/systems/{id}/responsibility/questions/CUSTOMER_RUNS_MACHINE_ROOM",
                                w.system().id())
                        .with(as(user(w.customer().id())))
                        .param("answer", "yes")
                        .param("version", "2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/systems/" + w.system().id() + "/responsibility#questions"))
                .andExpect(flash().attributeExists("saved"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                BASE, w.system().id())
                        .with(as(user(w.customer().id()))))
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.2-a')].applicable")
                        .value(true));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/systems/{id}/responsibility", w.system().id())
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"question-CUSTOMER_RUNS_MACHINE_ROOM\"",
                        "当客户自行负责机房管理时",
                        "id=\"save-answer-CUSTOMER_BUILDS_PHYSICAL_NETWORK\"");
        List<String> actions = jdbc.sql("SELECT action FROM audit_event WHERE object_id = (SELECT CAST(id AS "
                        + "VARCHAR(36)) FROM responsibility_matrix WHERE system_id = ?)")
                .param(w.system().id())
                .query(String.class)
                .list();
        assertThat(actions.stream().filter("responsibility.question.answer"::equals))
                .hasSize(2);
    }

    /**
     * Issue 59, T/CCIA 004-2024 7.1.2 b) 2) "云服务系统被认定为关键基础设施的，物理设备的采购应满足网络安全审查相关的要求…": on a fresh
     * matrix the duty does not apply (the system is not designated CII until its customer says so); answered yes, the
     * provider answers for it.
     */
    @Test
    void clause7_1_2b2_appliesOnlyOnceTheCustomerAnswersThatTheSystemIsCii() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                BASE, w.system().id())
                        .with(as(user(w.customer().id())))
                        .param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questions[?(@.question == 'SYSTEM_IS_CII')].condition")
                        .value("云服务系统被认定为关键基础设施的"))
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.1.2-b-2')].applicable")
                        .value(false))
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.1.2-b-2')].assignments[*]")
                        .isEmpty())
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.1.2-b-1')].applicable")
                        .value(true));

        mvc.perform(put(BASE + "/questions/SYSTEM_IS_CII", w.system().id())
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questions[?(@.question == 'SYSTEM_IS_CII')].answer")
                        .value(true))
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.1.2-b-2')].applicable")
                        .value(true))
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.1.2-b-2')].assignments[*].organisation")
                        .value(w.provider().id().toString()));

        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/systems/{id}/responsibility", w.system().id())
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"question-SYSTEM_IS_CII\"", "云服务系统被认定为关键基础设施的", "关键信息基础设施");
    }

    @Test
    void theCliListsTheQuestionsWithTheirConditionsQuotedAndTheCustomerAnswers() {
        String customer = account(w.customer().id());
        String provider = account(w.provider().id());
        String system = w.system().id().toString();
        StringWriter out = new StringWriter();

        assertThat(run(out, "answer", "--as", customer, "--system", system))
                .as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("CUSTOMER_RUNS_MACHINE_ROOM", "\"当客户自行负责机房管理时\"", "not answered");

        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "answer",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--question",
                        "CUSTOMER_RUNS_MACHINE_ROOM",
                        "--answer",
                        "maybe"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("yes, no or none");
        assertThat(run(
                        out,
                        "answer",
                        "--as",
                        provider,
                        "--system",
                        system,
                        "--question",
                        "CUSTOMER_RUNS_MACHINE_ROOM",
                        "--answer",
                        "no"))
                .isEqualTo(1);
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "answer",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--question",
                        "CUSTOMER_RUNS_MACHINE_ROOM",
                        "--answer",
                        "no"))
                .as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("Saved as version 2 (Draft).");
        out.getBuffer().setLength(0);
        assertThat(run(out, "answer", "--as", customer, "--system", system)).isZero();
        assertThat(out.toString()).containsPattern("CUSTOMER_RUNS_MACHINE_ROOM .* answer: no");
    }

    String account(UUID org) {
        return MatrixCommandsTests.account(users, org, "适用性");
    }

    int run(StringWriter sink, String... args) {
        return MatrixCommandsTests.run(cli, sink, args);
    }
}
