package org.yunjian.workbench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.assessment.ConclusionBand;
import org.yunjian.assessment.ScoreQueries;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.ScoreResult.Conclusion;
import org.yunjian.assessment.ScoringPolicies;
import org.yunjian.assessment.ScoringPolicy;
import org.yunjian.assessment.internal.ItemSumRepository;
import org.yunjian.assessment.internal.Mlps2025ScoringPolicy;
import org.yunjian.assessment.internal.ScoringProperties;
import org.yunjian.catalog.PartyRole;
import org.yunjian.demo.DemoData;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemQuery;
import org.yunjian.party.SystemSummary;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.support.TestDatabases;
import org.yunjian.workbench.internal.Dashboards.ControlPointRow;
import org.yunjian.workbench.internal.Dashboards.Filter;
import org.yunjian.workbench.internal.Dashboards.SystemRow;

/**
 * The across-systems dashboard is aggregated in SQL (issue 15); its numbers must be those of the Java scoring
 * (docs/scoring.md) that the per-system dashboard and the assessment page use. Checked three ways, on H2 and on
 * PostgreSQL: the SQL rate against {@link ConclusionBand#rate} for every score of up to 500 scored items; the SQL
 * conclusion against each policy's bands on every boundary; and every row, total and control point of the overview
 * against the per-system dashboard's Java scores, on the demo data and on 2,000 generated systems. The generated
 * assessments are written straight into the tables, so their stored item sums come from the start-up back-fill
 * ({@link ItemSumRepository#backfill}); {@code DashboardTests} completes assessments through the completion step.
 */
@SpringBootTest(properties = "yunjian.demo=true")
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.RunsBesideTheSuite
class DashboardSqlTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("dashboard_sql", registry);
    }

    @Autowired
    Dashboards dashboards;

    @Autowired
    ScoringPolicies policies;

    @Autowired
    Parties parties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Autowired
    ItemSumRepository sums;

    @Test
    void theSqlRateIsTheJavaRateForEveryScoreOfUpTo500ScoredItems() {
        // the numbers 0..1000 as a VALUES list: the application role may not create tables (PostgreSQL)
        StringBuilder values = new StringBuilder();
        for (int k = 0; k <= 1000; k++) {
            values.append(values.isEmpty() ? "" : ", ").append("(").append(k).append(")");
        }
        int[] checked = {0};
        List<String> wrong = new ArrayList<>();
        jdbc.sql("WITH n (v) AS (VALUES " + values + ") SELECT t.v AS t, s.v AS s, "
                        + ScoreQueries.rateHundredths("t.v", "s.v") + " AS h FROM n s JOIN n t ON t.v <= 2 * s.v "
                        + "WHERE s.v <= 500")
                .query(rs -> {
                    checked[0]++;
                    double java = ConclusionBand.rate(rs.getInt("t") * 0.5, rs.getInt("s"));
                    if (rs.getLong("h") / 100.0 != java && wrong.size() < 10) {
                        wrong.add(rs.getInt("t") + "/2 of " + rs.getInt("s") + ": " + rs.getLong("h") + " vs " + java);
                    }
                });
        assertThat(wrong).isEmpty();
        assertThat(checked[0]).isEqualTo(251_001); // Σ (2s + 1) for s = 0..500
        // the half-up cases where the double steps differ from exact arithmetic are among them (57/2 of 400: 7.12)
        assertThat(ConclusionBand.rate(57 * 0.5, 400)).isEqualTo(7.12);
    }

    @Test
    void theSqlConclusionIsThePoliciesConclusionOnEveryBoundary() {
        List<ScoringPolicy> all = List.of(
                policies.forTemplate(org.yunjian.assessment.ReportTemplate.T2021),
                policies.forTemplate(org.yunjian.assessment.ReportTemplate.T2025),
                new Mlps2025ScoringPolicy(new ScoringProperties.Mlps2025(85.5, 1, 60.25, 1)),
                new Mlps2025ScoringPolicy(new ScoringProperties.Mlps2025(0, 0, 0, 0)));
        long[] rates = {0, 1, 6024, 6025, 6999, 7000, 7001, 7999, 8000, 8549, 8550, 8999, 9000, 9001, 9999, 10000};
        int n = 0;
        for (ScoringPolicy p : all) {
            for (long h : rates) {
                for (int high = 0; high <= 2; high++) {
                    for (int medium = 0; medium <= 2; medium++) {
                        String sql = ScoreQueries.conclusion(
                                p.bands(), String.valueOf(h), String.valueOf(high), String.valueOf(medium));
                        String got = jdbc.sql("SELECT " + sql + " FROM (VALUES (1)) AS one (v)")
                                .query(String.class)
                                .single();
                        assertThat(got)
                                .as("%s rate %d high %d medium %d", p.id(), h, high, medium)
                                .isEqualTo(ConclusionBand.conclude(p.bands(), h / 100.0, high, medium)
                                        .name());
                        n++;
                    }
                }
            }
        }
        assertThat(n).isEqualTo(4 * 16 * 9);
    }

    @Test
    void theOverviewHasTheJavaScoresOnTheDemoDataAndOn2000GeneratedSystems() {
        UUID demoCustomer = jdbc.sql("SELECT customer_id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        compare(admin());
        compare(user(demoCustomer));

        Organization c =
                fixtures.organization("生成客户 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.CUSTOMER);
        Organization p =
                fixtures.organization("生成云服务商 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.PROVIDER);
        Organization t = fixtures.organization(
                "生成测评机构 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.THIRD_PARTY_ASSESSOR);
        generate(c.id(), p.id(), t.id(), 2000);
        // written behind the completion step's back: the start-up back-fill stores their sums, once
        assertThat(sums.backfill())
                .isEqualTo(jdbc.sql(
                                "SELECT COUNT(*) FROM assessment a JOIN cloud_system s "
                                        + "ON s.id = a.system_id WHERE s.customer_id = ? AND a.status IN ('COMPLETED', 'ARCHIVED')")
                        .param(c.id())
                        .query(Integer.class)
                        .single());
        assertThat(sums.backfill()).isZero();
        Reference customer = compare(user(c.id()));
        assertThat(customer.rows()).hasSize(2000);
        assertThat(customer.rows().stream().map(SystemRow::conclusion).distinct())
                .contains(
                        Conclusion.EXCELLENT,
                        Conclusion.GOOD,
                        Conclusion.FAIR,
                        Conclusion.POOR,
                        Conclusion.CONFORMS,
                        Conclusion.BASICALLY_CONFORMS,
                        Conclusion.DOES_NOT_CONFORM,
                        null);
        assertThat(customer.rows().stream().filter(r -> r.overdueRemediations() > 0))
                .isNotEmpty();
        Reference provider = compare(user(p.id()));
        assertThat(provider.rows()).hasSize(500);
    }

    /** The per-system (Java-scored) view of every system {@code u} sees, and the overview checked against it. */
    record Reference(List<SystemRow> rows, Map<UUID, ScoreResult> scores) {}

    private Reference compare(CurrentUser u) {
        Reference ref = runAs(u, () -> reference());
        for (Filter f : List.of(
                Filter.none(),
                Filter.of(null, "NONE", null, false),
                Filter.of(null, "POOR", null, false),
                Filter.of(null, "DOES_NOT_CONFORM", null, false),
                Filter.of(null, "CONFORMS", 3, false),
                Filter.of(null, null, 2, true),
                Filter.of("1", null, null, false))) {
            Predicate<SystemRow> accepts = r -> (f.q() == null || r.systemName().contains(f.q()))
                    && (f.conclusion() == null
                            || (r.conclusion() == null ? "NONE" : r.conclusion().name()).equals(f.conclusion()))
                    && (f.level() == null || r.protectionLevel() == f.level())
                    && (!f.overdueOnly() || r.overdueRemediations() > 0);
            List<SystemRow> expected = ref.rows().stream().filter(accepts).toList();
            List<SystemRow> actual = new ArrayList<>();
            Dashboards.Overview first = null;
            for (int page = 1; ; page++) {
                PageRequest request = PageRequest.of(String.valueOf(page), "200");
                Dashboards.Overview o = runAs(u, () -> dashboards.overview(f, request));
                first = first == null ? o : first;
                actual.addAll(o.systems().items());
                if (o.systems().items().size() < 200) {
                    break;
                }
            }
            assertThat(actual).as("%s", f).isEqualTo(expected);
            checkTotals(first, expected);
            checkControlPoints(first, expected, ref.scores());
        }
        return ref;
    }

    private Reference reference() {
        List<SystemRow> rows = new ArrayList<>();
        Map<UUID, ScoreResult> scores = new LinkedHashMap<>();
        for (SystemSummary s : parties.visibleSystemSummaries(SystemQuery.none())) {
            Dashboards.SystemDashboard d = dashboards.system(s.id());
            Dashboards.Latest l = d.latest();
            boolean none = l == null || l.score().notYetAssessed();
            if (l != null) {
                scores.put(s.id(), l.score());
            }
            rows.add(new SystemRow(
                    s.id(),
                    s.name(),
                    s.protectionLevel(),
                    l == null ? null : l.assessmentId(),
                    l == null ? null : l.name(),
                    l == null ? null : l.completedAt(),
                    none ? null : l.score().complianceRate(),
                    none ? null : l.score().conclusion(),
                    l == null ? 0 : l.score().highRisk().size(),
                    l == null ? 0 : l.score().mediumRisk(),
                    d.openRemediations(),
                    d.overdueRemediations()));
        }
        return new Reference(rows, scores);
    }

    /** The totals as the Java overview computed them from its rows. */
    private static void checkTotals(Dashboards.Overview o, List<SystemRow> rows) {
        Map<Conclusion, Integer> by = new EnumMap<>(Conclusion.class);
        for (Conclusion c : Conclusion.values()) {
            by.put(c, (int) rows.stream().filter(r -> r.conclusion() == c).count());
        }
        List<SystemRow> assessed =
                rows.stream().filter(r -> r.conclusion() != null).toList();
        assertThat(o.totals().systems()).isEqualTo(rows.size());
        assertThat(o.systems().total()).isEqualTo(rows.size());
        assertThat(o.totals().assessed()).isEqualTo(assessed.size());
        assertThat(o.totals().byConclusion()).isEqualTo(by);
        assertThat(o.totals().highRisk())
                .isEqualTo(rows.stream().mapToInt(SystemRow::highRisk).sum());
        assertThat(o.totals().openRemediations())
                .isEqualTo(rows.stream().mapToInt(SystemRow::openRemediations).sum());
        assertThat(o.totals().overdueRemediations())
                .isEqualTo(
                        rows.stream().mapToInt(SystemRow::overdueRemediations).sum());
        if (assessed.isEmpty()) {
            assertThat(o.totals().meanComplianceRate()).isNull();
        } else {
            // the SQL rounds the exact mean; the Java averaged doubles: at most one hundredth apart at a tie
            double mean = Math.round(assessed.stream()
                                    .mapToDouble(SystemRow::complianceRate)
                                    .average()
                                    .orElse(0)
                            * 100)
                    / 100.0;
            assertThat(o.totals().meanComplianceRate()).isCloseTo(mean, within(0.0100001));
        }
    }

    /** The top control points: each as the Java scores' groups add up, and no other one failing more. */
    private static void checkControlPoints(Dashboards.Overview o, List<SystemRow> rows, Map<UUID, ScoreResult> scores) {
        class Acc {
            int systems;
            int failing;
            int c;
            int p;
            int n;
            int na;
            double score;
            int scored;
        }
        Map<String, Acc> by = new LinkedHashMap<>();
        for (SystemRow r : rows) {
            if (r.latestAssessmentId() == null) {
                continue;
            }
            for (ScoreResult.Group g : scores.get(r.systemId()).byControlPoint()) {
                Acc a = by.computeIfAbsent(g.name(), k -> new Acc());
                a.systems++;
                a.failing += g.partiallyCompliant() + g.nonCompliant() > 0 ? 1 : 0;
                a.c += g.compliant();
                a.p += g.partiallyCompliant();
                a.n += g.nonCompliant();
                a.na += g.notApplicable();
                a.score += g.score();
                a.scored += g.scored();
            }
        }
        assertThat(o.controlPointsTotal())
                .as(
                        "control points: the overview shows %s, the Java scores have %s",
                        o.controlPoints().stream()
                                .map(cp -> cp.layer() + "/" + cp.controlPoint())
                                .toList(),
                        by.keySet())
                .isEqualTo(by.size());
        assertThat(o.controlPoints()).hasSize(Math.min(by.size(), Dashboards.CONTROL_POINTS_SHOWN));
        for (ControlPointRow cp : o.controlPoints()) {
            Acc a = by.get(cp.controlPoint());
            assertThat(a).as(cp.controlPoint()).isNotNull();
            assertThat(List.of(
                            cp.systems(),
                            cp.systemsWithFindings(),
                            cp.compliant(),
                            cp.partiallyCompliant(),
                            cp.nonCompliant(),
                            cp.notApplicable()))
                    .as(cp.controlPoint())
                    .isEqualTo(List.of(a.systems, a.failing, a.c, a.p, a.n, a.na));
            assertThat(cp.rate()).isEqualTo(ConclusionBand.rate(a.score, a.scored));
        }
        assertThat(o.controlPoints()).isSortedAccordingTo(Dashboards.WHERE_SYSTEMS_FAIL_MOST);
        // the ones left out fail no more than the last one shown
        Comparator<double[]> worse = Comparator.<double[]>comparingDouble(k -> -k[0])
                .thenComparingDouble(k -> -k[1])
                .thenComparingDouble(k -> k[2]);
        List<double[]> keys = by.values().stream()
                .map(a -> new double[] {a.failing, a.n, ConclusionBand.rate(a.score, a.scored)})
                .sorted(worse)
                .toList();
        List<double[]> shown = o.controlPoints().stream()
                .map(cp -> new double[] {cp.systemsWithFindings(), cp.nonCompliant(), cp.rate()})
                .toList();
        for (int k = 0; k < shown.size(); k++) {
            assertThat(shown.get(k)).isEqualTo(keys.get(k));
        }
    }

    /**
     * {@code n} systems of {@code customer} (every fourth with {@code provider}), levels 1-4 in turn: a tenth without
     * an assessment, a tenth with one in progress only, a tenth completed with nothing recorded, the rest with one or
     * two completed assessments (the 2021 and the 2025 template in turn, sometimes archived) of 40 items drawn from the
     * demo assessment's, random verdicts and risks, and open, overdue, done and accepted remediation tasks.
     */
    private void generate(UUID customer, UUID provider, UUID assessor, int n) {
        record Item(String requirementId, String side, String layer, String controlPoint) {}
        List<Item> pool = jdbc
                .sql("SELECT requirement_id, side, layer, control_point FROM assessment_item "
                        + "ORDER BY assessment_id, position")
                .query((rs, k) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .stream()
                .distinct()
                .limit(40)
                .toList();
        assertThat(pool).hasSize(40);
        Random random = new Random(15);
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        LocalDate today = dashboards.today();
        List<Object[]> systems = new ArrayList<>();
        List<Object[]> assessments = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> accepted = new ArrayList<>();
        String[] verdicts = {"COMPLIANT", "PARTIALLY_COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE"};
        String[] risks = {"HIGH", "MEDIUM", "LOW"};
        for (int i = 0; i < n; i++) {
            UUID system = UUID.randomUUID();
            systems.add(new Object[] {
                system, String.format("生成系统-%04d", i), customer, i % 4 == 0 ? provider : null, i % 4 + 1, base, base
            });
            int kind = i % 10;
            if (kind == 0) {
                continue;
            }
            int count = kind == 1 || kind == 2 ? 1 : 1 + random.nextInt(2);
            for (int a = 0; a < count; a++) {
                UUID id = UUID.randomUUID();
                OffsetDateTime created = base.plusMinutes(i * 10L + a);
                String status = kind == 1
                        ? "IN_PROGRESS"
                        : (a == 0 && count == 2 && random.nextBoolean()) ? "ARCHIVED" : "COMPLETED";
                OffsetDateTime completed = status.equals("IN_PROGRESS")
                        ? null
                        : created.plusDays(count == 2 ? 30 - a * 20 + random.nextInt(5) : 3);
                assessments.add(new Object[] {
                    id,
                    "生成测评 " + i + "-" + a,
                    system,
                    assessor,
                    status,
                    created,
                    created,
                    completed,
                    (i + a) % 2 == 0 ? "T2021" : "T2025"
                });
                // how good this assessment is: from nearly all compliant to mostly failing
                double good = random.nextDouble();
                for (int k = 0; k < pool.size(); k++) {
                    Item it = pool.get(k);
                    UUID itemId = UUID.randomUUID();
                    String verdict = null;
                    if (kind != 2) {
                        double x = random.nextDouble();
                        verdict = x < 0.05
                                ? null
                                : x < 0.1
                                        ? verdicts[3]
                                        : random.nextDouble() < good ? verdicts[0] : verdicts[1 + random.nextInt(2)];
                    }
                    boolean finding = verdict != null && (verdict.equals(verdicts[1]) || verdict.equals(verdicts[2]));
                    // risks lean to low, so that some assessments have no high-risk finding at all
                    String risk =
                            finding ? risks[random.nextDouble() < 0.04 ? 0 : random.nextDouble() < 0.2 ? 1 : 2] : null;
                    items.add(new Object[] {
                        itemId,
                        id,
                        k,
                        it.requirementId(),
                        it.side(),
                        it.layer(),
                        it.controlPoint(),
                        verdict,
                        risk,
                        created
                    });
                    if (finding && random.nextInt(3) == 0) {
                        UUID task = UUID.randomUUID();
                        String ts = new String[] {"OPEN", "IN_PROGRESS", "DONE", "VERIFIED"}[random.nextInt(4)];
                        LocalDate due = random.nextInt(5) == 0 ? null : today.plusDays(random.nextInt(60) - 30);
                        tasks.add(new Object[] {task, itemId, id, customer, due, ts, created, created});
                        if (random.nextInt(6) == 0) {
                            boolean inForce = random.nextBoolean();
                            accepted.add(new Object[] {
                                task, today.minusDays(10), inForce ? today.plusDays(30) : today.minusDays(1), created
                            });
                        }
                    }
                }
            }
        }
        batch(
                "INSERT INTO cloud_system (id, name, customer_id, provider_id, protection_level, deployment_model, "
                        + "service_model, industry, data_classification, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'PUBLIC', 'IAAS', 'GOVERNMENT_WEBSITE', 'IMPORTANT', ?, ?)",
                systems);
        batch(
                "INSERT INTO assessment (id, name, system_id, assessor_org_id, assessor_kind, status, created_at, "
                        + "updated_at, completed_at, report_template) VALUES (?, ?, ?, ?, 'THIRD_PARTY', ?, ?, ?, ?, ?)",
                assessments);
        batch(
                "INSERT INTO assessment_item (id, assessment_id, position, requirement_id, side, layer, control_point, "
                        + "verdict, risk_level, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                items);
        batch(
                "INSERT INTO assessment_remediation (id, item_id, assessment_id, responsible_org_id, due_date, status, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                tasks);
        batch(
                "INSERT INTO assessment_risk (remediation_id, treatment, accept_approved_on, accept_expires_on, "
                        + "updated_at) VALUES (?, 'ACCEPT', ?, ?, ?)",
                accepted);
    }

    private void batch(String sql, List<Object[]> rows) {
        jdbcTemplate.batchUpdate(sql, rows);
    }
}
