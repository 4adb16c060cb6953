package org.yunjian.cli.remote;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian responsibility answer} and {@code sign-off} against the server (issue 61: they "did not run through
 * the server yet"): the same names, options and lines as offline, each one REST call as the token's owner
 * ({@code PUT …/questions/{question}}, {@code POST …/sign-offs}) over the version read just before, or the one
 * {@code --base-version} names. {@code --json} prints the server's answer as it came.
 */
final class RemoteMatrixDecisions {

    private RemoteMatrixDecisions() {}

    /** What both have: the system, the version replaced, the matrix as the server returns it. */
    abstract static class Change extends RemoteCommands.Acting {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        @Option(names = "--base-version", paramLabel = "N", descriptionKey = "cli.responsibility.option.baseVersion")
        Integer baseVersion;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        String base() {
            return "/api/systems/" + systemId + "/responsibility";
        }

        JsonNode matrix() {
            return remote.server().get(base());
        }

        /** The version replaced: {@code --base-version}, else the current one, read now. */
        int baseVersion() {
            return baseVersion != null
                    ? baseVersion
                    : matrix().path("currentVersion").asInt();
        }

        /** The new version, as offline says it ("Saved as version 4 (draft)."), or the answer as JSON. */
        int saved(PrintWriter out, JsonNode matrix) {
            if (json) {
                RemoteCommands.json(out, matrix);
            } else {
                out.println(Texts.get(
                        "cli.responsibility.saved",
                        matrix.path("version").asInt(),
                        Table.text(matrix.path("details").path("statusLabel"))));
            }
            return 0;
        }
    }

    @Command(
            name = "sign-off",
            mixinStandardHelpOptions = true,
            description = "cli.responsibility.sign-off.description")
    static class SignOff extends Change {
        @Option(
                names = "--side",
                required = true,
                paramLabel = "CUSTOMER|PROVIDER",
                descriptionKey = "cli.responsibility.option.signSide")
        String side;

        @Option(names = "--confirm", descriptionKey = "cli.responsibility.option.confirm")
        boolean confirm;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            if (!confirm) {
                err.println(Texts.get(
                        "cli.responsibility.signOff.unconfirmed",
                        matrix().path("currentVersion").asInt()));
                return 2;
            }
            Map<String, Object> body = new LinkedHashMap<>(); // in this order on the wire
            body.put("side", side.toUpperCase(java.util.Locale.ROOT));
            body.put("baseVersion", baseVersion());
            return saved(out, remote.server().send("POST", base() + "/sign-offs", body));
        }
    }

    @Command(name = "answer", mixinStandardHelpOptions = true, description = "cli.responsibility.answer.description")
    static class Answer extends Change {
        @Option(names = "--question", paramLabel = "QUESTION", descriptionKey = "cli.responsibility.option.question")
        String question;

        @Option(names = "--answer", paramLabel = "yes|no|none", descriptionKey = "cli.responsibility.option.answer")
        String answer;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            if (question == null) {
                JsonNode questions = matrix().path("questions");
                if (json) {
                    RemoteCommands.json(out, questions);
                    return 0;
                }
                for (JsonNode q : RemoteCommands.rows(questions)) {
                    JsonNode a = q.path("answer");
                    out.println(Texts.get(
                            "cli.responsibility.answer.line",
                            Table.text(q.path("question")),
                            Table.text(q.path("text")),
                            Table.text(q.path("condition")),
                            Texts.get(
                                    a.isNull() || a.isMissingNode()
                                            ? "responsibility.answer.open"
                                            : a.asBoolean()
                                                    ? "responsibility.answer.yes"
                                                    : "responsibility.answer.no")));
                }
                return 0;
            }
            if (!List.of("yes", "no", "none").contains(String.valueOf(answer))) {
                throw Server.input("cli.responsibility.answer.invalid");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("answer", answer.equals("none") ? null : answer.equals("yes"));
            body.put("baseVersion", baseVersion());
            String path = base() + "/questions/"
                    + java.net.URLEncoder.encode(question, java.nio.charset.StandardCharsets.UTF_8);
            return saved(out, remote.server().send("PUT", path, body));
        }
    }
}
