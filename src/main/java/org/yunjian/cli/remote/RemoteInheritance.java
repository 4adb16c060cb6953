package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.label;
import static org.yunjian.cli.remote.Table.column;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.cli.remote.RemoteCommands.Acting;
import org.yunjian.shared.Texts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian assessment sources | inherit | withdraw-inheritance} against the server: what the assessment can
 * inherit from ({@code GET /api/assessments/{id}/inheritance-sources}, the same columns as offline, {@code --json}
 * the server's rows), and the assessor's inheritance decisions with the offline command's options: {@code --item}
 * (requirement number or item ID) for one item, {@code --all} (the explicit confirmation) for every cloud-platform
 * item. Each names the version it has just read (a change since is a 409, never decided over unseen).
 */
final class RemoteInheritance {

    private RemoteInheritance() {}

    @Command(name = "sources", mixinStandardHelpOptions = true, description = "cli.assessment.sources.description")
    static class Sources extends RemoteCommands.Listing {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Override
        String path() {
            return "/api/assessments/" + id + "/inheritance-sources";
        }

        @Override
        String emptyKey() {
            return "assessment.inherit.sources.empty";
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.remote.column.id", "id"),
                    column("cli.remote.column.kind", r -> label("enum.SourceKind.", r.path("kind"))),
                    column("cli.remote.column.source", "label"),
                    column("cli.remote.column.verdict", r -> label("enum.Verdict.", r.path("verdict"))),
                    column(
                            "cli.remote.column.validity",
                            r -> Texts.get(
                                    r.path("fresh").asBoolean()
                                            ? "assessment.inherit.fresh"
                                            : "assessment.inherit.stale"))));
        }
    }

    /** Exactly one of: one item, or every cloud-platform item (the explicit {@code --all} is the confirmation). */
    static class Target {
        @Option(
                names = "--item",
                required = true,
                paramLabel = "ITEM_ID",
                descriptionKey = "cli.assessment.option.item")
        String item;

        @Option(names = "--all", required = true, descriptionKey = "cli.assessment.option.all")
        boolean all;
    }

    /** An item's ID and the version a decision names. */
    record Item(String id, long version) {}

    /** The item: by its ID ({@code GET /api/assessment-items/{id}}), else the assessment's item with that number. */
    static Item item(Server server, UUID assessment, String item) {
        try {
            UUID id = UUID.fromString(item);
            return new Item(
                    id.toString(),
                    server.get("/api/assessment-items/" + id)
                            .path("item")
                            .path("version")
                            .asLong());
        } catch (IllegalArgumentException notAnId) {
            return server.all("/api/assessments/" + assessment + "/items").stream()
                    .filter(i -> i.path("requirementId").asString().equalsIgnoreCase(item))
                    .sorted((a, b) ->
                            a.path("side").asString().compareTo(b.path("side").asString()))
                    .map(i ->
                            new Item(i.path("id").asString(), i.path("version").asLong()))
                    .findFirst()
                    .orElseThrow(() -> Server.input("cli.actAs.invalid", "--item", item));
        }
    }

    @Command(name = "inherit", mixinStandardHelpOptions = true, description = "cli.assessment.inherit.description")
    static class Inherit extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(names = "--source", required = true, descriptionKey = "cli.assessment.option.source")
        UUID source;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            if (target.all) {
                long version =
                        server.get("/api/assessments/" + id).path("version").asLong();
                JsonNode r = server.send(
                        "POST",
                        "/api/assessments/" + id + "/inheritance",
                        Map.of("source", source, "confirm", true),
                        version);
                out.println(Texts.get(
                        "assessment.inherit.bulkDone",
                        r.path("inherited").asInt(),
                        r.path("skipped").size()));
                return 0;
            }
            Item item = item(server, id, target.item);
            JsonNode i = server.send(
                    "PUT",
                    "/api/assessment-items/" + item.id() + "/inheritance",
                    Map.of("source", source),
                    item.version());
            out.println(Texts.get(
                    "cli.assessment.inherited",
                    i.path("requirementId").asString(),
                    label("enum.ItemSide.", i.path("side")),
                    label("enum.Verdict.", i.path("verdict")),
                    Table.text(i.path("inherited").path("source").path("label"))));
            return 0;
        }
    }

    @Command(
            name = "withdraw-inheritance",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.withdraw-inheritance.description")
    static class Withdraw extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            if (target.all) {
                long version =
                        server.get("/api/assessments/" + id).path("version").asLong();
                JsonNode r = server.send("DELETE", "/api/assessments/" + id + "/inheritance", null, version);
                out.println(Texts.get(
                        "assessment.inherit.withdrawnAll", r.path("withdrawn").asInt()));
                return 0;
            }
            Item item = item(server, id, target.item);
            JsonNode i =
                    server.send("DELETE", "/api/assessment-items/" + item.id() + "/inheritance", null, item.version());
            out.println(Texts.get(
                    "cli.assessment.withdrawn",
                    i.path("requirementId").asString(),
                    label("enum.ItemSide.", i.path("side")),
                    i.path("verdict").isNull() || i.path("verdict").isMissingNode()
                            ? Texts.get("report.verdict.none")
                            : label("enum.Verdict.", i.path("verdict"))));
            return 0;
        }
    }
}
