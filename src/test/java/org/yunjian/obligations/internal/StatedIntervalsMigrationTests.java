package org.yunjian.obligations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.support.OlderSchema;
import org.yunjian.support.TestDatabases;

/**
 * Issue 59 finding 1 on an existing installation: a database from before {@code V202612120200} whose government
 * website's per-category drills were stored on the 12-month platform default. gov 8.5 b) "每两年至少开展各典型类别安全事件的
 * 应急演练一次" (gov-website-cloud-security-guide.txt line 329): after the upgrade they run every 24 months with the due
 * date recomputed (a drill held 14 months ago is no longer overdue), while an interval the customer chose itself
 * stays.
 */
@SpringBootTest
@Tag("database")
class StatedIntervalsMigrationTests {

    static final String VERSION = "202612120200";
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID OWN_CUSTOMER = UUID.randomUUID();
    static final UUID SYSTEM = UUID.randomUUID();
    static final UUID OWN_SYSTEM = UUID.randomUUID();
    static final UUID SF_CUSTOMER = UUID.randomUUID();
    static final UUID SF_COMMUNITY = UUID.randomUUID();
    static final UUID SF_PUBLIC_CUSTOMER = UUID.randomUUID();
    static final UUID SF_PUBLIC = UUID.randomUUID();
    static final LocalDate HELD =
            LocalDate.now(org.yunjian.shared.Formats.zone()).minusMonths(14);
    static final LocalDate START = HELD.minusMonths(3);

    @DynamicPropertySource
    static void databaseOfAnOlderVersion(DynamicPropertyRegistry registry) throws SQLException {
        TestDatabases.Database db = TestDatabases.freshDatabase("stated_intervals", registry);
        OlderSchema.migrateToJustBefore(
                VERSION,
                db.url(),
                db.owner(),
                db.ownerPassword(),
                org.yunjian.party.internal.PrivateNotesMigrations.with(
                        db.dataDir().resolve("keys")));
        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
            system(c, CUSTOMER, SYSTEM);
            system(c, OWN_CUSTOMER, OWN_SYSTEM);
            Timestamp now = Timestamp.from(Instant.now());
            OlderSchema.exec(
                    c,
                    "INSERT INTO lifecycle_obligation_interval (organization_id, kind, months, set_by, set_at, version) "
                            + "VALUES (?,?,?,?,?,?)",
                    OWN_CUSTOMER,
                    "DRILL_MALWARE",
                    12,
                    "customer",
                    now,
                    1);
            for (UUID system : new UUID[] {SYSTEM, OWN_SYSTEM}) {
                UUID customer = system.equals(SYSTEM) ? CUSTOMER : OWN_CUSTOMER;
                obligation(c, system, customer, "DRILL_MALWARE", HELD, HELD.plusMonths(12));
                obligation(c, system, customer, "DRILL_DISASTER", null, START);
            }
            // issue 59 findings 2 and 5: a securities company's 行业云 and public-cloud systems
            system(c, SF_CUSTOMER, SF_COMMUNITY, "SECURITIES_FUTURES", "COMMUNITY");
            system(c, SF_PUBLIC_CUSTOMER, SF_PUBLIC, "SECURITIES_FUTURES", "PUBLIC");
            obligation(c, SF_COMMUNITY, SF_CUSTOMER, "PROVIDER_CERTIFICATION", 24, null, START);
            obligation(c, SF_COMMUNITY, SF_CUSTOMER, "PROVIDER_REPORT", 1, HELD, HELD.plusMonths(1));
            obligation(c, SF_PUBLIC, SF_PUBLIC_CUSTOMER, "PROVIDER_REPORT", 1, HELD, HELD.plusMonths(1));
        }
    }

    static void system(Connection c, UUID customer, UUID system) throws SQLException {
        system(c, customer, system, "GOVERNMENT_WEBSITE", "PUBLIC");
    }

    static void system(Connection c, UUID customer, UUID system, String industry, String model) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        OlderSchema.exec(
                c,
                "INSERT INTO organization (id, name, credit_code, region, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                customer,
                "升级前的主办单位 " + customer.toString().substring(0, 6),
                org.yunjian.party.PartyTestSupport.newCreditCode(),
                "北京",
                now,
                now);
        OlderSchema.exec(c, "INSERT INTO organization_role (organization_id, role) VALUES (?,?)", customer, "CUSTOMER");
        OlderSchema.exec(
                c,
                "INSERT INTO cloud_system (id, name, customer_id, protection_level, deployment_model, service_model, "
                        + "industry, data_classification, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                system,
                "升级前的门户网站 " + system.toString().substring(0, 6),
                customer,
                3,
                model,
                "IAAS",
                industry,
                "IMPORTANT",
                now,
                now);
    }

    static void obligation(Connection c, UUID system, UUID customer, String kind, LocalDate done, LocalDate due)
            throws SQLException {
        obligation(c, system, customer, kind, 12, done, due);
    }

    static void obligation(Connection c, UUID system, UUID org, String kind, int months, LocalDate done, LocalDate due)
            throws SQLException {
        UUID customer = org;
        Timestamp now = Timestamp.from(Instant.now());
        OlderSchema.exec(
                c,
                "INSERT INTO lifecycle_obligation (id, system_id, kind, responsible_org, start_date, interval_months, "
                        + "last_done, last_done_by, last_done_at, due_date, created_by, created_at, version) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                UUID.randomUUID(),
                system,
                kind,
                customer,
                Date.valueOf(START),
                months,
                done == null ? null : Date.valueOf(done),
                done == null ? null : "customer",
                done == null ? null : now,
                Date.valueOf(due),
                "customer",
                now,
                2);
    }

    @Autowired
    ObligationRepository repo;

    @Test
    @DisplayName(
            "gov 8.5 b) upgrade: stored 12-month drills run every 24 months, due dates recomputed; own intervals stay")
    void gov8_5b_storedDrillsRunOnTheTextsTwoYearsAfterTheUpgrade() {
        LocalDate today = LocalDate.now(org.yunjian.shared.Formats.zone());
        Obligation drill = repo.find(SYSTEM, ObligationKind.DRILL_MALWARE).orElseThrow();
        assertThat(drill.intervalMonths()).isEqualTo(24);
        assertThat(drill.nextDue()).isEqualTo(HELD.plusMonths(24));
        assertThat(drill.status(today)).isEqualTo(ObligationStatus.UPCOMING);
        assertThat(drill.version())
                .as("a form read before the upgrade is stale")
                .isEqualTo(3);
        Obligation never = repo.find(SYSTEM, ObligationKind.DRILL_DISASTER).orElseThrow();
        assertThat(never.intervalMonths()).isEqualTo(24);
        assertThat(never.nextDue())
                .as("never done: still due on its start date")
                .isEqualTo(START);
        // the stored due date is the one the domain type computes (the lists and reminders read the column)
        assertThat(repo.due(java.util.List.of(SYSTEM), null, HELD.plusMonths(24)))
                .extracting(Obligation::kind)
                .containsExactlyInAnyOrder(ObligationKind.DRILL_DISASTER, ObligationKind.DRILL_MALWARE);
        assertThat(repo.due(java.util.List.of(SYSTEM), null, HELD.plusMonths(24).minusDays(1)))
                .extracting(Obligation::kind)
                .containsExactly(ObligationKind.DRILL_DISASTER);
        // the customer that chose 12 months for DRILL_MALWARE keeps it; its other drills take the text's 24
        Obligation own = repo.find(OWN_SYSTEM, ObligationKind.DRILL_MALWARE).orElseThrow();
        assertThat(own.intervalMonths()).isEqualTo(12);
        assertThat(own.nextDue()).isEqualTo(HELD.plusMonths(12));
        assertThat(repo.find(OWN_SYSTEM, ObligationKind.DRILL_DISASTER)
                        .orElseThrow()
                        .intervalMonths())
                .isEqualTo(24);
    }

    /**
     * JR/T 6.3.1 "在开展托管业务两年内宜通过…认证" (line 406) and 7.3 "受托方应依照委托方要求，向委托方提供…必要证据" (line
     * 534) on an existing installation: the stored certification, due on its start date, is due two years after it, once;
     * the 行业云's monthly evidence is due on request (none open: nothing due); a public cloud's stays periodic (7.4.3,
     * per contract).
     */
    @Test
    @DisplayName("JR/T 6.3.1 / 7.3 upgrade: certification due two years after its start; 行业云 evidence due on request")
    void jrt_storedDeadlineAndEvidenceFollowTheTextAfterTheUpgrade() {
        LocalDate today = LocalDate.now(org.yunjian.shared.Formats.zone());
        Obligation cert =
                repo.find(SF_COMMUNITY, ObligationKind.PROVIDER_CERTIFICATION).orElseThrow();
        assertThat(cert.schedule()).isEqualTo(org.yunjian.obligations.Schedule.ONCE_WITHIN);
        assertThat(cert.nextDue()).isEqualTo(START.plusMonths(24));
        assertThat(repo.due(java.util.List.of(SF_COMMUNITY), null, START.plusMonths(24)))
                .extracting(Obligation::kind)
                .containsExactly(ObligationKind.PROVIDER_CERTIFICATION);
        Obligation evidence =
                repo.find(SF_COMMUNITY, ObligationKind.PROVIDER_REPORT).orElseThrow();
        assertThat(evidence.schedule()).isEqualTo(org.yunjian.obligations.Schedule.ON_REQUEST);
        assertThat(evidence.nextDue()).isNull();
        assertThat(evidence.lastDone()).isEqualTo(HELD);
        assertThat(evidence.status(today)).isEqualTo(ObligationStatus.NOT_REQUESTED);
        Obligation periodic =
                repo.find(SF_PUBLIC, ObligationKind.PROVIDER_REPORT).orElseThrow();
        assertThat(periodic.schedule()).isEqualTo(org.yunjian.obligations.Schedule.EVERY_INTERVAL);
        assertThat(periodic.nextDue()).isEqualTo(HELD.plusMonths(1));
    }
}
