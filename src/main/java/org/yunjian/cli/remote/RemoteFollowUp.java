package org.yunjian.cli.remote;

import java.io.PrintWriter;
import java.util.UUID;
import org.yunjian.cli.remote.RemoteCommands.Acting;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian assessment follow-up ID [--json]} against the server: the follow-up (re-test) assessment of a
 * completed assessment's open findings ({@code POST /api/assessments/{id}/follow-ups}); the offline command's line,
 * with the new assessment's item count read from its items.
 */
final class RemoteFollowUp {

    private RemoteFollowUp() {}

    @Command(name = "follow-up", mixinStandardHelpOptions = true, description = "cli.assessment.follow-up.description")
    static class FollowUp extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            JsonNode a = server.post("/api/assessments/" + id + "/follow-ups");
            if (json) {
                RemoteCommands.json(out, a);
                return 0;
            }
            long items = server.get("/api/assessments/" + a.path("id").asString() + "/items?size=1")
                    .path("total")
                    .asLong();
            out.println(Texts.get(
                    "cli.assessment.followUp.created",
                    a.path("id").asString(),
                    Table.text(a.path("reportNumber")),
                    items));
            return 0;
        }
    }
}
