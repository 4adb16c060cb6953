package org.yunjian.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Fixtures;
import org.yunjian.party.internal.Inputs;
import org.yunjian.party.internal.SystemService;
import org.yunjian.procurement.internal.ContractReviewService;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/**
 * JR/T 6.3.4 (行业云) and 6.4.4 (公共云), quoted from jrt-securities-futures-cloud-security-spec.txt lines 448 and 510:
 * "保密协议应有明确的有效周期。". Marking that NDA clause present records the NDA's first and last day; without them it
 * is refused; the dates are stored, returned, shown (an expired NDA says so) and offered to the obligations calendar
 * ({@link ContractReviewService#ndaValidity}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class NdaValidityTests {

    static final String SOURCE = "保密协议应有明确的有效周期。";
    static final String CLAUSE = "JRT-SF-6.3.4-2";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemService systems;

    @Autowired
    ContractReviewService contracts;

    Fixtures.World w;
    CurrentUser customer;
    CloudSystem system;
    String base;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        system = runAs(
                admin(),
                () -> systems.create(new Inputs.SystemInput(
                        "行业云交易系统",
                        w.customer().id().toString(),
                        "3",
                        "COMMUNITY",
                        "IAAS",
                        "SECURITIES_FUTURES",
                        "IMPORTANT",
                        List.of("上海"),
                        w.provider().id().toString(),
                        List.of())));
        base = "/api/systems/" + system.id() + "/lifecycle/contract-review";
    }

    @Test
    @DisplayName("JR/T 6.3.4 保密协议应有明确的有效周期。: marking the clause present without the validity is a 400")
    void rejectsTheValidityClauseWithoutItsDates_JRT_6_3_4() throws Exception {
        mvc.perform(get(base + "/clauses/" + CLAUSE).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clause.original").value(SOURCE))
                .andExpect(jsonPath("$.asksForValidity").value(true));
        mvc.perform(put(base + "/clauses/" + CLAUSE)
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"PRESENT\",\"reference\":\"第 3 条\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.validFrom").value(containsString("6.3.4")))
                .andExpect(jsonPath("$.errors.validUntil").exists());
        mvc.perform(put(base + "/clauses/" + CLAUSE)
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"status":"PRESENT","reference":"第 3 条","validFrom":"2026-01-01","validUntil":"2025-12-31"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.validUntil").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_contract_clause WHERE system_id = ?")
                        .param(system.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName(
            "JR/T 6.3.4: the NDA's validity is stored, returned, shown — expired if it is — and offered to the calendar")
    void recordsTheNdasValidityAndShowsWhenItHasRunOut_JRT_6_3_4() throws Exception {
        LocalDate from = LocalDate.now().minusYears(2);
        LocalDate until = LocalDate.now().minusDays(1);
        mvc.perform(put(base + "/clauses/" + CLAUSE)
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"status":"PRESENT","reference":"保密协议第 2 条","validFrom":"%s","validUntil":"%s"}""".formatted(from, until)))
                .andExpect(status().isOk());
        mvc.perform(get(base + "/clauses/" + CLAUSE).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.validFrom").value(from.toString()))
                .andExpect(jsonPath("$.validUntil").value(until.toString()));
        mvc.perform(get("/systems/" + system.id() + "/lifecycle/contract-review")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("nda-validity"),
                                containsString("nda-expired"),
                                containsString("name=\"validUntil\""))));
        assertThat(runAs(customer, () -> contracts.ndaValidity(system))).get().satisfies(r -> assertThat(r.validUntil())
                .isEqualTo(until));
    }
}
