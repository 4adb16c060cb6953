package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunjian.cli.CliRunner;
import org.yunjian.lifecycle.LifecycleWorldTest;
import org.yunjian.security.Role;
import org.yunjian.security.TestAccounts;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.CliCapture;
import org.yunjian.support.IfMatch;

/**
 * The migration risk register's hand-off (government-website guide 5.2.1, e.g. e) "割接风险。……"): a risk rated high
 * with an owner organisation waits on that organisation — a 我的待办 entry and a notification for its people — until
 * its treatment is recorded as carried out (by the owner or the customer), when the entry disappears and the
 * notification counts as read. The register from the command line: list-risks, rate-risk, treat-risk next to the
 * migration commands, with the page's rules. Before, nobody was told and the CLI had no risk command.
 */
class MigrationRiskHandOffTests extends LifecycleWorldTest {

    static final String RISK = "GOVWEB-5.2.1-e";

    @Autowired
    UserAdministration users;

    @Autowired
    CliRunner cli;

    final CliCapture io = new CliCapture();

    @Override
    protected String part() {
        return "/migration/risks";
    }

    String scope() {
        return "lifecycle-migration-risk:" + w.system().id() + ":" + RISK;
    }

    long tasks() {
        return jdbc.sql("SELECT COUNT(*) FROM work_task WHERE scope = ? AND to_organization = ? AND kind = ?")
                .params(scope(), w.provider().id(), "work.lifecycle.migration.risk")
                .query(Long.class)
                .single();
    }

    long unread(UUID user) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE scope = ? AND user_id = ? AND read_at IS NULL")
                .params(scope(), user)
                .query(Long.class)
                .single();
    }

    String account(UUID org, String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.create(
                users, new UserAdministration.NewUser(name, "风险负责人", Role.USER, org, "Risk-Cli-Test-2026!"));
        return name;
    }

    UUID accountId(UUID org, String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        return TestAccounts.create(
                        users, new UserAdministration.NewUser(name, "风险负责人", Role.USER, org, "Risk-Cli-Test-2026!"))
                .id();
    }

    @Test
    @DisplayName("gov 5.2.1 e) rated high with the provider as owner: the provider's people get a 我的待办 entry and a "
            + "notification; recording the treatment closes it (notification read); a low risk waits on nobody")
    void aHighRiskWithAnOwnerWaitsOnTheOwnerUntilTreated() throws Exception {
        UUID owner = accountId(w.provider().id(), "risk-p-");
        send(put(base + "/GOVWEB-5.2.1-a").with(IfMatch.version(0)), customer, """
                {"likelihood":"LOW","impact":"MEDIUM","ownerOrg":"%s"}""".formatted(
                                w.provider().id()))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_task WHERE scope LIKE ?")
                        .param("lifecycle-migration-risk:" + w.system().id() + ":%")
                        .query(Long.class)
                        .single())
                .as("a low risk waits on nobody")
                .isZero();

        send(put(base + "/" + RISK).with(IfMatch.version(0)), customer, """
                {"likelihood":"HIGH","impact":"MEDIUM","treatment":"割接前演练回退","ownerOrg":"%s"}""".formatted(
                                w.provider().id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.awaitingTreatment").value(true));
        assertThat(tasks()).isEqualTo(1);
        assertThat(unread(owner)).isEqualTo(1);

        LocalDate today = LocalDate.now(org.yunjian.shared.Formats.zone());
        send(
                        put(base + "/" + RISK + "/treatment").with(IfMatch.version(1)),
                        stranger,
                        "{\"treatedOn\":\"%s\"}".formatted(today))
                .andExpect(status().isNotFound());
        send(
                        put(base + "/" + RISK + "/treatment").with(IfMatch.version(1)),
                        provider,
                        "{\"treatedOn\":\"%s\"}".formatted(today.plusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.treatedOn").exists());
        assertThat(tasks()).isEqualTo(1);
        send(
                        put(base + "/" + RISK + "/treatment").with(IfMatch.version(1)),
                        provider,
                        "{\"treatedOn\":\"%s\"}".formatted(today))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.treatedOn").value(today.toString()))
                .andExpect(jsonPath("$.awaitingTreatment").value(false))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(tasks()).as("the entry disappears once treated").isZero();
        assertThat(unread(owner)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.migration.riskTreated'")
                        .query(Long.class)
                        .single())
                .isPositive();

        // a new assessment reopens it
        send(put(base + "/" + RISK).with(IfMatch.version(2)), customer, """
                {"likelihood":"HIGH","impact":"HIGH","treatment":"割接前演练回退","ownerOrg":"%s"}""".formatted(
                                w.provider().id()))
                .andExpect(status().isOk());
        assertThat(tasks()).isEqualTo(1);
    }

    @Test
    @DisplayName("an owner organisation that does not see the whole migration plan (the integrator) sees the risks it "
            + "owns and records their treatment; the others stay hidden from it")
    void anOwnerOutsideTheWholePlanSeesAndTreatsItsRisks() throws Exception {
        send(put(base + "/GOVWEB-5.2.1-b").with(IfMatch.version(0)), customer, """
                {"likelihood":"HIGH","impact":"HIGH","treatment":"迁移前核对全部组件清单","ownerOrg":"%s"}""".formatted(
                                w.agent().id()))
                .andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(base)
                        .with(org.yunjian.party.PartyTestSupport.as(integrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].risk").value("GOVWEB-5.2.1-b"));
        send(
                        put(base + "/GOVWEB-5.2.1-a/treatment").with(IfMatch.version(0)),
                        integrator,
                        "{\"treatedOn\":\"%s\"}".formatted(LocalDate.now(org.yunjian.shared.Formats.zone())))
                .andExpect(status().isNotFound());
        send(
                        put(base + "/GOVWEB-5.2.1-b/treatment").with(IfMatch.version(1)),
                        integrator,
                        "{\"treatedOn\":\"%s\"}".formatted(LocalDate.now(org.yunjian.shared.Formats.zone())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.awaitingTreatment").value(false));
    }

    @Test
    @DisplayName("the risk register from the command line: list-risks quotes the guide, rate-risk refuses a high risk "
            + "without treatment naming the field, treat-risk records the treatment")
    void theRiskRegisterFromTheCommandLine() {
        String c = account(w.customer().id(), "risk-c-");
        String system = w.system().id().toString();
        assertThat(io.run(
                        cli,
                        Locale.SIMPLIFIED_CHINESE,
                        "lifecycle",
                        "migration",
                        "rate-risk",
                        "--system",
                        system,
                        "--risk",
                        RISK,
                        "--likelihood",
                        "HIGH",
                        "--impact",
                        "HIGH",
                        "--as",
                        c))
                .isEqualTo(2);
        assertThat(io.err.toString()).contains("treatment", "高等级风险须写明处置措施");
        assertThat(io.run(
                        cli,
                        Locale.SIMPLIFIED_CHINESE,
                        "lifecycle",
                        "migration",
                        "rate-risk",
                        "--system",
                        system,
                        "--risk",
                        RISK,
                        "--likelihood",
                        "HIGH",
                        "--impact",
                        "HIGH",
                        "--treatment",
                        "割接前演练回退",
                        "--owner",
                        w.provider().id().toString(),
                        "--as",
                        c))
                .as(io.err.toString())
                .isZero();
        assertThat(io.out.toString()).contains(RISK, "高");
        assertThat(tasks()).isEqualTo(1);

        assertThat(io.run(
                        cli,
                        Locale.SIMPLIFIED_CHINESE,
                        "lifecycle",
                        "migration",
                        "list-risks",
                        "--system",
                        system,
                        "--as",
                        c))
                .isZero();
        assertThat(io.out.toString())
                .contains(
                        "5.2.1 a)",
                        "5.2.1 e)",
                        "待负责单位处置",
                        w.provider().name(),
                        "系统不一致。政府网站系统作为一套信息系统，由很多软硬件组成，且各组件之间关系复杂，迁移过程中存在漏迁、错迁的风险。");

        String today = LocalDate.now(org.yunjian.shared.Formats.zone()).toString();
        assertThat(io.run(
                        cli,
                        Locale.SIMPLIFIED_CHINESE,
                        "lifecycle",
                        "migration",
                        "treat-risk",
                        "--system",
                        system,
                        "--risk",
                        RISK,
                        "--treated-on",
                        today,
                        "--as",
                        c))
                .as(io.err.toString())
                .isZero();
        assertThat(io.out.toString()).contains(RISK, "处置");
        assertThat(tasks()).isZero();
    }
}
