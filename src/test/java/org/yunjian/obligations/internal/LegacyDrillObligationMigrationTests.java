package org.yunjian.obligations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.yunjian.obligations.DrillCategory;
import org.yunjian.obligations.DrillHeld;
import org.yunjian.obligations.Obligation;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.support.OlderSchema;
import org.yunjian.support.TestDatabases;

/**
 * The upgrade of a database made before the per-category drills of 政府网站指南 8.5 b) — "每两年至少开展各典型类别安全事件的
 * 应急演练一次" (gov-website-cloud-security-guide.txt line 329): a government website had one EMERGENCY_DRILL obligation,
 * completed by any drill. The database is migrated to the version before {@code 202612030100}, such a row is written
 * with plain SQL with a completion and a drill without a category, and the platform starts on it: the system then has
 * one obligation per typical category, the legacy row is superseded (kept, with its completion, shown as history) and
 * no longer an obligation — no drill completes it, it is in no list — and no drill is deleted.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("database")
class LegacyDrillObligationMigrationTests {

    static final String VERSION = "202612030100";
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID SYSTEM = UUID.randomUUID();
    /**
     * Beginning with {@code d4}: the migration derives the new rows' ids by replacing the first two hex digits with
     * {@code d1}…{@code d6}, which gave this id to one of them (a duplicate key, 6 in 256 random ids: the CI failure
     * {@link LegacyDrillIds} mends); every run now takes that path.
     */
    static final UUID LEGACY =
            UUID.fromString("d4" + UUID.randomUUID().toString().substring(2));

    static final UUID DRILL = UUID.randomUUID();
    static final LocalDate LAST_DRILL = LocalDate.of(2025, 3, 14);
    static final LocalDate LEGACY_DUE = LocalDate.of(2026, 3, 14);
    static final List<ObligationKind> CATEGORIES = List.of(
            ObligationKind.DRILL_MALWARE,
            ObligationKind.DRILL_NETWORK_ATTACK,
            ObligationKind.DRILL_INFORMATION_DESTRUCTION,
            ObligationKind.DRILL_INFORMATION_CONTENT,
            ObligationKind.DRILL_EQUIPMENT_FAILURE,
            ObligationKind.DRILL_DISASTER);

    @DynamicPropertySource
    static void databaseOfAnOlderVersion(DynamicPropertyRegistry registry) throws SQLException {
        TestDatabases.Database db = TestDatabases.freshDatabase("legacy_drill_obligation", registry);
        // with the Java migrations the application runs among the older ones (nothing to seal here)
        OlderSchema.migrateToJustBefore(
                VERSION,
                db.url(),
                db.owner(),
                db.ownerPassword(),
                org.yunjian.party.internal.PrivateNotesMigrations.with(
                        db.dataDir().resolve("keys")));
        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
            legacy(c);
        }
    }

    /** A government website with the single drill obligation of before, done once by a drill of no category. */
    static void legacy(Connection c) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        String code = org.yunjian.party.PartyTestSupport.newCreditCode();
        OlderSchema.exec(
                c,
                "INSERT INTO organization (id, name, credit_code, region, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                CUSTOMER,
                "升级前的政府网站主办单位",
                code,
                "北京",
                now,
                now);
        OlderSchema.exec(c, "INSERT INTO organization_role (organization_id, role) VALUES (?,?)", CUSTOMER, "CUSTOMER");
        OlderSchema.exec(
                c,
                "INSERT INTO cloud_system (id, name, customer_id, protection_level, deployment_model, service_model, "
                        + "industry, data_classification, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                SYSTEM,
                "升级前的门户网站",
                CUSTOMER,
                3,
                "PUBLIC",
                "IAAS",
                "GOVERNMENT_WEBSITE",
                "IMPORTANT",
                now,
                now);
        OlderSchema.exec(
                c,
                "INSERT INTO lifecycle_obligation (id, system_id, kind, responsible_org, start_date, interval_months, "
                        + "last_done, last_done_by, last_done_at, due_date, created_by, created_at, version) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                LEGACY,
                SYSTEM,
                "EMERGENCY_DRILL",
                CUSTOMER,
                Date.valueOf(LocalDate.of(2024, 3, 1)),
                12,
                Date.valueOf(LAST_DRILL),
                "customer",
                now,
                Date.valueOf(LEGACY_DUE),
                "customer",
                now,
                3);
        OlderSchema.exec(
                c,
                "INSERT INTO lifecycle_obligation_completion (id, obligation_id, done_on, source, recorded_by, "
                        + "recorded_org, recorded_at) VALUES (?,?,?,?,?,?,?)",
                UUID.randomUUID(),
                LEGACY,
                Date.valueOf(LAST_DRILL),
                "DRILL",
                "customer",
                CUSTOMER,
                now);
        OlderSchema.exec(
                c,
                "INSERT INTO lifecycle_drill (id, system_id, held_on, scenario, participants, findings, recorded_by, "
                        + "recorded_org, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)",
                DRILL,
                SYSTEM,
                Date.valueOf(LAST_DRILL),
                "网页篡改应急演练",
                "主办单位、云服务商",
                "无",
                "customer",
                CUSTOMER,
                now);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObligationService obligations;

    @Autowired
    ObligationCompletions completions;

    @Autowired
    ObligationRepository repo;

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName(
            "gov 8.5 b) after the upgrade: one obligation per typical category, first due when the legacy one was, "
                    + "at most every 24 months; the legacy row superseded but kept with its completion; no drill deleted")
    void theLegacyDrillRowBecomesPerCategoryObligationsAndStaysAsHistory_GOV_8_5_b() {
        for (ObligationKind k : CATEGORIES) {
            Obligation o = repo.find(SYSTEM, k).orElseThrow(() -> new AssertionError(k + " missing"));
            assertThat(o.responsibleOrg()).isEqualTo(CUSTOMER);
            assertThat(o.nextDue()).as(k.name()).isEqualTo(LEGACY_DUE);
            assertThat(o.lastDone())
                    .as("an uncategorised drill satisfies no category")
                    .isNull();
            assertThat(o.intervalMonths()).isLessThanOrEqualTo(24);
        }
        assertThat(repo.find(SYSTEM, ObligationKind.EMERGENCY_DRILL))
                .as("no obligation any more")
                .isEmpty();
        assertThat(jdbc.sql("SELECT superseded_at FROM lifecycle_obligation WHERE id = ?")
                        .param(LEGACY)
                        .query(Timestamp.class)
                        .single())
                .isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_obligation_completion WHERE obligation_id = ?")
                        .param(LEGACY)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_drill WHERE id = ?")
                        .param(DRILL)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var seen = runAs(user(CUSTOMER), () -> obligations.ofSystem(SYSTEM));
        assertThat(seen.rows())
                .extracting(r -> r.obligation().kind())
                .containsAll(CATEGORIES)
                .doesNotContain(ObligationKind.EMERGENCY_DRILL);
        assertThat(seen.missing()).doesNotContainAnyElementsOf(CATEGORIES);
        assertThat(runAs(user(CUSTOMER), () -> obligations.superseded(SYSTEM)))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.kind()).isEqualTo(ObligationKind.EMERGENCY_DRILL);
                    assertThat(s.doneOn()).containsExactly(LAST_DRILL);
                });
    }

    @Test
    @DisplayName("gov 8.5 b) after the upgrade: a drill completes its own category only; the legacy row counts for "
            + "nothing (before, any drill moved it); the page shows it as superseded history")
    void aDrillAfterTheUpgradeCompletesItsCategoryNotTheLegacyRow_GOV_8_5_b() throws Exception {
        LocalDate held = LocalDate.now(org.yunjian.shared.Formats.zone()).minusDays(3);
        runAs(user(CUSTOMER), () -> completions.on(new DrillHeld(SYSTEM, held, DrillCategory.MALWARE)));
        assertThat(repo.find(SYSTEM, ObligationKind.DRILL_MALWARE).orElseThrow().lastDone())
                .isEqualTo(held);
        assertThat(repo.find(SYSTEM, ObligationKind.DRILL_DISASTER)
                        .orElseThrow()
                        .lastDone())
                .isNull();
        assertThat(jdbc.sql("SELECT last_done FROM lifecycle_obligation WHERE id = ?")
                        .param(LEGACY)
                        .query(LocalDate.class)
                        .single())
                .as("the legacy row is not completed")
                .isEqualTo(LAST_DRILL);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_obligation_completion WHERE obligation_id = ?")
                        .param(LEGACY)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String page = HtmlUtils.htmlUnescape(
                mvc.perform(get("/systems/" + SYSTEM + "/lifecycle/obligations").with(as(user(CUSTOMER))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page)
                .contains(
                        "id=\"superseded-EMERGENCY_DRILL\"",
                        "已被取代的义务（历史）",
                        "每两年至少开展各典型类别安全事件的应急演练一次",
                        "id=\"obligation-DRILL_MALWARE\"")
                .doesNotContain("id=\"obligation-EMERGENCY_DRILL\"");
    }
}
