package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.day;
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
 * {@code yunjian lifecycle …} against the server: the recurring obligations (due, or overdue with exit 3), the plan
 * with a duty's status and its acceptance, the emergency plans and drills, the operation supervision — the offline
 * command's lines, or {@code --json} with the server's answer.
 */
final class RemoteLifecycle {

    private RemoteLifecycle() {}

    @Command(
            name = "lifecycle",
            mixinStandardHelpOptions = true,
            description = "cli.lifecycle.root.description",
            subcommands = {
                Obligations.class,
                ShowPlan.class,
                SetStatus.class,
                AcceptDuty.class,
                ShowDrills.class,
                ShowSupervision.class
            })
    static class Lifecycle extends Group {}

    @Command(
            name = "obligations",
            mixinStandardHelpOptions = true,
            description = "cli.lifecycle.obligations.description")
    static class Obligations extends Listing {
        @Option(names = "--overdue", descriptionKey = "cli.lifecycle.obligations.option.overdue")
        boolean overdue;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.obligations.option.from")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.obligations.option.to")
        String to;

        @Override
        String path() {
            return withQuery(
                    "/api/lifecycle/obligations",
                    query("overdue", overdue ? "true" : null) + query("from", from) + query("to", to));
        }

        @Override
        String emptyKey() {
            return overdue ? "cli.lifecycle.obligations.noneOverdue" : "cli.lifecycle.obligations.noneDue";
        }

        @Override
        int status(List<tools.jackson.databind.JsonNode> rows) {
            return overdue && !rows.isEmpty() ? 3 : 0;
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.remote.column.system", "systemName"),
                    column("cli.remote.column.obligation", "kindLabel"),
                    column("cli.remote.column.due", "nextDue"),
                    column("cli.remote.column.status", "statusLabel"),
                    column("cli.remote.column.responsible", "responsibleOrganization")));
        }
    }

    /** A command on one system's lifecycle ({@code --system ID}, as offline). */
    abstract static class OnSystem extends Acting {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.lifecycle.option.system")
        UUID systemId;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        String base() {
            return "/api/systems/" + systemId + "/lifecycle";
        }
    }

    /** {@code show-plan --system ID}: the phases with their progress and the duties the caller sees. */
    @Command(name = "show-plan", mixinStandardHelpOptions = true, description = "cli.lifecycle.show-plan.description")
    static class ShowPlan extends OnSystem {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            JsonNode plan;
            try {
                plan = server.get(base());
            } catch (Server.Failure f) {
                if (f.http() != 404 || json) {
                    throw f;
                }
                // no plan yet, or no such system: the system's own answer decides which
                out.println(Texts.get(
                        "cli.lifecycle.plan.none",
                        server.get("/api/systems/" + systemId).path("name").asString()));
                return 0;
            }
            if (json) {
                json(out, plan);
                return 0;
            }
            out.println(Texts.get(
                    "cli.lifecycle.plan.head",
                    server.get("/api/systems/" + systemId).path("name").asString(),
                    Texts.get("lifecycle.guide." + plan.path("standard").asString())));
            for (JsonNode s : plan.path("stages")) {
                String name = Texts.get(
                        "lifecycle.phase.term",
                        Table.text(s.path("term")),
                        s.path("phase").path("label").asString());
                out.println(
                        s.path("closed").asBoolean()
                                ? Texts.get("cli.lifecycle.plan.stageClosed", name, minute(s.path("closedAt")))
                                : Texts.get(
                                        "cli.lifecycle.plan.stageOpen",
                                        name,
                                        s.path("progress").asInt()));
                String phase = s.path("phase").path("code").asString();
                for (JsonNode d : plan.path("duties")) {
                    if (phase.equals(d.path("phase").path("code").asString(null))) {
                        out.println(line(d));
                    }
                }
            }
            List<JsonNode> throughout = RemoteCommands.rows(plan.path("duties")).stream()
                    .filter(d -> d.path("phase").isNull())
                    .toList();
            if (!throughout.isEmpty()) {
                out.println(Texts.get("cli.lifecycle.plan.throughout"));
                throughout.forEach(d -> out.println(line(d)));
            }
            return 0;
        }

        static String line(JsonNode d) {
            return Texts.get(
                    "cli.lifecycle.plan.duty",
                    d.path("id").asString(),
                    d.path("clause").asString(),
                    d.path("organisationName").asString(),
                    d.path("status").path("label").asString(),
                    d.path("dueDate").isNull() ? Texts.get("cli.lifecycle.plan.noDue") : day(d.path("dueDate")),
                    Texts.get(
                            d.path("settled").asBoolean()
                                    ? "cli.lifecycle.plan.accepted"
                                    : "cli.lifecycle.plan.notAccepted"));
        }
    }

    /** {@code set-status --system ID --duty ID --status S [--reason TEXT]}: names the duty's version just read. */
    @Command(name = "set-status", mixinStandardHelpOptions = true, description = "cli.lifecycle.set-status.description")
    static class SetStatus extends OnSystem {
        @Option(names = "--duty", required = true, paramLabel = "DUTY_ID", descriptionKey = "cli.lifecycle.option.duty")
        UUID duty;

        @Option(
                names = "--status",
                required = true,
                paramLabel = "STATUS",
                descriptionKey = "cli.lifecycle.option.dutyStatus")
        String status;

        @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.option.reason")
        String reason;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            String path = base() + "/duties/" + duty;
            long version = server.get(path).path("duty").path("version").asLong();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("reason", reason);
            body.put("version", version);
            JsonNode d = server.send("PUT", path + "/status", body).path("duty");
            out.println(Texts.get(
                    "cli.lifecycle.plan.statusSet",
                    d.path("clause").asString(),
                    d.path("status").path("label").asString()));
            return 0;
        }
    }

    /** {@code accept-duty --system ID --duty ID}: the customer accepts a finished duty (its version just read). */
    @Command(
            name = "accept-duty",
            mixinStandardHelpOptions = true,
            description = "cli.lifecycle.accept-duty.description")
    static class AcceptDuty extends OnSystem {
        @Option(names = "--duty", required = true, paramLabel = "DUTY_ID", descriptionKey = "cli.lifecycle.option.duty")
        UUID duty;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            String path = base() + "/duties/" + duty;
            long version = server.get(path).path("duty").path("version").asLong();
            JsonNode d =
                    server.send("POST", path + "/acceptance", null, version).path("duty");
            out.println(Texts.get(
                    "cli.lifecycle.plan.acceptedDuty", d.path("clause").asString()));
            return 0;
        }
    }

    @Command(
            name = "show-drills",
            mixinStandardHelpOptions = true,
            description = "cli.lifecycle.show-drills.description")
    static class ShowDrills extends OnSystem {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            JsonNode v = remote.server().get(base() + "/drills");
            if (json) {
                json(out, v);
                return 0;
            }
            out.println(Texts.get(
                    "lifecycle.ops.cli.drills.head", v.path("systemName").asString()));
            if (v.path("plans").isEmpty()) {
                out.println(Texts.get("lifecycle.ops.plans.empty"));
            }
            for (JsonNode p : v.path("plans")) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.plan",
                        p.path("scenario").asString(),
                        Table.text(p.path("responsibleName")),
                        p.path("lastReviewed").isNull()
                                ? Texts.get("lifecycle.ops.never")
                                : day(p.path("lastReviewed")),
                        p.path("id").asString()));
            }
            if (v.path("drills").isEmpty()) {
                out.println(Texts.get("lifecycle.ops.drills.empty"));
            }
            for (JsonNode d : v.path("drills")) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.drill",
                        day(d.path("heldOn")),
                        d.path("scenario").asString(),
                        Table.text(d.path("participants"))));
                for (JsonNode t : d.path("tasks")) {
                    out.println(Texts.get(
                            "lifecycle.ops.cli.task",
                            t.path("description").asString(),
                            Table.text(t.path("ownerName")),
                            day(t.path("dueOn")),
                            t.path("statusLabel").asString()
                                    + (t.path("overdue").asBoolean()
                                            ? Texts.get("lifecycle.ops.task.overdueMark")
                                            : "")));
                }
            }
            return 0;
        }
    }

    @Command(
            name = "show-supervision",
            mixinStandardHelpOptions = true,
            description = "cli.lifecycle.show-supervision.description")
    static class ShowSupervision extends OnSystem {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            JsonNode v = remote.server().get(base() + "/supervision");
            if (json) {
                json(out, v);
                return 0;
            }
            out.println(Texts.get(
                    "lifecycle.ops.cli.supervision.head", v.path("systemName").asString()));
            for (JsonNode r : v.path("reports")) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.report",
                        r.path("kindLabel").asString(),
                        day(r.path("periodStart")),
                        day(r.path("periodEnd")),
                        day(r.path("receivedOn")),
                        r.path("reviewed").asBoolean()
                                ? Table.text(r.path("conclusionLabel"))
                                : Texts.get("lifecycle.ops.report.notReviewed")));
            }
            for (JsonNode i : v.path("incidents")) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.incident",
                        minute(i.path("occurredAt")),
                        i.path("number").asString(),
                        i.path("title").asString()));
            }
            for (JsonNode c : v.path("changes")) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.change",
                        c.path("title").asString(),
                        c.path("riskLabel").asString(),
                        c.path("statusLabel").asString(),
                        Table.text(c.path("requestedOrgName")),
                        c.path("id").asString()));
            }
            if (v.path("reports").isEmpty()
                    && v.path("changes").isEmpty()
                    && v.path("incidents").isEmpty()) {
                out.println(Texts.get("lifecycle.ops.cli.supervision.empty"));
            }
            return 0;
        }
    }
}
