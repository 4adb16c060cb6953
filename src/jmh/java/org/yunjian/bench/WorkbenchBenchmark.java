package org.yunjian.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The workbench benchmark of issue 14: table-mode save of a whole 等保 L3 assessment (78 items) and the item list of a
 * 370-item assessment scoped to an imported catalog (NIST SP 800-53 rev5 HIGH, imported before the server starts
 * by bench/workbench.sh), both measured over HTTP as the demo assessor, client-side, sequential requests after a
 * warm-up; nearest-rank percentiles. Every measured save changes all 78 rows (two verdict sets alternate), so each
 * request stores 78 verdicts with their history entries and audit events — the worst case, not the no-op.
 * {@code --url http://localhost:18080 [--requests 200] [--warmup 40] [--out file.json]}.
 */
public final class WorkbenchBenchmark {

    static final String PASSWORD = "Yunjian-Demo-2026";
    static final String NIST = "CATALOG:NIST-SP-800-53-REV5-HIGH";
    static final int ROWS = 78;

    private final Map<String, String> args;

    WorkbenchBenchmark(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new WorkbenchBenchmark(args).run();
    }

    private int intArg(String name, int dflt) {
        return Integer.parseInt(args.getOrDefault(name, Integer.toString(dflt)));
    }

    void run() throws Exception {
        String url = args.getOrDefault("url", "http://localhost:18080");
        int requests = intArg("requests", 200);
        int warmup = intArg("warmup", 40);
        BenchSession assessor = new BenchSession(url);
        assessor.login("assessor", PASSWORD);
        // the demo assessment names the system and the assessor organisation engaged on it
        JsonNode demo = null;
        for (JsonNode a : assessor.get("/api/assessments", JsonNode.class)) {
            if ("THIRD_PARTY".equals(a.path("assessorKind").asText()) && demo == null) {
                demo = a;
            }
        }
        if (demo == null) {
            throw new IllegalStateException("the demo assessor sees no third-party assessment");
        }
        String system = demo.get("systemId").asText();
        String org = demo.get("assessorOrgId").asText();

        // 等保 L3 of the demo portal has 58 items; with the JR/T checklist beside it the table holds more than 78,
        // and the first 78 (one page of table mode) are saved
        String l3 = create(assessor, "表格模式基准 等保三级", system, org, "MLPS-L3\",\"JRT-SF");
        List<String> all = itemIds(assessor, l3);
        if (all.size() < ROWS) {
            throw new IllegalStateException("the table assessment has only " + all.size() + " items");
        }
        List<String> l3Items = all.subList(0, ROWS);
        String nist = create(assessor, "条目列表基准 NIST 800-53 HIGH", system, org, NIST);
        List<String> nistItems = itemIds(assessor, nist);
        System.out.printf(
                Locale.ROOT,
                "assessments: 等保 L3 + JR/T with %d items (%d saved per request), NIST HIGH with %d items%n",
                all.size(),
                l3Items.size(),
                nistItems.size());
        if (nistItems.size() < 300) {
            throw new IllegalStateException(
                    "the imported catalog's assessment has only " + nistItems.size() + " items");
        }
        // half of the NIST items recorded (through the batch API), so the list shows verdicts, risks and progress
        StringBuilder half = new StringBuilder("[");
        for (int k = 0; k < nistItems.size(); k += 2) {
            half.append(half.length() > 1 ? "," : "").append(row(nistItems.get(k), k, k % 4 == 0));
        }
        JsonNode r = assessor.send(
                "PUT",
                "/api/assessments/" + nist + "/verdicts",
                half.append("]").toString());
        System.out.printf(
                Locale.ROOT,
                "recorded %d of the NIST items in one batch%n",
                r.get("saved").asInt());

        String[] bodies = {batch(l3Items, false), batch(l3Items, true)};
        String[] forms = {form(l3Items.size(), false), form(l3Items.size(), true)};
        String sample = assessor.get("/assessments/" + nist);
        int rows = count(sample, "class=\"item-number\"");
        System.out.printf(
                Locale.ROOT,
                "item list page: %d bytes, %d rows%n",
                sample.getBytes(StandardCharsets.UTF_8).length,
                rows);

        List<String> out = new ArrayList<>();
        int[] turn = {0};
        out.add(measure("PUT /api/assessments/{id}/verdicts (78 rows, all changed)", requests, warmup, () -> {
            HttpResponse<String> res =
                    assessor.sendRaw("PUT", "/api/assessments/" + l3 + "/verdicts", bodies[turn[0]++ % 2]);
            if (res.statusCode() != 200 || !res.body().contains("\"saved\":" + l3Items.size())) {
                throw new IllegalStateException("batch answered " + res.statusCode() + ": " + res.body());
            }
        }));
        out.add(measure("POST /assessments/{id}/table (78 rows, all changed)", requests, warmup, () -> {
            int status = assessor.postForm("/assessments/" + l3 + "/table", forms[turn[0]++ % 2]);
            if (status != 302) {
                throw new IllegalStateException("table save answered " + status + " (a refused row?)");
            }
        }));
        out.add(measure(
                "GET /assessments/{id}/table (first 100 of 240 rows)",
                requests,
                warmup,
                () -> assessor.get("/assessments/" + l3 + "/table")));
        out.add(measure(
                "GET /assessments/{id} (370 items, first 100 listed)",
                requests,
                warmup,
                () -> assessor.get("/assessments/" + nist)));
        out.add(measure(
                "GET /assessments/{id}?verdict=NONE&q=account (filtered)",
                requests,
                warmup,
                () -> assessor.get("/assessments/" + nist + "?verdict=NONE&q=account")));
        out.add(measure(
                "GET /assessment-items/{id} (of 370, with previous / next)",
                requests,
                warmup,
                () -> assessor.get("/assessment-items/" + nistItems.get(nistItems.size() / 2))));
        out.add(measure("GET /my-work (reference)", requests / 2, warmup / 2, () -> assessor.get("/my-work")));
        String load = Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).strip()
                : "?";
        System.out.println("load average at the end: " + load);
        if (args.containsKey("out")) {
            Files.writeString(
                    Path.of(args.get("out")),
                    "{\"l3Items\":" + l3Items.size() + ",\"nistItems\":" + nistItems.size() + ",\"loadavg\":\"" + load
                            + "\",\"results\":[" + String.join(",", out) + "]}\n");
        }
    }

    private static String create(BenchSession s, String name, String system, String org, String scope)
            throws Exception {
        JsonNode a = s.send("POST", "/api/assessments", """
                {"name":"%s","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY","scope":["%s"]}""".formatted(name, system, org, scope));
        String id = a.get("id").asText();
        s.send("POST", "/api/assessments/" + id + "/transitions", "{\"to\":\"IN_PROGRESS\"}");
        return id;
    }

    private static List<String> itemIds(BenchSession s, String id) throws Exception {
        List<String> out = new ArrayList<>();
        s.get("/api/assessments/" + id + "/items", JsonNode.class)
                .forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    /** Set A: every third item 不符合 (medium risk), the rest 符合; set B: every third 不适用, the rest 符合. */
    private static String row(String item, int k, boolean b) {
        if (k % 3 == 0) {
            return b
                    ? "{\"itemId\":\"%s\",\"verdict\":\"NOT_APPLICABLE\",\"reason\":\"本系统不涉及 %d\"}".formatted(item, k)
                    : "{\"itemId\":\"%s\",\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"MEDIUM\",\"riskReason\":\"未落实 %d\"}"
                            .formatted(item, k);
        }
        return "{\"itemId\":\"%s\",\"verdict\":\"COMPLIANT\",\"reason\":\"现场核查 %s\"}".formatted(item, b ? "B" : "A");
    }

    private static String batch(List<String> items, boolean b) {
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            rows.add(row(items.get(k), k, b));
        }
        return "[" + String.join(",", rows) + "]";
    }

    /** The same two sets as the table form sends them (row numbers 1..n). */
    private static String form(int n, boolean b) {
        StringBuilder f = new StringBuilder();
        for (int k = 0; k < n; k++) {
            int num = k + 1;
            f.append(f.isEmpty() ? "" : "&").append("row=").append(num);
            if (k % 3 == 0 && b) {
                f.append("&verdict-")
                        .append(num)
                        .append("=NOT_APPLICABLE&risk-")
                        .append(num)
                        .append("=&reason-")
                        .append(num)
                        .append('=')
                        .append(BenchSession.enc("表格 不涉及 " + k))
                        .append("&riskReason-")
                        .append(num)
                        .append('=');
            } else if (k % 3 == 0) {
                f.append("&verdict-")
                        .append(num)
                        .append("=NON_COMPLIANT&risk-")
                        .append(num)
                        .append("=HIGH&reason-")
                        .append(num)
                        .append("=&riskReason-")
                        .append(num)
                        .append('=')
                        .append(BenchSession.enc("表格 未落实 " + k));
            } else {
                f.append("&verdict-")
                        .append(num)
                        .append("=COMPLIANT&risk-")
                        .append(num)
                        .append("=&reason-")
                        .append(num)
                        .append('=')
                        .append(BenchSession.enc("表格核查 " + (b ? "B" : "A")))
                        .append("&riskReason-")
                        .append(num)
                        .append('=');
            }
        }
        return f.toString();
    }

    interface Call {
        void run() throws Exception;
    }

    private static String measure(String name, int requests, int warmup, Call call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double p50 = DashboardBenchmark.percentile(ms, 50);
        double p95 = DashboardBenchmark.percentile(ms, 95);
        double p99 = DashboardBenchmark.percentile(ms, 99);
        System.out.printf(
                Locale.ROOT,
                "%-60s n=%d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
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

    private static int count(String html, String marker) {
        int n = 0;
        for (int i = html.indexOf(marker); i >= 0; i = html.indexOf(marker, i + 1)) {
            n++;
        }
        return n;
    }
}
