package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.demo.DemoData;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.TestDatabases;

/**
 * A newcomer to the demo finds the portal's migration and operation documents filled in: a completed migration with
 * its rollback plan and passed acceptance tests, plans for defacement and DDoS with a drill held 14 months ago (so
 * the yearly drill is overdue), two provider reports (one reviewed) and a change awaiting the customer's approval.
 */
// single use: its database is its own, so its context (and the connections it holds) closes after it
@DirtiesContext
@SpringBootTest(properties = "yunjian.demo=true")
@AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.OnePass
class MigrationDemoTests {

    /** A database of its own: the audit rows the seeding wrote must not depend on what other demo tests did. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("migration_demo", registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    UUID portal() {
        return jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theDemoPortalHasItsMigrationDrillsAndSupervisionRecords() throws Exception {
        UUID id = portal();
        assertThat(count("SELECT COUNT(*) FROM lifecycle_migration_step WHERE system_id = ? AND status <> 'DONE'", id))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM lifecycle_migration_step WHERE system_id = ?", id))
                .isEqualTo(3);
        assertThat(count(
                        "SELECT COUNT(*) FROM lifecycle_migration_plan WHERE system_id = ? AND rollback_trigger IS "
                                + "NOT NULL",
                        id))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM lifecycle_migration_acceptance WHERE system_id = ? AND result = "
                                + "'PASSED'",
                        id))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM lifecycle_emergency_plan WHERE system_id = ?", id))
                .isEqualTo(2);
        LocalDate held = jdbc.sql("SELECT MAX(held_on) FROM lifecycle_drill WHERE system_id = ?")
                .param(id)
                .query(LocalDate.class)
                .single();
        assertThat(held)
                .isBefore(LocalDate.now().minusYears(1))
                .isAfter(LocalDate.now().minusMonths(15));
        assertThat(count("SELECT COUNT(*) FROM lifecycle_supervision_report WHERE system_id = ?", id))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM lifecycle_supervision_report WHERE system_id = ? AND conclusion IS "
                                + "NOT NULL",
                        id))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM lifecycle_supervision_change WHERE system_id = ? AND status = "
                                + "'PENDING'",
                        id))
                .isEqualTo(1);
        // seeded as the demo people, so the audit log names them
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.migration.acceptance' AND "
                                + "username = ?",
                        DemoData.ASSESSOR_USER))
                .isEqualTo(2);

        var customer = SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        String base = "/systems/" + id + "/lifecycle/";
        String migration = html(base + "migration", customer);
        assertThat(migration).contains("切换域名解析", "回退触发条件", "一致", "通过", "安全合规验收测试报告摘要.txt");
        String drills = html(base + "drills", customer);
        assertThat(drills).contains("网页篡改", "DDoS 攻击", "备份页面启用用时 25 分钟", "已逾期");
        String supervision = html(base + "supervision", customer);
        assertThat(supervision).contains("月度运行报告", "通过，提出问题", "待审阅", "云主机操作系统升级及重启", "待审批", "decision-form");
    }

    /**
     * Issue 36 L-6: the demo portal's migration plan has the guide's risk register — 5.2.1 a)–g) ("1. 政府网站迁移到云面临的
     * 安全风险"), quoted, two of them assessed by the customer — and its plan asks nobody to complete a risk.
     */
    @Test
    void theDemoPortalsMigrationPlanHasTheGuidesSevenRisksAsARegisterNotAsDuties() throws Exception {
        UUID id = portal();
        assertThat(count("SELECT COUNT(*) FROM lifecycle_migration_risk WHERE system_id = ?", id))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM lifecycle_duty d JOIN lifecycle_plan p ON p.id = d.plan_id "
                                + "WHERE p.system_id = ? AND (d.requirement_id LIKE 'GOVWEB-5.2.1-%' OR d.requirement_id LIKE "
                                + "'GOVWEB-5.3-%')",
                        id))
                .isZero();
        var customer = SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        String migration = html("/systems/" + id + "/lifecycle/migration", customer);
        assertThat(migration).contains("风险登记", "数据不一致。政府网站系统作为在线系统", "可管理性较弱。", "未评估", "切换前将域名 TTL 降到 300 秒");
    }

    String html(String path, org.yunjian.security.CurrentUser u) throws Exception {
        return mvc.perform(get(path).with(as(u)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
