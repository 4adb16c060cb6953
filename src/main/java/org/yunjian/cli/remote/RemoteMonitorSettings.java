package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.json;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.yunjian.cli.remote.RemoteCommands.Acting;
import org.yunjian.cli.remote.RemoteMonitorHandling.OnAlert;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian monitors …} that set what a monitor checks — the settings {@code add} and {@code edit} take (interval,
 * keyword, failures in a row, the latency threshold, and for 域名及IP合规性 the domain, the approved addresses and
 * regions, the days before an expiry to warn) — and {@code incident}, a supervision incident from an alert. An edit
 * sends the monitor as read with the options given changed, naming the version it read.
 */
final class RemoteMonitorSettings {

    private RemoteMonitorSettings() {}

    /** The settings options; a list option given replaces the list (given empty: {@code --approved-address ""}). */
    abstract static class SettingOptions extends Acting {
        @Option(names = "--interval", paramLabel = "SECONDS", descriptionKey = "cli.monitors.option.interval")
        Integer interval;

        @Option(names = "--keyword", paramLabel = "TEXT", descriptionKey = "cli.monitors.option.keyword")
        String keyword;

        @Option(names = "--failures", paramLabel = "N", descriptionKey = "cli.monitors.option.failures")
        Integer failures;

        @Option(names = "--slow-above-ms", paramLabel = "MS|off", descriptionKey = "cli.monitors.option.slowAbove")
        String slowAbove;

        @Option(names = "--domain", paramLabel = "NAME", descriptionKey = "cli.monitors.option.domain")
        String domain;

        @Option(
                names = "--approved-address",
                paramLabel = "CIDR",
                descriptionKey = "cli.monitors.option.approvedAddress")
        List<String> approvedAddresses;

        @Option(names = "--region", paramLabel = "NAME:CIDR,…", descriptionKey = "cli.monitors.option.region")
        List<String> regions;

        @Option(
                names = "--expiry-warning-days",
                paramLabel = "DAYS",
                descriptionKey = "cli.monitors.option.warningDays")
        Integer warningDays;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        /** {@code body} with the options given set (the others left as they are). */
        Map<String, Object> apply(Map<String, Object> body) {
            put(body, "intervalSeconds", interval);
            put(body, "keyword", keyword);
            put(body, "failuresBeforeAlert", failures);
            if (slowAbove != null) {
                String s = slowAbove.strip().toLowerCase(Locale.ROOT);
                body.put("slowAboveMillis", s.equals("off") || s.isEmpty() ? null : number(s));
            }
            put(body, "domainName", domain);
            if (approvedAddresses != null) {
                body.put("approvedAddresses", nonBlank(approvedAddresses));
            }
            if (regions != null) {
                body.put(
                        "approvedRegions",
                        nonBlank(regions).stream()
                                .map(RemoteMonitorSettings::region)
                                .toList());
            }
            put(body, "expiryWarningDays", warningDays);
            return body;
        }

        int done(PrintWriter out, JsonNode m, String key) {
            if (json) {
                json(out, m);
            } else {
                out.println(
                        Texts.get(key, m.path("name").asString(), m.path("id").asString()));
            }
            return 0;
        }

        private static void put(Map<String, Object> body, String field, Object value) {
            if (value != null) {
                body.put(field, value);
            }
        }

        /** A number as typed; what is not one goes to the server as it is, which names the field refusing it. */
        private static Object number(String s) {
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                return s;
            }
        }
    }

    /** {@code edit --monitor ID [settings]}: the monitor as read, with the options given changed. */
    @Command(name = "edit", mixinStandardHelpOptions = true, description = "cli.monitors.edit.description")
    static class EditMonitor extends SettingOptions {
        @Option(
                names = "--monitor",
                required = true,
                paramLabel = "MONITOR_ID",
                descriptionKey = "cli.monitors.option.monitor")
        UUID monitorId;

        @Option(names = "--name", paramLabel = "NAME", descriptionKey = "cli.monitors.option.name")
        String name;

        @Option(names = "--url", paramLabel = "URL", descriptionKey = "cli.monitors.option.url")
        String url;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            String path = "/api/monitors/" + monitorId;
            JsonNode read = remote.server().get(path);
            Map<String, Object> body = asRead(read);
            if (name != null) {
                body.put("name", name);
            }
            if (url != null) {
                body.put("url", url);
            }
            JsonNode m = remote.server()
                    .send("PUT", path, apply(body), read.path("version").asLong());
            return done(out, m, "cli.monitors.edited");
        }

        /** The settings of the monitor as the server answered them, as a request sends them back. */
        static Map<String, Object> asRead(JsonNode m) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String f : List.of("name", "url", "method", "keyword", "domainName")) {
                body.put(
                        f,
                        m.path(f).isNull() || m.path(f).isMissingNode()
                                ? null
                                : m.path(f).asString());
            }
            for (String f : List.of(
                    "expectedStatus",
                    "intervalSeconds",
                    "timeoutSeconds",
                    "crawlDepth",
                    "failuresBeforeAlert",
                    "expiryWarningDays",
                    "slowAboveMillis")) {
                body.put(f, m.path(f).isNumber() ? m.path(f).asInt() : null);
            }
            for (String f : List.of("dynamicRegions", "allowedHosts", "approvedAddresses")) {
                body.put(f, m.path(f).valueStream().map(JsonNode::asString).toList());
            }
            body.put(
                    "approvedRegions",
                    m.path("approvedRegions")
                            .valueStream()
                            .map(r -> Map.of(
                                    "name", r.path("name").asString(),
                                    "ranges",
                                            r.path("ranges")
                                                    .valueStream()
                                                    .map(JsonNode::asString)
                                                    .toList()))
                            .toList());
            return body;
        }
    }

    /**
     * {@code incident --alert ID --duty B.14 [--title …] [--description …] [--occurred-at …] [--reference …]}: a
     * supervision incident of T/CCIA 004-2024 Annex B from a tampering or availability alert; what is left out is
     * drafted from the alert.
     */
    @Command(name = "incident", mixinStandardHelpOptions = true, description = "cli.monitors.incident.description")
    static class Incident extends OnAlert {
        @Option(names = "--duty", required = true, paramLabel = "B.N", descriptionKey = "cli.monitors.option.duty")
        String duty;

        @Option(names = "--title", paramLabel = "TEXT", descriptionKey = "cli.monitors.option.title")
        String title;

        @Option(names = "--description", paramLabel = "TEXT", descriptionKey = "cli.monitors.option.description")
        String description;

        @Option(
                names = "--occurred-at",
                paramLabel = "yyyy-MM-ddTHH:mm",
                descriptionKey = "cli.monitors.option.occurredAt")
        String occurredAt;

        @Option(names = "--reference", paramLabel = "TEXT", descriptionKey = "cli.monitors.option.reference")
        String reference;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("incident", incidentId(duty));
            body.put("title", title);
            body.put("description", description);
            body.put("occurredAt", occurredAt);
            body.put("reference", reference);
            JsonNode r = remote.server().send("POST", base() + "/incident", body);
            if (json) {
                json(out, r);
            } else {
                out.println(Texts.get(
                        "cli.monitors.incidentRecorded",
                        r.path("number").asString(),
                        r.path("title").asString(),
                        r.path("link").asString()));
            }
            return 0;
        }

        /** {@code B.14}, {@code B-14} or {@code 14} as the catalog names it ({@code TCCIA004-B-14}); else as given. */
        static String incidentId(String duty) {
            String d = duty.strip();
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("(?i)(?:B[.-]?)?(\\d{1,2})").matcher(d);
            return m.matches() ? "TCCIA004-B-" + m.group(1) : d;
        }
    }

    /** {@code name: range, range} as the server takes a region: its name and ranges. */
    static Map<String, Object> region(String line) {
        int colon = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('：');
        String name = colon < 0 ? line.strip() : line.substring(0, colon).strip();
        List<String> ranges = new ArrayList<>();
        if (colon >= 0) {
            for (String r : line.substring(colon + 1).split("[,\\uFF0C\\s]+")) {
                if (!r.isBlank()) {
                    ranges.add(r.strip());
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("ranges", ranges);
        return out;
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .toList();
    }
}
