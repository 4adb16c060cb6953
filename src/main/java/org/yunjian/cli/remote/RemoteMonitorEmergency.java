package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.json;
import static org.yunjian.cli.remote.RemoteCommands.minute;
import static org.yunjian.cli.remote.Table.column;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian monitors emergency …}: the emergency handling of a tampering or harmful-content alert
 * (政府网站云计算服务安全指南 7.3.7 b) 1), 8.5 d)) from the command line, as its page and REST API have it — the steps
 * recorded and those still open, and recording one (once; never changed).
 */
final class RemoteMonitorEmergency {

    private RemoteMonitorEmergency() {}

    /** {@code emergency --alert ID}: each step of the guide, recorded (when, to whom or how) or still open. */
    @Command(name = "emergency", mixinStandardHelpOptions = true, description = "cli.monitors.emergency.description")
    static class Steps extends RemoteMonitorHandling.OnAlert {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            JsonNode h = remote.server().get(base() + "/emergency");
            if (json) {
                json(out, h);
                return 0;
            }
            if (!h.path("applies").asBoolean()) {
                out.println(Texts.get("cli.monitors.emergency.none"));
                return 0;
            }
            List<JsonNode> rows = new ArrayList<>();
            h.path("done").valueStream().forEach(rows::add);
            h.path("open").valueStream().forEach(rows::add);
            new Table(List.of(
                            column("cli.monitors.column.step", "label"),
                            column(
                                    "cli.monitors.column.doneAt",
                                    r -> r.has("doneAt")
                                            ? minute(r.path("doneAt"))
                                            : Texts.get(
                                                    r.path("seriousOnly").asBoolean()
                                                            ? "cli.monitors.emergency.openSerious"
                                                            : "cli.monitors.emergency.open")),
                            column(
                                    "cli.monitors.column.stepNote",
                                    r -> r.path("planScenario").isString()
                                            ? r.path("planScenario").asString()
                                            : Table.text(r.path("note"))),
                            column("cli.monitors.column.code", "step")))
                    .print(rows, out);
            return 0;
        }
    }

    /**
     * {@code emergency-record --alert ID --step STEP [--note TEXT] [--done-at TIME] [--plan PLAN_ID]}: one step done;
     * the server refuses a step recorded already, naming it.
     */
    @Command(
            name = "emergency-record",
            mixinStandardHelpOptions = true,
            description = "cli.monitors.emergencyRecord.description")
    static class Record extends RemoteMonitorHandling.OnAlert {
        @Option(names = "--step", required = true, paramLabel = "STEP", descriptionKey = "cli.monitors.option.step")
        String step;

        @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "cli.monitors.option.stepNote")
        String note;

        @Option(names = "--done-at", paramLabel = "TIME", descriptionKey = "cli.monitors.option.doneAt")
        String doneAt;

        @Option(names = "--plan", paramLabel = "PLAN_ID", descriptionKey = "cli.monitors.option.plan")
        String plan;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("step", step);
            body.put("doneAt", doneAt);
            body.put("note", note);
            body.put("plan", plan);
            JsonNode r = remote.server().send("POST", base() + "/emergency", body, null);
            if (json) {
                json(out, r);
            } else {
                out.println(Texts.get(
                        "cli.monitors.emergency.recorded", r.path("label").asString(), minute(r.path("doneAt"))));
            }
            return 0;
        }
    }
}
