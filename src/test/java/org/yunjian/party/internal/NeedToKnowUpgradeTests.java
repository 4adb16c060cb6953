package org.yunjian.party.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.party.PartyTestSupport.runAs;

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
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.support.OlderSchema;
import org.yunjian.support.TestDatabases;

/**
 * Issue 57, point 7: the upgrade to need to know loses nobody's work. A database of the release before it (migrated to
 * just before {@code 202612090100}) holds a provider serving two customers: an engineer who created the exit project of
 * customer A's system, an engineer who owns a duty of customer B's plan, a colleague who worked on neither and the
 * provider's administrator. After the platform starts on it, each engineer sees the system they worked on and not the
 * other, the colleague sees none, the administrator both — on H2 and on PostgreSQL.
 */
@SpringBootTest
@Tag("database")
class NeedToKnowUpgradeTests {

    static final UUID PROVIDER = UUID.randomUUID();
    static final UUID CUSTOMER_A = UUID.randomUUID();
    static final UUID CUSTOMER_B = UUID.randomUUID();
    static final UUID SYSTEM_A = UUID.randomUUID();
    static final UUID SYSTEM_B = UUID.randomUUID();
    static final UUID EXIT_ENGINEER = UUID.randomUUID();
    static final UUID DUTY_ENGINEER = UUID.randomUUID();
    static final UUID COLLEAGUE = UUID.randomUUID();
    static final UUID ADMINISTRATOR = UUID.randomUUID();

    @DynamicPropertySource
    static void databaseOfTheLastRelease(DynamicPropertyRegistry registry) throws SQLException {
        TestDatabases.Database db = TestDatabases.freshDatabase("need_to_know_upgrade", registry);
        OlderSchema.migrateToJustBefore(
                "202612090100",
                db.url(),
                db.owner(),
                db.ownerPassword(),
                PrivateNotesMigrations.with(db.dataDir().resolve("keys")));
        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
            Timestamp now = Timestamp.from(Instant.now());
            organisation(c, PROVIDER, "PROVIDER", now);
            organisation(c, CUSTOMER_A, "CUSTOMER", now);
            organisation(c, CUSTOMER_B, "CUSTOMER", now);
            system(c, SYSTEM_A, CUSTOMER_A, now);
            system(c, SYSTEM_B, CUSTOMER_B, now);
            account(c, EXIT_ENGINEER, "upg-exit", false, now);
            account(c, DUTY_ENGINEER, "upg-duty", false, now);
            account(c, COLLEAGUE, "upg-none", false, now);
            account(c, ADMINISTRATOR, "upg-admin", true, now);
            OlderSchema.exec(
                    c,
                    "INSERT INTO exit_project (id, name, system_id, status, created_by, created_at, updated_at) "
                            + "VALUES (?,?,?,?,?,?,?)",
                    UUID.randomUUID(),
                    "升级前的退出项目",
                    SYSTEM_A,
                    "PLANNING",
                    EXIT_ENGINEER,
                    now,
                    now);
            UUID plan = UUID.randomUUID();
            OlderSchema.exec(
                    c,
                    "INSERT INTO lifecycle_plan (id, system_id, standard_code, assigned_from, created_by, created_at) "
                            + "VALUES (?,?,?,?,?,?)",
                    plan,
                    SYSTEM_B,
                    "GOVWEB",
                    "ENGAGEMENTS",
                    UUID.randomUUID(), // a person of customer B: not an account of the provider
                    now);
            OlderSchema.exec(
                    c,
                    "INSERT INTO lifecycle_duty (id, plan_id, phase, requirement_id, position, organisation_id, "
                            + "owner_id, status, version) VALUES (?,?,?,?,?,?,?,?,0)",
                    UUID.randomUUID(),
                    plan,
                    "OPERATION",
                    "GOVWEB-7.1-1",
                    0,
                    PROVIDER,
                    DUTY_ENGINEER,
                    "NOT_STARTED");
        }
    }

    private static void organisation(Connection c, UUID id, String role, Timestamp now) throws SQLException {
        String code = ("91" + id.toString().replace("-", "")).substring(0, 18).toUpperCase();
        OlderSchema.exec(
                c,
                "INSERT INTO organization (id, name, credit_code, region, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                id,
                "升级组织 " + id.toString().substring(0, 6),
                code,
                "北京",
                now,
                now);
        OlderSchema.exec(c, "INSERT INTO organization_role (organization_id, role) VALUES (?,?)", id, role);
    }

    private static void system(Connection c, UUID id, UUID customer, Timestamp now) throws SQLException {
        OlderSchema.exec(
                c,
                "INSERT INTO cloud_system (id, name, customer_id, provider_id, protection_level, deployment_model, "
                        + "service_model, industry, data_classification, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                id,
                "升级系统 " + id.toString().substring(0, 6),
                customer,
                PROVIDER,
                3,
                "PUBLIC",
                "IAAS",
                "GOVERNMENT_WEBSITE",
                "IMPORTANT",
                now,
                now);
    }

    private static void account(Connection c, UUID id, String username, boolean admin, Timestamp now)
            throws SQLException {
        OlderSchema.exec(
                c,
                "INSERT INTO user_account (id, username, display_name, role, organization_id, password_hash, "
                        + "password_changed_at, created_at, org_admin) VALUES (?,?,?,?,?,?,?,?,?)",
                id,
                username + "-" + id.toString().substring(0, 6),
                "升级人员 " + username,
                "USER",
                PROVIDER,
                "{noop}unused",
                now,
                now,
                admin);
    }

    @Autowired
    Parties parties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyoneStillSeesWhatTheyWorkedOnAndNothingElse() {
        assertThat(seen(EXIT_ENGINEER)).containsExactly(SYSTEM_A);
        assertThat(seen(DUTY_ENGINEER)).containsExactly(SYSTEM_B);
        assertThat(seen(COLLEAGUE)).isEmpty();
        assertThat(seen(ADMINISTRATOR)).containsExactlyInAnyOrder(SYSTEM_A, SYSTEM_B);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM system_assignment WHERE user_id IN (?, ?)")
                        .params(COLLEAGUE, ADMINISTRATOR)
                        .query(Long.class)
                        .single())
                .as("nothing derived for who worked on nothing, nor for an administrator's grant")
                .isZero();
    }

    private List<UUID> seen(UUID person) {
        return runAs(
                new CurrentUser(person, "upgraded", PROVIDER, Role.USER),
                () -> parties.visibleSystems().stream().map(CloudSystem::id).toList());
    }
}
