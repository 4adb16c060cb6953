package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;
import org.yunjian.lifecycle.LifecycleWorldTest;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.internal.Inputs;
import org.yunjian.party.internal.SystemService;
import org.yunjian.support.IfMatch;

/**
 * JR/T 6.3.4 (行业云), quoted from jrt-securities-futures-cloud-security-spec.txt line 448: "保密协议应有明确的有效周期。".
 * The NDA renewal obligation (NDA_RENEWAL) takes its due date from the NDA's last day as the contract review records
 * it — due {@link ObligationPolicy#DEFAULT_NDA_LEAD_DAYS} days before (a configurable default, said so on the page) —
 * follows new dates when the NDA is renewed, and shows 已过期 once the NDA has run out. Before, the due date was the
 * start date plus a 36-month interval whatever the NDA said.
 */
class NdaRenewalObligationTests extends LifecycleWorldTest {

    static final String CLAUSE = "JRT-SF-6.3.4-2";

    @Autowired
    SystemService systems;

    CloudSystem sf;

    @Override
    protected String part() {
        return "";
    }

    String obligations() {
        return "/api/systems/" + sf.id() + "/lifecycle/obligations";
    }

    void securitiesSystem() {
        sf = runAs(
                admin(),
                () -> systems.create(new Inputs.SystemInput(
                        "行业云集中交易系统",
                        w.customer().id().toString(),
                        "3",
                        "COMMUNITY",
                        "IAAS",
                        "SECURITIES_FUTURES",
                        "IMPORTANT",
                        List.of("上海"),
                        w.provider().id().toString(),
                        List.of())));
    }

    void nda(LocalDate from, LocalDate until, long version) throws Exception {
        mvc.perform(put("/api/systems/" + sf.id() + "/lifecycle/contract-review/clauses/" + CLAUSE)
                        .with(as(customer))
                        .with(IfMatch.version(version))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"status":"PRESENT","reference":"保密协议第 2 条","validFrom":"%s","validUntil":"%s"}""".formatted(from, until)))
                .andExpect(status().isOk());
    }

    String ndaRow() throws Exception {
        return mvc.perform(get(obligations() + "/NDA_RENEWAL").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("JR/T 6.3.4 \"保密协议应有明确的有效周期。\": the renewal is due 90 days (configurable default) before the "
            + "recorded NDA runs out, not start date + interval; the page says how far ahead and that it is a default")
    void ndaRenewalIsDueBeforeTheRecordedNdaRunsOut_JRT_6_3_4() throws Exception {
        securitiesSystem();
        LocalDate today = LocalDate.now(org.yunjian.shared.Formats.zone());
        LocalDate until = today.plusYears(1);
        nda(today.minusYears(2), until, 0);
        send(post(obligations() + "/generate"), customer, "{\"startDate\":\"%s\"}".formatted(today.plusMonths(1)))
                .andExpect(status().isCreated());

        mvc.perform(get(obligations() + "/NDA_RENEWAL").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextDue").value(until.minusDays(90).toString()))
                .andExpect(jsonPath("$.validUntil").value(until.toString()))
                .andExpect(jsonPath("$.leadDays").value(90))
                .andExpect(jsonPath("$.expired").value(false))
                .andExpect(jsonPath("$.status").value("UPCOMING"));
        assertThat(jdbc.sql("SELECT due_date FROM lifecycle_obligation WHERE system_id = ? AND kind = 'NDA_RENEWAL'")
                        .param(sf.id())
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(until.minusDays(90));

        String page = HtmlUtils.htmlUnescape(mvc.perform(
                        get("/systems/" + sf.id() + "/lifecycle/obligations").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page).contains("到期前 90 天须续签", "提前天数为可配置的默认值（标准未规定）", "保密协议应有明确的有效周期。");
    }

    @Test
    @DisplayName("JR/T 6.3.4: the NDA renewed (new dates in the contract review) moves the due date, audited; a "
            + "completion typed by hand is refused (400 naming doneOn): the due date follows the NDA")
    void renewingTheNdaMovesTheDueDateAndAHandCompletionIsRefused_JRT_6_3_4() throws Exception {
        securitiesSystem();
        LocalDate today = LocalDate.now(org.yunjian.shared.Formats.zone());
        send(post(obligations() + "/generate"), customer, "{}").andExpect(status().isCreated());
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.obligation.validity'")
                .query(Long.class)
                .single();
        nda(today.minusYears(1), today.plusMonths(2), 0);
        assertThat(ndaRow()).contains("\"nextDue\":\"" + today.plusMonths(2).minusDays(90) + "\"");
        nda(today, today.plusYears(3), 1);
        assertThat(ndaRow()).contains("\"nextDue\":\"" + today.plusYears(3).minusDays(90) + "\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.obligation.validity'")
                        .query(Long.class)
                        .single())
                .isEqualTo(audited + 2);

        long version = jdbc.sql("SELECT version FROM lifecycle_obligation WHERE system_id = ? AND kind = 'NDA_RENEWAL'")
                .param(sf.id())
                .query(Long.class)
                .single();
        send(
                        post(obligations() + "/NDA_RENEWAL/completions").with(IfMatch.version(version)),
                        customer,
                        "{\"doneOn\":\"%s\"}".formatted(today))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.doneOn").value(containsString("合同审查")));
    }

    @Test
    @DisplayName("JR/T 6.3.4: an NDA whose last day is past is 已过期 — overdue in the calendar (REST and page)")
    void anNdaThatHasRunOutShowsExpiredAndOverdue_JRT_6_3_4() throws Exception {
        securitiesSystem();
        LocalDate today = LocalDate.now(org.yunjian.shared.Formats.zone());
        send(post(obligations() + "/generate"), customer, "{}").andExpect(status().isCreated());
        nda(today.minusYears(3), today.minusDays(10), 0);

        mvc.perform(get(obligations() + "/NDA_RENEWAL").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expired").value(true))
                .andExpect(jsonPath("$.status").value("OVERDUE"))
                .andExpect(jsonPath("$.nextDue").value(today.minusDays(100).toString()));
        mvc.perform(get(obligations()).param("status", "OVERDUE").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.items[?(@.kind == 'NDA_RENEWAL')].expired").value(true));
        String page = mvc.perform(
                        get("/systems/" + sf.id() + "/lifecycle/obligations").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("class=\"badge bad expired\">已过期</span>");
    }
}
