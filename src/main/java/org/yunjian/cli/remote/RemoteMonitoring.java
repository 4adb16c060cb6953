package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.json;
import static org.yunjian.cli.remote.RemoteCommands.minute;
import static org.yunjian.cli.remote.RemoteCommands.query;
import static org.yunjian.cli.remote.RemoteCommands.withQuery;
import static org.yunjian.cli.remote.Table.column;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.cli.remote.RemoteCommands.Acting;
import org.yunjian.cli.remote.RemoteCommands.Group;
import org.yunjian.cli.remote.RemoteCommands.Listing;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian monitors …} against the server: a system's website monitors, adding one, probing now, approving the
 * baseline and a monitor's alerts ({@link RemoteMonitorHandling}: pausing, probes, handling alerts, word lists) — lines on stdout, or {@code --json} with the server's answer.
 */
final class RemoteMonitoring {

    private RemoteMonitoring() {}

    @Command(
            name = "monitors",
            mixinStandardHelpOptions = true,
            description = "cli.monitors.description",
            subcommands = {
                ListMonitors.class,
                AddMonitor.class,
                RemoteMonitorSettings.EditMonitor.class,
                RunMonitor.class,
                ApproveBaseline.class,
                Alerts.class,
                RemoteMonitorHandling.Pause.class,
                RemoteMonitorHandling.Resume.class,
                RemoteMonitorHandling.Probes.class,
                RemoteMonitorHandling.Verify.class,
                RemoteMonitorHandling.Acknowledge.class,
                RemoteMonitorHandling.Close.class,
                RemoteMonitorEmergency.Steps.class,
                RemoteMonitorEmergency.Record.class,
                RemoteMonitorSettings.Incident.class,
                RemoteMonitorHandling.Words.class,
                RemoteMonitorHandling.WordsImport.class,
                RemoteMonitorReports.Reports.class,
                RemoteMonitorReports.IssueReport.class
            })
    static class Monitors extends Group {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "cli.monitors.list.description")
    static class ListMonitors extends Listing {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.monitors.option.system")
        UUID systemId;

        @Override
        String path() {
            return "/api/systems/" + systemId + "/monitors";
        }

        @Override
        String emptyKey() {
            return "cli.monitors.none";
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.monitors.column.name", "name"),
                    column("cli.monitors.column.url", "url"),
                    column("cli.monitors.column.state", "stateLabel"),
                    column("cli.monitors.column.lastRun", r -> minute(r.path("lastRunAt"))),
                    column("cli.monitors.column.id", "id")));
        }
    }

    /** {@code add --system ID --name … --url … [settings]}: a new monitor of the system. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "cli.monitors.add.description")
    static class AddMonitor extends RemoteMonitorSettings.SettingOptions {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.monitors.option.system")
        UUID systemId;

        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "cli.monitors.option.name")
        String name;

        @Option(names = "--url", required = true, paramLabel = "URL", descriptionKey = "cli.monitors.option.url")
        String url;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("url", url);
            JsonNode m = remote.server().send("POST", "/api/systems/" + systemId + "/monitors", apply(body));
            return done(out, m, "cli.monitors.added");
        }
    }

    /** A command on one monitor ({@code --monitor ID}). */
    abstract static class OnMonitor extends Acting {
        @Option(
                names = "--monitor",
                required = true,
                paramLabel = "MONITOR_ID",
                descriptionKey = "cli.monitors.option.monitor")
        UUID monitorId;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        String base() {
            return "/api/monitors/" + monitorId;
        }
    }

    /** {@code run --monitor ID}: probes now; exit 3 when the probe failed or opened an alert (for scripts). */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "cli.monitors.run.description")
    static class RunMonitor extends OnMonitor {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            JsonNode p = remote.server().send("POST", base() + "/run", null);
            if (json) {
                json(out, p);
            } else {
                out.println(Texts.get(
                        "cli.monitors.ran",
                        p.path("outcomeLabel").asString(),
                        Table.text(p.path("httpStatus")),
                        p.path("durationMs").asLong(),
                        p.path("bodySm3").asString("—")));
                for (JsonNode a : p.path("alertsOpened")) {
                    out.println(alertLine(a));
                }
            }
            return "OK".equals(p.path("outcome").asString())
                            && p.path("alertsOpened").isEmpty()
                    ? 0
                    : 3;
        }
    }

    /** {@code baseline --monitor ID}: the customer approves the page's current content as the baseline. */
    @Command(name = "baseline", mixinStandardHelpOptions = true, description = "cli.monitors.baseline.description")
    static class ApproveBaseline extends OnMonitor {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            JsonNode b = remote.server().send("POST", base() + "/baseline", null);
            if (json) {
                json(out, b);
            } else {
                out.println(Texts.get(
                        "cli.monitors.baselined",
                        b.path("textSm3").asString(),
                        b.path("resources").asInt()));
            }
            return 0;
        }
    }

    /** A listing of one monitor's records ({@code --monitor ID}). */
    abstract static class MonitorListing extends Listing {
        @Option(
                names = "--monitor",
                required = true,
                paramLabel = "MONITOR_ID",
                descriptionKey = "cli.monitors.option.monitor")
        UUID monitorId;
    }

    /** {@code alerts --monitor ID [--open]}: the monitor's alerts, newest first; exit 3 when any is open. */
    @Command(name = "alerts", mixinStandardHelpOptions = true, description = "cli.monitors.alerts.description")
    static class Alerts extends MonitorListing {
        @Option(names = "--open", descriptionKey = "cli.monitors.option.open")
        boolean open;

        @Override
        String path() {
            return withQuery("/api/monitors/" + monitorId + "/alerts", query("open", open ? "true" : null));
        }

        @Override
        String emptyKey() {
            return "cli.monitors.noAlerts";
        }

        @Override
        int status(List<JsonNode> rows) {
            return rows.stream().anyMatch(r -> !"CLOSED".equals(r.path("status").asString())) ? 3 : 0;
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.monitors.column.openedAt", r -> minute(r.path("openedAt"))),
                    column("cli.monitors.column.kind", "kindLabel"),
                    column("cli.monitors.column.status", "statusLabel"),
                    column("cli.monitors.column.finding", "message"),
                    column("cli.monitors.column.id", "id")));
        }
    }

    static String alertLine(JsonNode a) {
        return Texts.get(
                "cli.monitors.alertLine",
                a.path("kindLabel").asString(),
                a.path("message").asString(),
                a.path("id").asString());
    }
}
