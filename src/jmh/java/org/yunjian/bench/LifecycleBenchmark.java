package org.yunjian.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The cross-system lifecycle overview benchmark of issue 13 (docs/performance.md, "Lifecycle overview across
 * systems"): gives N cloud systems of the demo customer the demo government portal's parties (batched JDBC, as the
 * other benchmarks seed systems), creates the lifecycle plans of the first ten <em>through the REST API</em> as the
 * demo customer (every duty of the guide for the system's parties; three due dates each set through the REST API, one
 * past) and copies them to the other systems with batched JDBC (creating 200 plans through the REST API takes seconds
 * per request once the customer sees 200 systems: docs/performance.md). Then it brings the plans into a realistic
 * spread with batched JDBC: every other duty gets a due date (about one in six past), a tenth of the systems have
 * every planning duty done awaiting acceptance, a fifth have the planning phase closed and stand in the acquisition
 * phase with its duties accepted (so the contract-review gate condition is asked for them). Then it measures, over
 * HTTP and client-side as the demo customer and the demo provider, {@code /lifecycle/overview}, with the login page,
 * the home page, the assessment dashboard and one plan page measured in the same run for comparison.
 *
 * <p>Not a unit test and not part of {@code ./mvnw verify}; run by {@code bench/lifecycle.sh}. Arguments:
 * {@code --url http://localhost:18080 --jdbc URL [--jdbc-user U --jdbc-password P] [--systems 200]
 * [--rest-plans 10] [--requests 300] [--warmup 60] [--out file.json]}.
 */
public final class LifecycleBenchmark {

    static final String PORTAL = "示例市人民政府门户网站";
    static final String PASSWORD = "Yunjian-Demo-2026";

    private final Map<String, String> args;
    private final Random random = new Random(20261125);

    private LifecycleBenchmark(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new LifecycleBenchmark(args).run();
    }

    private int intArg(String name, int dflt) {
        return Integer.parseInt(args.getOrDefault(name, Integer.toString(dflt)));
    }

    void run() throws Exception {
        int systems = intArg("systems", 200);
        String url = args.getOrDefault("url", "http://localhost:18080");
        long t = System.nanoTime();
        int rest = Math.min(systems, intArg("rest-plans", 10));
        // the systems whose plans are created through the REST API first, the others after them: with 200 systems
        // visible, every plan write takes seconds (docs/performance.md, "Lifecycle overview across systems")
        List<UUID> ids = new ArrayList<>();
        try (Connection c = connect()) {
            ids.addAll(seedSystems(c, 0, rest));
        }
        System.out.printf(
                Locale.ROOT,
                "seeded %d systems with the demo portal's parties in %.1f s%n",
                rest,
                (System.nanoTime() - t) / 1e9);

        BenchSession customer = new BenchSession(url);
        customer.login("customer", PASSWORD);
        BenchSession provider = new BenchSession(url);
        provider.login("provider", PASSWORD);
        t = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        long duties = 0;
        for (int i = 0; i < rest; i++) {
            String base = "/api/systems/" + ids.get(i) + "/lifecycle";
            JsonNode plan = customer.send("POST", base, "");
            duties += plan.get("duties").size();
            List<JsonNode> planning = new ArrayList<>();
            plan.get("duties").forEach(d -> {
                if ("PLANNING".equals(d.path("phase").path("code").asText())) {
                    planning.add(d);
                }
            });
            for (int k = 0; k < 3 && k < planning.size(); k++) {
                JsonNode d = planning.get(random.nextInt(planning.size()));
                LocalDate due =
                        k == 0 ? today.minusDays(1 + random.nextInt(60)) : today.plusDays(1 + random.nextInt(90));
                customer.send(
                        "PUT",
                        base + "/duties/" + d.get("id").asText() + "/assignment",
                        "{\"organisation\":\"" + d.get("organisation").asText() + "\",\"dueDate\":\"" + due + "\"}");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "created %d plans through the REST API in %.1f s (%d duties each on average, 3 due "
                        + "dates each set through the REST API)%n",
                rest,
                (System.nanoTime() - t) / 1e9,
                duties / Math.max(1, rest));
        t = System.nanoTime();
        try (Connection c = connect()) {
            ids.addAll(seedSystems(c, rest, systems - rest));
            copyPlans(c, ids.subList(0, rest), ids.subList(rest, ids.size()));
        }
        System.out.printf(
                Locale.ROOT,
                "seeded the other %d systems and copied the plans to them with batched JDBC in %.1f s%n",
                ids.size() - rest,
                (System.nanoTime() - t) / 1e9);
        String spread;
        try (Connection c = connect()) {
            spread = spread(c, ids, today);
            if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
        }
        System.out.println(spread);

        int requests = intArg("requests", 300);
        int warmup = intArg("warmup", 60);
        String sample = customer.get("/lifecycle/overview");
        int overdueRows = count(sample, "class=\"overdue-duty\"");
        int stuckRows = count(sample, "class=\"stuck-system\"");
        java.util.regex.Matcher counts =
                java.util.regex.Pattern.compile("overdue-count\">逾期 (\\d+) 项").matcher(sample);
        int overdueTotal = 0;
        while (counts.find()) {
            overdueTotal += Integer.parseInt(counts.group(1));
        }
        System.out.printf(Locale.ROOT, "overdue duties counted on the overview: %d%n", overdueTotal);
        if (overdueRows < 25 || overdueTotal < ids.size() || stuckRows < ids.size() / 10) {
            throw new IllegalStateException("the overview does not show the plans: " + overdueRows + " overdue duties, "
                    + stuckRows + " stuck systems");
        }
        System.out.printf(
                Locale.ROOT,
                "overview as the customer: %d bytes of HTML, %d overdue duties, %d systems stuck " + "at a gate%n",
                sample.getBytes(StandardCharsets.UTF_8).length,
                overdueRows,
                stuckRows);
        List<String> out = new ArrayList<>();
        out.add(report("GET /login (reference: page without data)", customer, requests, warmup, "/login"));
        out.add(report("GET / (reference: home page)", customer, requests, warmup, "/"));
        out.add(report("GET /dashboard (reference: assessment dashboard)", customer, requests, warmup, "/dashboard"));
        out.add(report("GET /lifecycle/overview (customer)", customer, requests, warmup, "/lifecycle/overview"));
        out.add(report(
                "GET /lifecycle/overview (provider)", provider, requests / 2, warmup / 2, "/lifecycle/overview"));
        // one system's plan page, for comparison (not this benchmark's target)
        out.add(report(
                "GET /systems/{id}/lifecycle (one plan, customer)",
                customer,
                requests / 2,
                warmup / 2,
                "/systems/" + ids.get(0) + "/lifecycle"));
        String load = Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).strip()
                : "?";
        String json = "{\"systems\":" + systems + ",\"dutiesPerPlan\":" + duties / Math.max(1, rest)
                + ",\"restPlans\":" + rest + ",\"overdueRows\":" + overdueRows + ",\"stuckRows\":" + stuckRows
                + ",\"loadavg\":\"" + load
                + "\",\"results\":[" + String.join(",", out) + "]}";
        System.out.println("load average at the end: " + load);
        if (args.containsKey("out")) {
            Files.writeString(Path.of(args.get("out")), json + "\n");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                args.get("jdbc"), args.getOrDefault("jdbc-user", "yunjian"), args.getOrDefault("jdbc-password", ""));
    }

    private static int count(String html, String marker) {
        int n = 0;
        for (int i = html.indexOf(marker); i >= 0; i = html.indexOf(marker, i + 1)) {
            n++;
        }
        return n;
    }

    private String report(String name, BenchSession http, int requests, int warmup, String path) throws Exception {
        for (int i = 0; i < warmup; i++) {
            http.get(path);
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            http.get(path);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double p50 = DashboardBenchmark.percentile(ms, 50);
        double p95 = DashboardBenchmark.percentile(ms, 95);
        double p99 = DashboardBenchmark.percentile(ms, 99);
        System.out.printf(
                Locale.ROOT,
                "%-52s n=%d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                name,
                requests,
                p50,
                p95,
                p99,
                ms[ms.length - 1]);
        return String.format(
                Locale.ROOT,
                "{\"name\":\"%s\",\"n\":%d,\"p50\":%.1f,\"p95\":%.1f,\"p99\":%.1f,\"max\":%.1f}",
                name,
                requests,
                p50,
                p95,
                p99,
                ms[ms.length - 1]);
    }

    // --- the spread of plan states (batched JDBC)

    /**
     * Due dates on every other duty (about one in six of them past), a tenth of the systems with every planning duty
     * done awaiting acceptance, a fifth with planning closed (its duties accepted) and every acquisition duty done.
     */
    String spread(Connection c, List<UUID> systems, LocalDate today) throws SQLException {
        c.setAutoCommit(false);
        Map<UUID, UUID> plans = new HashMap<>();
        UUID customerUser = null;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM user_account WHERE username = 'customer'")) {
            if (rs.next()) {
                customerUser = rs.getObject(1, UUID.class);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM lifecycle_plan WHERE system_id = ?")) {
            for (UUID s : systems) {
                ps.setObject(1, s);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    plans.put(s, rs.getObject(1, UUID.class));
                }
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long dated = 0;
        long past = 0;
        int waiting = 0;
        int acquisition = 0;
        try (PreparedStatement due = c.prepareStatement(
                        "UPDATE lifecycle_duty SET due_date = ?, version = version + 1 " + "WHERE id = ?");
                PreparedStatement done =
                        c.prepareStatement("UPDATE lifecycle_duty SET status = 'DONE', completed_by = ?, "
                                + "completed_at = ?, version = version + 1 WHERE plan_id = ? AND phase = ?");
                PreparedStatement accepted = c.prepareStatement("UPDATE lifecycle_duty SET status = 'DONE', "
                        + "completed_by = ?, completed_at = ?, accepted_by = ?, accepted_at = ?, version = version + 1 "
                        + "WHERE plan_id = ? AND phase = ?");
                PreparedStatement close = c.prepareStatement("UPDATE lifecycle_stage SET closed_at = ?, closed_by = ? "
                        + "WHERE plan_id = ? AND phase = ?");
                PreparedStatement list = c.prepareStatement("SELECT id FROM lifecycle_duty WHERE plan_id = ? "
                        + "AND due_date IS NULL ORDER BY position")) {
            for (int i = 0; i < systems.size(); i++) {
                UUID plan = plans.get(systems.get(i));
                list.setObject(1, plan);
                List<UUID> open = new ArrayList<>();
                try (ResultSet rs = list.executeQuery()) {
                    while (rs.next()) {
                        open.add(rs.getObject(1, UUID.class));
                    }
                }
                for (int k = 0; k < open.size(); k += 2) {
                    boolean late = random.nextInt(6) == 0;
                    due.setDate(
                            1,
                            Date.valueOf(
                                    late
                                            ? today.minusDays(1 + random.nextInt(120))
                                            : today.plusDays(1 + random.nextInt(365))));
                    due.setObject(2, open.get(k));
                    due.addBatch();
                    dated++;
                    past += late ? 1 : 0;
                }
                if (i % 10 == 0) {
                    // every planning duty done, none accepted: waits only on the customer's acceptance
                    finish(done, plan, "PLANNING", customerUser, now, false);
                    waiting++;
                } else if (i % 5 == 1) {
                    // planning closed; every acquisition duty done and accepted: the contract review decides
                    finish(accepted, plan, "PLANNING", customerUser, now.minus(40, ChronoUnit.DAYS), true);
                    finish(accepted, plan, "ACQUISITION_MIGRATION", customerUser, now, true);
                    close.setObject(1, now.minus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
                    close.setObject(2, customerUser);
                    close.setObject(3, plan);
                    close.setString(4, "PLANNING");
                    close.addBatch();
                    acquisition++;
                }
            }
            due.executeBatch();
            done.executeBatch();
            accepted.executeBatch();
            close.executeBatch();
        }
        c.commit();
        return String.format(
                Locale.ROOT,
                "spread with batched JDBC: %d more due dates (%d past), %d systems with planning "
                        + "done awaiting acceptance, %d in the acquisition phase with its duties settled",
                dated,
                past,
                waiting,
                acquisition);
    }

    /**
     * Each of {@code targets} gets a copy of one of the plans of {@code sources} (round robin): same standard, stages and
     * duties for the same organisations (the systems are copies of one another), nothing started, no due dates.
     */
    void copyPlans(Connection c, List<UUID> sources, List<UUID> targets) throws SQLException {
        c.setAutoCommit(false);
        List<Object[]> heads = new ArrayList<>();
        List<List<Object[]>> stages = new ArrayList<>();
        List<List<Object[]>> duties = new ArrayList<>();
        for (UUID s : sources) {
            Object[] head = rows(
                            c,
                            "SELECT id, standard_code, deployment_model, assigned_from, created_by FROM "
                                    + "lifecycle_plan WHERE system_id = ?",
                            s,
                            5)
                    .get(0);
            heads.add(head);
            stages.add(
                    rows(c, "SELECT phase, term, position FROM lifecycle_stage WHERE plan_id = ?", (UUID) head[0], 3));
            duties.add(rows(
                    c,
                    "SELECT phase, requirement_id, position, organisation_id FROM lifecycle_duty "
                            + "WHERE plan_id = ?",
                    (UUID) head[0],
                    4));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (PreparedStatement plan = c.prepareStatement("INSERT INTO lifecycle_plan (id, system_id, standard_code, "
                        + "deployment_model, assigned_from, created_by, created_at) VALUES (?,?,?,?,?,?,?)");
                PreparedStatement stage = c.prepareStatement(
                        "INSERT INTO lifecycle_stage (plan_id, phase, term, position) " + "VALUES (?,?,?,?)");
                PreparedStatement duty =
                        c.prepareStatement("INSERT INTO lifecycle_duty (id, plan_id, phase, requirement_id, "
                                + "position, organisation_id, status, version) VALUES (?,?,?,?,?,?,'NOT_STARTED',0)")) {
            for (int i = 0; i < targets.size(); i++) {
                int k = i % sources.size();
                Object[] h = heads.get(k);
                UUID id = UUID.randomUUID();
                plan.setObject(1, id);
                plan.setObject(2, targets.get(i));
                plan.setObject(3, h[1]);
                plan.setObject(4, h[2]);
                plan.setObject(5, h[3]);
                plan.setObject(6, h[4]);
                plan.setObject(7, now.minus(60, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
                plan.addBatch();
                for (Object[] st : stages.get(k)) {
                    stage.setObject(1, id);
                    stage.setObject(2, st[0]);
                    stage.setObject(3, st[1]);
                    stage.setObject(4, st[2]);
                    stage.addBatch();
                }
                for (Object[] d : duties.get(k)) {
                    duty.setObject(1, UUID.randomUUID());
                    duty.setObject(2, id);
                    duty.setObject(3, d[0]);
                    duty.setObject(4, d[1]);
                    duty.setObject(5, d[2]);
                    duty.setObject(6, d[3]);
                    duty.addBatch();
                }
            }
            plan.executeBatch();
            stage.executeBatch();
            duty.executeBatch();
        }
        c.commit();
    }

    private static void finish(PreparedStatement done, UUID plan, String phase, UUID by, Instant at, boolean accepted)
            throws SQLException {
        int i = 1;
        done.setObject(i++, by);
        done.setObject(i++, at.atOffset(ZoneOffset.UTC));
        if (accepted) {
            done.setObject(i++, by);
            done.setObject(i++, at.atOffset(ZoneOffset.UTC));
        }
        done.setObject(i++, plan);
        done.setString(i, phase);
        done.addBatch();
    }

    // --- seeding the systems (batched JDBC, copying the demo portal's parties)

    private static List<Object[]> rows(Connection c, String sql, UUID param, int columns) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /**
     * N copies of the demo portal system (same customer, provider, industry, models, agents and engagements with their
     * participants), named 生命周期基准 001…; waits for the demo's own lifecycle plan, the last of the demo seed.
     */
    List<UUID> seedSystems(Connection c, int first, int systems) throws SQLException {
        c.setAutoCommit(false);
        UUID portal = null;
        for (int i = 0; i < 240 && portal == null; i++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id FROM cloud_system s JOIN lifecycle_plan p "
                    + "ON p.system_id = s.id WHERE s.name = ?")) {
                ps.setString(1, PORTAL);
                try (ResultSet rs = ps.executeQuery()) {
                    portal = rs.next() ? rs.getObject(1, UUID.class) : null;
                }
            }
            c.commit();
            if (portal == null) {
                sleep(500);
            }
        }
        if (portal == null) {
            throw new IllegalStateException(
                    "no demo portal with its plan (start the application with the demo profile)");
        }
        Object[] sys = rows(
                        c,
                        "SELECT customer_id, provider_id, protection_level, deployment_model, service_model, "
                                + "industry, data_classification FROM cloud_system WHERE id = ?",
                        portal,
                        7)
                .get(0);
        List<Object[]> agents =
                rows(c, "SELECT organization_id, role FROM cloud_system_agent WHERE system_id = ?", portal, 2);
        List<Object[]> engagements =
                rows(c, "SELECT id, name, phase, description FROM engagement WHERE system_id = ?", portal, 4);
        Map<Object, List<Object[]>> participants = new HashMap<>();
        for (Object[] e : engagements) {
            participants.put(
                    e[0],
                    rows(
                            c,
                            "SELECT organization_id, role FROM engagement_participant " + "WHERE engagement_id = ?",
                            (UUID) e[0],
                            2));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO cloud_system (id, name, customer_id, provider_id, "
                        + "protection_level, deployment_model, service_model, industry, data_classification, created_at, "
                        + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement region = c.prepareStatement(
                        "INSERT INTO cloud_system_region (system_id, position, region) VALUES (?,?,?)");
                PreparedStatement agent = c.prepareStatement(
                        "INSERT INTO cloud_system_agent (system_id, organization_id, role) VALUES (?,?,?)");
                PreparedStatement eng =
                        c.prepareStatement("INSERT INTO engagement (id, name, system_id, phase, description, "
                                + "created_at, updated_at) VALUES (?,?,?,?,?,?,?)");
                PreparedStatement part = c.prepareStatement(
                        "INSERT INTO engagement_participant (engagement_id, organization_id, role) VALUES (?,?,?)")) {
            for (int n = 0; n < systems; n++) {
                UUID id = UUID.randomUUID();
                out.add(id);
                s.setObject(1, id);
                s.setString(2, String.format(Locale.ROOT, "生命周期基准 %03d", first + n + 1));
                for (int k = 0; k < 7; k++) {
                    s.setObject(3 + k, sys[k]);
                }
                s.setObject(10, now.atOffset(ZoneOffset.UTC));
                s.setObject(11, now.atOffset(ZoneOffset.UTC));
                s.addBatch();
                region.setObject(1, id);
                region.setInt(2, 0);
                region.setString(3, "北京");
                region.addBatch();
                for (Object[] a : agents) {
                    agent.setObject(1, id);
                    agent.setObject(2, a[0]);
                    agent.setObject(3, a[1]);
                    agent.addBatch();
                }
                for (Object[] e : engagements) {
                    UUID eid = UUID.randomUUID();
                    eng.setObject(1, eid);
                    eng.setObject(2, e[1]);
                    eng.setObject(3, id);
                    eng.setObject(4, e[2]);
                    eng.setObject(5, e[3]);
                    eng.setObject(6, now.atOffset(ZoneOffset.UTC));
                    eng.setObject(7, now.atOffset(ZoneOffset.UTC));
                    eng.addBatch();
                    for (Object[] p : participants.get(e[0])) {
                        part.setObject(1, eid);
                        part.setObject(2, p[0]);
                        part.setObject(3, p[1]);
                        part.addBatch();
                    }
                }
            }
            s.executeBatch();
            region.executeBatch();
            agent.executeBatch();
            eng.executeBatch();
            part.executeBatch();
            c.commit();
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
