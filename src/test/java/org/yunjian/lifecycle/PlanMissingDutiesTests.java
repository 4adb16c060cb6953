package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import org.yunjian.support.IfMatch;

/**
 * A plan made before an organisation held its roles (or before the guide's duties existed) lists the duties it lacks
 * as "registered after the plan" (LifecyclePlan.Reason.REGISTERED_LATER). The customer adds them — REST with If-Match
 * on the plan's version, the plan page's confirmed button, the CLI next to show-plan — each to its phase if that phase
 * is open, assigned by role (party.GuideRoles); a closed phase's duties are reported as not added, with the reason.
 * Audited; others than the customer are refused, strangers 404. Before, the plan only listed them.
 */
class PlanMissingDutiesTests extends LifecycleWorldTest {

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    org.yunjian.cli.CliRunner cli;

    @Override
    protected String part() {
        return "";
    }

    /** The plan, made as if before the integrator was registered: its duties removed; one of their phases closed. */
    String planWithoutTheIntegrator() throws Exception {
        send(post(base), customer, "").andExpect(status().isCreated());
        UUID plan = jdbc.sql("SELECT id FROM lifecycle_plan WHERE system_id = ?")
                .param(w.system().id())
                .query(UUID.class)
                .single();
        // the duties only the integrator has: as if the plan had been made before it was registered
        String only = " FROM lifecycle_duty WHERE plan_id = ? AND organisation_id = ? AND requirement_id NOT IN "
                + "(SELECT requirement_id FROM lifecycle_duty WHERE plan_id = ? AND organisation_id <> ?)";
        List<String> phases = jdbc.sql("SELECT DISTINCT phase" + only + " AND phase IS NOT NULL ORDER BY phase")
                .params(plan, w.agent().id(), plan, w.agent().id())
                .query(String.class)
                .list();
        assertThat(phases)
                .as("the integrator has duties of its own in at least one phase")
                .isNotEmpty();
        jdbc.sql("DELETE" + only)
                .params(plan, w.agent().id(), plan, w.agent().id())
                .update();
        String closed = phases.get(0);
        jdbc.sql("UPDATE lifecycle_stage SET closed_at = CURRENT_TIMESTAMP WHERE plan_id = ? AND phase = ?")
                .params(plan, closed)
                .update();
        return closed;
    }

    @Test
    @DisplayName("the customer adds the duties registered after the plan to its open phases (REST, If-Match on the "
            + "plan's version); a closed phase's duties are reported not added with the reason; audited")
    void customerAddsTheMissingDutiesToOpenPhasesAndLearnsWhatCouldNotBeAdded() throws Exception {
        String closed = planWithoutTheIntegrator();
        String plan = mvc.perform(get(base).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(plan, "$.unassigned[*].why[*].reason"))
                .contains("REGISTERED_LATER");
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.plan.addMissing'")
                .query(Long.class)
                .single();
        long before = agentDuties();

        send(post(base + "/missing-duties"), provider, "").andExpect(status().isForbidden());
        send(post(base + "/missing-duties"), stranger, "").andExpect(status().isNotFound());
        send(post(base + "/missing-duties"), customer, "").andExpect(status().isPreconditionRequired());

        String body = send(post(base + "/missing-duties").with(IfMatch.version(0)), customer, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.planVersion").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> addedOrgs = JsonPath.read(body, "$.added[*].organisation");
        assertThat(addedOrgs).isNotEmpty().containsOnly(w.agent().id().toString());
        List<String> addedPhases = JsonPath.read(body, "$.added[*].phase.code");
        assertThat(addedPhases).doesNotContain(closed);
        List<String> closedReasons = JsonPath.read(body, "$.notAdded[?(@.reason == 'PHASE_CLOSED')].organisationName");
        assertThat(closedReasons).isNotEmpty().containsOnly(w.agent().name());
        List<String> closedTexts = JsonPath.read(body, "$.notAdded[?(@.reason == 'PHASE_CLOSED')].reasonText");
        assertThat(closedTexts).allSatisfy(t -> assertThat(t).contains("所属阶段已关闭"));
        List<String> closedPhases = JsonPath.read(body, "$.notAdded[?(@.reason == 'PHASE_CLOSED')].phase.code");
        assertThat(closedPhases).containsOnly(closed);

        assertThat(agentDuties()).isEqualTo(before + addedOrgs.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.plan.addMissing'")
                        .query(Long.class)
                        .single())
                .isEqualTo(audited + 1);

        // the version read is stale now; over the new one nothing more is added, the closed phase still reported
        send(post(base + "/missing-duties").with(IfMatch.version(0)), customer, "")
                .andExpect(status().isPreconditionFailed());
        send(post(base + "/missing-duties").with(IfMatch.version(1)), customer, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added.length()").value(0))
                .andExpect(jsonPath("$.notAdded[?(@.reason == 'PHASE_CLOSED')]").isNotEmpty());
    }

    @Test
    @DisplayName("the plan page offers the missing duties with a confirmation; unconfirmed nothing is added, confirmed "
            + "they are added and the page says what was and was not added")
    void thePlanPageAddsTheMissingDutiesAfterConfirmation() throws Exception {
        planWithoutTheIntegrator();
        long before = agentDuties();
        String page = HtmlUtils.htmlUnescape(
                mvc.perform(get("/systems/" + w.system().id() + "/lifecycle").with(as(customer)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page)
                .contains(
                        "id=\"missing-duties\"",
                        "补充计划制定后新增的职责",
                        "id=\"missing-confirm\"",
                        w.agent().name(),
                        "所属阶段已关闭");
        String providersPage = mvc.perform(
                        get("/systems/" + w.system().id() + "/lifecycle").with(as(provider)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(providersPage).doesNotContain("id=\"missing-form\"");

        mvc.perform(post("/systems/" + w.system().id() + "/lifecycle/missing-duties")
                        .with(as(customer))
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("conflict"));
        assertThat(agentDuties()).isEqualTo(before);
        mvc.perform(post("/systems/" + w.system().id() + "/lifecycle/missing-duties")
                        .with(as(customer))
                        .param("version", "0")
                        .param("confirm", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("missingDone"))
                .andExpect(flash().attributeExists("missingLines"));
        assertThat(agentDuties()).isGreaterThan(before);
    }

    @Test
    @DisplayName("add-missing-duties next to show-plan: asks for --confirm, then lists each duty added and each not "
            + "added with the reason")
    void addMissingDutiesFromTheCommandLine() throws Exception {
        planWithoutTheIntegrator();
        long before = agentDuties();
        String account = "pl-m-" + UUID.randomUUID().toString().substring(0, 8);
        org.yunjian.security.TestAccounts.create(
                users,
                new org.yunjian.security.UserAdministration.NewUser(
                        account,
                        "客户甲",
                        org.yunjian.security.Role.USER,
                        w.customer().id(),
                        "Customer-Cli-Test-2026!"));
        org.yunjian.support.CliCapture io = new org.yunjian.support.CliCapture();
        String system = w.system().id().toString();
        assertThat(io.run(
                        cli,
                        java.util.Locale.SIMPLIFIED_CHINESE,
                        "lifecycle",
                        "plan",
                        "add-missing-duties",
                        "--system",
                        system,
                        "--as",
                        account))
                .isEqualTo(2);
        assertThat(io.err.toString()).contains("--confirm");
        assertThat(agentDuties()).isEqualTo(before);
        assertThat(io.run(
                        cli,
                        java.util.Locale.SIMPLIFIED_CHINESE,
                        "lifecycle",
                        "plan",
                        "add-missing-duties",
                        "--system",
                        system,
                        "--confirm",
                        "--as",
                        account))
                .as(io.err.toString())
                .isZero();
        assertThat(io.out.toString()).contains("已补充", w.agent().name(), "所属阶段已关闭");
        assertThat(agentDuties()).isGreaterThan(before);
    }

    long agentDuties() {
        return jdbc.sql("SELECT COUNT(*) FROM lifecycle_duty d JOIN lifecycle_plan p ON p.id = d.plan_id "
                        + "WHERE p.system_id = ? AND d.organisation_id = ?")
                .params(w.system().id(), w.agent().id())
                .query(Long.class)
                .single();
    }
}
