package org.yunjian.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard benchmark of issue 4 (docs/performance.md, "Assessment dashboards"): seeds N cloud systems of the
 * demo customer, each with several full 等保 L3 cloud-extension assessments (every test item of the scope with a
 * verdict, risk levels on the findings, verdict history, remediation tasks with due dates around today), straight
 * into the database of a running Yunjian with batched JDBC inserts, then logs in over HTTP as the demo customer
 * user and measures the latency of the dashboards as a client sees it (request sent → whole body received):
 * the across-systems REST dashboard and page, and the per-system REST dashboard of random systems.
 *
 * <p>Not a unit test and not part of {@code ./mvnw verify}; run by {@code bench/dashboard.sh}. Arguments:
 * {@code --url http://localhost:18080 --jdbc URL [--jdbc-user U --jdbc-password P] [--systems 200]
 * [--assessments 4] [--requests 300] [--warmup 60] [--out file.json]}.
 */
public final class DashboardBenchmark {

    static final String CUSTOMER = "示例市人民政府办公厅";
    static final String PROVIDER = "示例政务云计算有限公司";
    static final String ASSESSOR = "示例信息安全等级测评中心";
    static final String USER = "customer";
    static final String PASSWORD = "Yunjian-Demo-2026";

    private final Map<String, String> args;
    private final Random random = new Random(20261121);

    private DashboardBenchmark(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new DashboardBenchmark(args).run();
    }

    private int intArg(String name, int dflt) {
        return Integer.parseInt(args.getOrDefault(name, Integer.toString(dflt)));
    }

    void run() throws Exception {
        int systems = intArg("systems", 200);
        int assessments = intArg("assessments", 4);
        String url = args.getOrDefault("url", "http://localhost:18080");
        long t = System.nanoTime();
        Seeded seeded;
        try (Connection c = DriverManager.getConnection(
                args.get("jdbc"), args.getOrDefault("jdbc-user", "yunjian"), args.getOrDefault("jdbc-password", ""))) {
            seeded = seed(c, systems, assessments);
            if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                // what autovacuum would do shortly after a bulk load; the planner needs the new row counts
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "seeded %d systems, %d assessments, %d items, %d verdict records, %d remediation "
                        + "tasks in %.1f s%n",
                systems,
                seeded.assessments,
                seeded.items,
                seeded.history,
                seeded.tasks,
                (System.nanoTime() - t) / 1e9);

        Http http = new Http(url);
        http.login(USER, PASSWORD);
        String overview = http.get("/api/dashboard");
        Matcher m = Pattern.compile("\"systems\"\\s*:\\s*(\\d+)").matcher(overview);
        if (!m.find() || Integer.parseInt(m.group(1)) < systems) {
            throw new IllegalStateException("the dashboard does not show the seeded systems: "
                    + overview.substring(0, Math.min(400, overview.length())));
        }
        System.out.printf(
                Locale.ROOT, "across-systems dashboard: %s systems, %d bytes of JSON%n", m.group(1), overview.length());

        int requests = intArg("requests", 300);
        int warmup = intArg("warmup", 60);
        List<String> out = new ArrayList<>();
        out.add(report("GET /api/dashboard", http, requests, warmup, i -> "/api/dashboard"));
        out.add(report(
                "GET /api/dashboard/systems/{id}",
                http,
                requests,
                warmup,
                i -> "/api/dashboard/systems/" + seeded.systemIds.get(random.nextInt(seeded.systemIds.size()))));
        out.add(report("GET /dashboard (page)", http, requests, warmup, i -> "/dashboard"));
        out.add(report(
                "GET /dashboard/systems/{id} (page)",
                http,
                requests / 2,
                warmup / 2,
                i -> "/dashboard/systems/" + seeded.systemIds.get(random.nextInt(seeded.systemIds.size()))));
        out.add(report(
                "GET /api/dashboard?conclusion=POOR&overdue=true",
                http,
                requests / 2,
                warmup / 2,
                i -> "/api/dashboard?conclusion=POOR&overdue=true"));
        String load = Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).strip()
                : "?";
        String json = "{\"systems\":" + systems + ",\"assessmentsPerSystem\":" + assessments + ",\"items\":"
                + seeded.items + ",\"loadavg\":\"" + load + "\",\"results\":[" + String.join(",", out) + "]}";
        System.out.println("load average at the end: " + load);
        if (args.containsKey("out")) {
            Files.writeString(Path.of(args.get("out")), json + "\n");
        }
    }

    // --- measuring

    interface PathFor {
        String path(int i);
    }

    private String report(String name, Http http, int requests, int warmup, PathFor paths) throws Exception {
        for (int i = 0; i < warmup; i++) {
            http.get(paths.path(i));
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            String path = paths.path(i);
            long start = System.nanoTime();
            http.get(path);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double p50 = percentile(ms, 50);
        double p95 = percentile(ms, 95);
        double p99 = percentile(ms, 99);
        System.out.printf(
                Locale.ROOT,
                "%-50s n=%d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
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

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A logged-in HTTP session (cookie and CSRF token), as a browser or REST client holds one. */
    static final class Http {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final String base;

        Http(String base) {
            this.base = base;
        }

        void login(String user, String password) throws IOException, InterruptedException {
            String page = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                            .build())
                    .body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build());
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("login failed: " + r.statusCode() + " " + location);
            }
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
                    .build());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return r.body();
        }

        private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    // --- seeding

    record Template(String requirementId, String side, String layer, String controlPoint, int position) {}

    static final class Seeded {
        final List<UUID> systemIds = new ArrayList<>();
        int assessments;
        int items;
        int history;
        int tasks;
    }

    private static UUID one(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(
                            "not found: " + sql + " / " + param + " (start the application with the demo profile)");
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** The test items of a full 等保 L3 cloud-extension assessment, from the demo assessment (scope MLPS-L3). */
    private static List<Template> template(Connection c) throws SQLException {
        List<Template> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT requirement_id, side, layer, control_point, position "
                        + "FROM assessment_item WHERE assessment_id = (SELECT a.id FROM assessment a "
                        + "JOIN assessment_scope sc ON sc.assessment_id = a.id WHERE sc.selection = 'MLPS-L3' "
                        + "ORDER BY a.created_at LIMIT 1) "
                        + "ORDER BY position")) {
            while (rs.next()) {
                out.add(new Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
            }
        }
        return out;
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    Seeded seed(Connection c, int systems, int perSystem) throws SQLException {
        c.setAutoCommit(false);
        UUID customer = one(c, "SELECT id FROM organization WHERE name = ?", CUSTOMER);
        UUID provider = one(c, "SELECT id FROM organization WHERE name = ?", PROVIDER);
        UUID assessor = one(c, "SELECT id FROM organization WHERE name = ?", ASSESSOR);
        // the demo data is seeded once the application has started: wait for the demo assessment
        List<Template> template = template(c);
        for (int i = 0; template.isEmpty() && i < 120; i++) {
            c.commit();
            sleep(500);
            template = template(c);
        }
        if (template.isEmpty()) {
            throw new IllegalStateException("no 等保 L3 demo assessment to copy the item list from");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Seeded out = new Seeded();
        String[] sides = {"CLOUD_PLATFORM", "CUSTOMER_SYSTEM"};
        try (PreparedStatement sys = c.prepareStatement("INSERT INTO cloud_system (id, name, customer_id, provider_id, "
                        + "protection_level, deployment_model, service_model, industry, data_classification, created_at, "
                        + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement region = c.prepareStatement(
                        "INSERT INTO cloud_system_region (system_id, position, region) VALUES (?,?,?)");
                PreparedStatement ass = c.prepareStatement(
                        "INSERT INTO assessment (id, name, system_id, assessor_org_id, "
                                + "assessor_kind, status, created_by, created_at, updated_at, completed_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement scope = c.prepareStatement(
                        "INSERT INTO assessment_scope (assessment_id, selection) VALUES (?, 'MLPS-L3')");
                PreparedStatement item = c.prepareStatement("INSERT INTO assessment_item (id, assessment_id, position, "
                        + "requirement_id, side, layer, control_point, verdict, verdict_reason, risk_level, risk_reason, "
                        + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement hist = c.prepareStatement(
                        "INSERT INTO assessment_verdict_history (id, item_id, verdict, "
                                + "verdict_reason, risk_level, retest, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?)");
                PreparedStatement task = c.prepareStatement(
                        "INSERT INTO assessment_remediation (id, item_id, assessment_id, "
                                + "responsible_org_id, due_date, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)")) {
            for (int s = 0; s < systems; s++) {
                UUID systemId = UUID.randomUUID();
                out.systemIds.add(systemId);
                sys.setObject(1, systemId);
                sys.setString(2, String.format(Locale.ROOT, "基准系统 %03d", s + 1));
                sys.setObject(3, customer);
                sys.setObject(4, provider);
                sys.setInt(5, s % 10 == 0 ? 2 : 3);
                sys.setString(6, "PUBLIC");
                sys.setString(7, s % 3 == 0 ? "PAAS" : "IAAS");
                sys.setString(8, "GOVERNMENT_WEBSITE");
                sys.setString(9, "IMPORTANT");
                sys.setObject(10, utc(now));
                sys.setObject(11, utc(now));
                sys.addBatch();
                region.setObject(1, systemId);
                region.setInt(2, 0);
                region.setString(3, "北京");
                region.addBatch();
                // assessments a year apart, the oldest archived, the newest still in progress
                double quality = 0.6 + random.nextDouble() * 0.3;
                for (int k = 0; k < perSystem; k++) {
                    UUID id = UUID.randomUUID();
                    boolean last = k == perSystem - 1;
                    String status = last ? "IN_PROGRESS" : k == 0 && perSystem > 2 ? "ARCHIVED" : "COMPLETED";
                    Instant created = now.minus((long) (perSystem - k) * 365 - 300, ChronoUnit.DAYS);
                    Instant completed = last ? null : created.plus(45, ChronoUnit.DAYS);
                    ass.setObject(1, id);
                    ass.setString(2, (2022 + k) + " 年度等级测评");
                    ass.setObject(3, systemId);
                    ass.setObject(4, assessor);
                    ass.setString(5, "THIRD_PARTY");
                    ass.setString(6, status);
                    ass.setObject(7, null);
                    ass.setObject(8, utc(created));
                    ass.setObject(9, utc(completed == null ? created : completed));
                    ass.setObject(10, completed == null ? null : utc(completed));
                    ass.addBatch();
                    scope.setObject(1, id);
                    scope.addBatch();
                    out.assessments++;
                    double q = Math.min(0.98, quality + 0.05 * k);
                    for (Template tpl : template) {
                        UUID itemId = UUID.randomUUID();
                        // the in-progress assessment has recorded about half of its items so far
                        String verdict = last && random.nextBoolean() ? null : verdict(q);
                        String risk = null;
                        if ("NON_COMPLIANT".equals(verdict) || "PARTIALLY_COMPLIANT".equals(verdict)) {
                            double r = random.nextDouble();
                            risk = r < 0.08 ? "HIGH" : r < 0.45 ? "MEDIUM" : "LOW";
                        }
                        Instant recorded =
                                (completed == null ? now : completed).minus(random.nextInt(20) + 1, ChronoUnit.DAYS);
                        item.setObject(1, itemId);
                        item.setObject(2, id);
                        item.setInt(3, tpl.position());
                        item.setString(4, tpl.requirementId());
                        item.setString(5, tpl.side());
                        item.setString(6, tpl.layer());
                        item.setString(7, tpl.controlPoint());
                        item.setString(8, verdict);
                        item.setString(9, "NOT_APPLICABLE".equals(verdict) ? "本系统未使用该云服务能力" : null);
                        item.setString(10, risk);
                        item.setString(11, risk == null ? null : "基准数据");
                        item.setObject(12, utc(recorded));
                        item.addBatch();
                        out.items++;
                        if (verdict != null) {
                            hist.setObject(1, UUID.randomUUID());
                            hist.setObject(2, itemId);
                            hist.setString(3, verdict);
                            hist.setString(4, null);
                            hist.setString(5, risk);
                            hist.setBoolean(6, false);
                            hist.setString(7, "assessor");
                            hist.setObject(8, utc(recorded));
                            hist.addBatch();
                            out.history++;
                        }
                        if (risk != null) {
                            LocalDate due = LocalDate.ofInstant(recorded, ZoneOffset.UTC)
                                    .plusDays(90);
                            String st = !last && k < perSystem - 2
                                    ? "VERIFIED"
                                    : switch (random.nextInt(4)) {
                                        case 0 -> "OPEN";
                                        case 1 -> "IN_PROGRESS";
                                        case 2 -> "DONE";
                                        default -> due.isBefore(today) ? "VERIFIED" : "OPEN";
                                    };
                            task.setObject(1, UUID.randomUUID());
                            task.setObject(2, itemId);
                            task.setObject(3, id);
                            task.setObject(4, sides[0].equals(tpl.side()) ? provider : customer);
                            task.setObject(5, due);
                            task.setString(6, st);
                            task.setObject(7, utc(recorded));
                            task.setObject(8, utc(recorded));
                            task.addBatch();
                            out.tasks++;
                        }
                    }
                }
                if (s % 20 == 19 || s == systems - 1) {
                    sys.executeBatch();
                    region.executeBatch();
                    ass.executeBatch();
                    scope.executeBatch();
                    item.executeBatch();
                    hist.executeBatch();
                    task.executeBatch();
                    c.commit();
                }
            }
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

    private String verdict(double quality) {
        double r = random.nextDouble();
        if (r < 0.05) {
            return "NOT_APPLICABLE";
        }
        r = random.nextDouble();
        if (r < quality) {
            return "COMPLIANT";
        }
        return r < quality + (1 - quality) / 2 ? "PARTIALLY_COMPLIANT" : "NON_COMPLIANT";
    }
}
