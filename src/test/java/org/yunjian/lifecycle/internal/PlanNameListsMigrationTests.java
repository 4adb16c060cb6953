package org.yunjian.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.support.OlderSchema;
import org.yunjian.support.TestDatabases;

/**
 * Issue 59 on an existing installation: a plan made before {@code V202612130200} lists JR/T 4.2 "证券期货机构应用云计算技术的
 * 过程可分为四个阶段：" with its phase names and JR/T 4.3 "云服务安全管理的主要角色包括：" with its role names as duties. After the
 * upgrade they are gone — except one somebody commented on, which stays for a person to waive — and the duty beside
 * them (4.2.1 "委托方应基于其系统规划原则…") stays.
 */
@SpringBootTest
@Tag("database")
class PlanNameListsMigrationTests {

    static final String VERSION = "202612130200";
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID SYSTEM = UUID.randomUUID();
    static final UUID PLAN = UUID.randomUUID();
    static final UUID COMMENTED = UUID.randomUUID();

    @DynamicPropertySource
    static void databaseOfAnOlderVersion(DynamicPropertyRegistry registry) throws SQLException {
        TestDatabases.Database db = TestDatabases.freshDatabase("plan_name_lists", registry);
        OlderSchema.migrateToJustBefore(
                VERSION,
                db.url(),
                db.owner(),
                db.ownerPassword(),
                org.yunjian.party.internal.PrivateNotesMigrations.with(
                        db.dataDir().resolve("keys")));
        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
            Timestamp now = Timestamp.from(Instant.now());
            OlderSchema.exec(
                    c,
                    "INSERT INTO organization (id, name, credit_code, region, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                    CUSTOMER,
                    "升级前的证券公司 " + CUSTOMER.toString().substring(0, 6),
                    org.yunjian.party.PartyTestSupport.newCreditCode(),
                    "上海",
                    now,
                    now);
            OlderSchema.exec(
                    c, "INSERT INTO organization_role (organization_id, role) VALUES (?,?)", CUSTOMER, "CUSTOMER");
            OlderSchema.exec(
                    c,
                    "INSERT INTO cloud_system (id, name, customer_id, protection_level, deployment_model, "
                            + "service_model, industry, data_classification, created_at, updated_at) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,?)",
                    SYSTEM,
                    "升级前的交易系统 " + SYSTEM.toString().substring(0, 6),
                    CUSTOMER,
                    3,
                    "COMMUNITY",
                    "IAAS",
                    "SECURITIES_FUTURES",
                    "IMPORTANT",
                    now,
                    now);
            OlderSchema.exec(
                    c,
                    "INSERT INTO lifecycle_plan (id, system_id, standard_code, deployment_model, assigned_from, "
                            + "created_by, created_at) VALUES (?,?,?,?,?,?,?)",
                    PLAN,
                    SYSTEM,
                    "JRT-SF",
                    "COMMUNITY",
                    "ENGAGEMENTS",
                    UUID.randomUUID(),
                    now);
            int position = 0;
            for (String requirement :
                    List.of("JRT-SF-4.2-1", "JRT-SF-4.2-1-1", "JRT-SF-4.2-1-4", "JRT-SF-4.3-1", "JRT-SF-4.2.1-1")) {
                duty(c, UUID.randomUUID(), requirement, position++);
            }
            duty(c, COMMENTED, "JRT-SF-4.3-1-2", position);
            OlderSchema.exec(
                    c,
                    "INSERT INTO lifecycle_duty_comment (id, duty_id, author_id, body, created_at) VALUES (?,?,?,?,?)",
                    UUID.randomUUID(),
                    COMMENTED,
                    UUID.randomUUID(),
                    "委托方即本公司",
                    now);
        }
    }

    static void duty(Connection c, UUID id, String requirement, int position) throws SQLException {
        OlderSchema.exec(
                c,
                "INSERT INTO lifecycle_duty (id, plan_id, phase, requirement_id, position, organisation_id, status, "
                        + "version) VALUES (?,?,?,?,?,?,?,?)",
                id,
                PLAN,
                requirement.startsWith("JRT-SF-4.2.1") ? "PLANNING" : null,
                requirement,
                position,
                CUSTOMER,
                "NOT_STARTED",
                0);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void theUpgradeRemovesTheJrtPhaseAndRoleNameListsFromEarlierPlansButNothingSomebodyWorkedOn() {
        List<String> left = jdbc.sql("SELECT requirement_id FROM lifecycle_duty WHERE plan_id = ? ORDER BY position")
                .param(PLAN)
                .query(String.class)
                .list();
        assertThat(left).containsExactly("JRT-SF-4.2.1-1", "JRT-SF-4.3-1-2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_duty_comment WHERE duty_id = ?")
                        .param(COMMENTED)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
