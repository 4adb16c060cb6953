package org.yunjian.bench;

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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The responsibility-matrix benchmark of issue 12 (docs/performance.md, "Responsibility matrices"): gives N cloud
 * systems of the demo customer the parties of the demo government portal (customer, provider, integrator as O&M
 * service provider, security service provider, hardware provider — copied with batched JDBC, as the dashboard
 * benchmark seeds systems), then builds each system's matrix <em>through the application's REST API</em>, exactly
 * as a customer and a provider would: generate it from the standard (all T/CCIA §6–§9 duties), decide the provider's
 * roles with the Annex A assistant, record four agreements, hand on three duties (one of them two levels deep),
 * check it and sign it off on both sides — so every stored document is written by the real service. Then it
 * measures, over HTTP and client-side as the demo customer, the matrix page and the REST matrix of random systems,
 * the REST rule check, and two references served by the same server in the same run (the login page, a static
 * stylesheet) so a reader can judge the machine.
 *
 * <p>Not a unit test and not part of {@code ./mvnw verify}; run by {@code bench/responsibility.sh}. Arguments:
 * {@code --url http://localhost:18080 --jdbc URL [--jdbc-user U --jdbc-password P] [--systems 200]
 * [--requests 300] [--warmup 60] [--out file.json]}.
 */
public final class ResponsibilityBenchmark {

    static final String PORTAL = "示例市人民政府门户网站";
    static final String CUSTOMER_USER = "customer";
    static final String PROVIDER_USER = "provider";
    static final String PASSWORD = "Yunjian-Demo-2026";
    static final String SECURITY_DUTY = "TCCIA004-8.2.3-b-3";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> args;
    private final Random random = new Random(20261124);

    private ResponsibilityBenchmark(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new ResponsibilityBenchmark(args).run();
    }

    private int intArg(String name, int dflt) {
        return Integer.parseInt(args.getOrDefault(name, Integer.toString(dflt)));
    }

    void run() throws Exception {
        int systems = intArg("systems", 200);
        String url = args.getOrDefault("url", "http://localhost:18080");
        long t = System.nanoTime();
        List<UUID> ids;
        try (Connection c = DriverManager.getConnection(
                args.get("jdbc"), args.getOrDefault("jdbc-user", "yunjian"), args.getOrDefault("jdbc-password", ""))) {
            ids = seedSystems(c, systems);
            if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "seeded %d systems with the demo portal's parties in %.1f s%n",
                systems,
                (System.nanoTime() - t) / 1e9);

        BenchSession customer = new BenchSession(url);
        customer.login(CUSTOMER_USER, PASSWORD);
        BenchSession provider = new BenchSession(url);
        provider.login(PROVIDER_USER, PASSWORD);
        t = System.nanoTime();
        Built built = new Built();
        for (int i = 0; i < ids.size(); i++) {
            build(customer, provider, ids.get(i), i, built);
            if (i % 50 == 49) {
                System.out.printf(Locale.ROOT, "  %d matrices built (%.1f s)%n", i + 1, (System.nanoTime() - t) / 1e9);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "built, checked and approved %d matrices through the REST API in %.1f s: %d rows "
                        + "each, %d assignments and %d hops in all, %d versions, %d write requests%n",
                ids.size(),
                (System.nanoTime() - t) / 1e9,
                built.rows / Math.max(1, ids.size()),
                built.assignments,
                built.hops,
                built.versions,
                built.writes);
        if (built.seenAsRows == 0) {
            throw new IllegalStateException("no matrix rows seen");
        }

        int requests = intArg("requests", 300);
        int warmup = intArg("warmup", 60);
        List<String> out = new ArrayList<>();
        PathFor page = i -> "/systems/" + ids.get(random.nextInt(ids.size())) + "/responsibility";
        // a check that the page is the matrix, not an error page or the empty state
        String sample = customer.get(page.path(0));
        if (!sample.contains(SECURITY_DUTY) || sample.length() < 50_000) {
            throw new IllegalStateException("the matrix page does not show the matrix (" + sample.length() + " chars)");
        }
        System.out.printf(
                Locale.ROOT,
                "matrix page: %d bytes of HTML; REST matrix: %d bytes of JSON%n",
                sample.getBytes(StandardCharsets.UTF_8).length,
                customer.get("/api/systems/" + ids.get(0) + "/responsibility").getBytes(StandardCharsets.UTF_8).length);
        out.add(report("GET /login (reference: page without data)", customer, requests, warmup, i -> "/login"));
        out.add(report("GET /css/app.css (reference: static file)", customer, requests, warmup, i -> "/css/app.css"));
        out.add(report("GET /systems/{id}/responsibility (page)", customer, requests, warmup, page));
        out.add(report(
                "GET /api/systems/{id}/responsibility",
                customer,
                requests,
                warmup,
                i -> "/api/systems/" + ids.get(random.nextInt(ids.size())) + "/responsibility"));
        out.add(report(
                "GET /api/systems/{id}/responsibility/check",
                customer,
                requests,
                warmup,
                i -> "/api/systems/" + ids.get(random.nextInt(ids.size())) + "/responsibility/check"));
        out.add(report("GET /systems/{id}/responsibility (page, provider)", provider, requests / 2, warmup / 2, page));
        String load = Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).strip()
                : "?";
        String json = "{\"systems\":" + systems + ",\"rowsPerMatrix\":" + built.rows / Math.max(1, ids.size())
                + ",\"loadavg\":\"" + load + "\",\"results\":[" + String.join(",", out) + "]}";
        System.out.println("load average at the end: " + load);
        if (args.containsKey("out")) {
            Files.writeString(Path.of(args.get("out")), json + "\n");
        }
    }

    // --- measuring

    interface PathFor {
        String path(int i);
    }

    private String report(String name, BenchSession http, int requests, int warmup, PathFor paths) throws Exception {
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

    // --- building the matrices through the REST API

    static final class Built {
        long rows;
        long assignments;
        long hops;
        long versions;
        long writes;
        long seenAsRows;
    }

    /**
     * One system's matrix as the demo's was made (DemoResponsibility), plus two more hand-ons: generate; the
     * provider's roles from the Annex A assistant (it also supplies its platform software); the contract and the
     * provider's agreements with its partners; the provider hands 8.2.3 b) 3) to the security service provider and
     * one infrastructure duty to the O&M service provider; the customer hands one of its duties to the provider and
     * records that the provider's O&M service provider does the work (two levels, the limit; only the customer edits
     * the chain of its own duty); check; both sign-offs.
     */
    private void build(BenchSession customer, BenchSession provider, UUID system, int n, Built built) throws Exception {
        String base = "/api/systems/" + system + "/responsibility";
        JsonNode m = customer.send("POST", base, "");
        UUID customerOrg = null;
        UUID providerOrg = null;
        Map<String, UUID> partners = new LinkedHashMap<>();
        for (JsonNode p : m.get("participants")) {
            UUID org = UUID.fromString(p.get("organisation").asText());
            for (JsonNode r : p.get("roles")) {
                switch (r.asText()) {
                    case "CUSTOMER" -> customerOrg = org;
                    case "PROVIDER" -> providerOrg = org;
                    case "PARTNER_OM_SERVICE", "PARTNER_SECURITY_SERVICE", "PARTNER_HARDWARE" ->
                        partners.put(r.asText(), org);
                    default -> {}
                }
            }
        }
        if (customerOrg == null || providerOrg == null || partners.size() != 3) {
            throw new IllegalStateException("unexpected participants of " + system + ": " + m.get("participants"));
        }
        customer.send(
                "PUT",
                base + "/participants/" + providerOrg + "/roles",
                "{\"behaviours\":[\"PROVIDE_CLOUD_SERVICE\","
                        + "\"SELECT_PLATFORM_SOFTWARE\",\"MANAGE_PLATFORM_OM\",\"CONTROL_UNDERLYING_HARDWARE\","
                        + "\"DECIDE_SECURITY_CAPABILITY\",\"PROVIDE_PLATFORM_SOFTWARE\"]}");
        String contract = "云服务合同 YJ-" + (1000 + n);
        agreement(customer, base, contract, customerOrg, providerOrg, "3.2", "7.3", "9.1");
        Map<String, String> names = Map.of(
                "PARTNER_OM_SERVICE", "运维服务协议", "PARTNER_SECURITY_SERVICE", "安全服务协议", "PARTNER_HARDWARE", "硬件供货与维保协议");
        for (var e : partners.entrySet()) {
            agreement(
                    customer,
                    base,
                    names.get(e.getKey()) + " " + (1000 + n),
                    providerOrg,
                    e.getValue(),
                    "2.1",
                    "4.2",
                    "6.3");
        }
        // the provider hands on its own work
        UUID om = partners.get("PARTNER_OM_SERVICE");
        hop(
                provider,
                base,
                SECURITY_DUTY,
                providerOrg,
                "PROVIDER",
                partners.get("PARTNER_SECURITY_SERVICE"),
                names.get("PARTNER_SECURITY_SERVICE") + " " + (1000 + n),
                "4.2");
        JsonNode current = customer.get(base, JsonNode.class);
        List<String> providerInfra = new ArrayList<>();
        List<String> customerDuties = new ArrayList<>();
        for (JsonNode row : current.get("rows")) {
            if (!row.get("applicable").asBoolean()) {
                continue;
            }
            for (JsonNode a : row.get("assignments")) {
                if (a.get("depth").asInt() != 0) {
                    continue;
                }
                UUID org = UUID.fromString(a.get("organisation").asText());
                if (org.equals(providerOrg)
                        && "PROVIDER".equals(a.get("role").asText())
                        && "INFRASTRUCTURE".equals(row.path("layer").asText())) {
                    providerInfra.add(row.get("duty").asText());
                }
                if (org.equals(customerOrg) && "CUSTOMER".equals(a.get("role").asText())) {
                    customerDuties.add(row.get("duty").asText());
                }
            }
        }
        hop(
                provider,
                base,
                providerInfra.get(random.nextInt(providerInfra.size())),
                providerOrg,
                "PROVIDER",
                om,
                names.get("PARTNER_OM_SERVICE") + " " + (1000 + n),
                "2.1");
        // the customer hands one of its duties to the provider, and records that the provider passes the work on
        // under its O&M agreement (two levels; only the customer edits its own duty's chain)
        String duty = customerDuties.get(random.nextInt(customerDuties.size()));
        hop(customer, base, duty, customerOrg, "CUSTOMER", providerOrg, contract, "7.3");
        hop(
                customer,
                base,
                duty,
                customerOrg,
                "CUSTOMER",
                om,
                names.get("PARTNER_OM_SERVICE") + " " + (1000 + n),
                "6.3");
        JsonNode check = customer.get(base + "/check", JsonNode.class);
        if (!check.get("approvable").asBoolean()) {
            throw new IllegalStateException("matrix of " + system + " not approvable: " + check.get("violations"));
        }
        customer.send("POST", base + "/sign-offs", "{\"side\":\"CUSTOMER\"}");
        JsonNode last = provider.send("POST", base + "/sign-offs", "{\"side\":\"PROVIDER\"}");
        if (!"APPROVED".equals(last.get("details").get("status").asText())) {
            throw new IllegalStateException("matrix of " + system + " not approved: " + last.get("details"));
        }
        built.writes += 12; // generate, roles, 4 agreements, 4 hops, 2 sign-offs
        built.versions += last.get("currentVersion").asInt();
        for (JsonNode row : last.get("rows")) {
            built.rows++;
            built.seenAsRows++;
            for (JsonNode a : row.get("assignments")) {
                built.assignments++;
                built.hops += a.get("chain").size();
            }
        }
    }

    private static void agreement(BenchSession http, String base, String name, UUID a, UUID b, String... clauses)
            throws Exception {
        http.send(
                "POST",
                base + "/agreements",
                JSON.writeValueAsString(Map.of(
                        "name", name, "partyA", a.toString(), "partyB", b.toString(), "clauses", List.of(clauses))));
    }

    private static void hop(
            BenchSession http,
            String base,
            String duty,
            UUID accountable,
            String role,
            UUID to,
            String agreement,
            String clause)
            throws Exception {
        http.send(
                "POST",
                base + "/rows/" + duty + "/hops",
                JSON.writeValueAsString(Map.of(
                        "organisation",
                        accountable.toString(),
                        "role",
                        role,
                        "to",
                        to.toString(),
                        "agreement",
                        agreement,
                        "clause",
                        clause)));
    }

    // --- seeding the systems (batched JDBC, copying the demo portal's parties)

    private static UUID one(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

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
     * N copies of the demo portal system (same customer, provider, service model, agents and engagements with
     * their participants), named 基准系统 001…; the demo's own matrix is seeded once the application has started, so
     * this waits for it.
     */
    List<UUID> seedSystems(Connection c, int systems) throws SQLException {
        c.setAutoCommit(false);
        UUID portal = null;
        for (int i = 0; i < 240; i++) {
            portal = one(
                    c,
                    "SELECT s.id FROM cloud_system s JOIN responsibility_matrix m ON m.system_id = s.id "
                            + "WHERE s.name = ?",
                    PORTAL);
            if (portal != null) {
                break;
            }
            c.commit();
            sleep(500);
        }
        if (portal == null) {
            throw new IllegalStateException(
                    "no demo portal with its matrix (start the application with the demo profile)");
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
                s.setString(2, String.format(Locale.ROOT, "基准系统 %03d", n + 1));
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
