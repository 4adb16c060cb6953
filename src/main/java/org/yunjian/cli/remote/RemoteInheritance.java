package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.label;
import static org.yunjian.cli.remote.Table.column;

import java.util.List;
import java.util.UUID;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian assessment sources ID} against the server ({@code GET /api/assessments/{id}/inheritance-sources}):
 * what the assessment can inherit from, each valid or expired, the same columns as offline; {@code --json} prints the
 * server's rows as they came.
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
}
