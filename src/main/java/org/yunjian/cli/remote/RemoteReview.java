package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.json;
import static org.yunjian.cli.remote.RemoteCommands.label;
import static org.yunjian.cli.remote.RemoteCommands.minute;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.cli.remote.RemoteCommands.Acting;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian assessment review-history} and the review steps that are one decision ({@code submit},
 * {@code send-back}, {@code approve-review}, {@code approve-report --confirm}, {@code return-report}) against the
 * server: each names the assessment's version it has just read, as offline. Naming the team ({@code team}) takes
 * user names the server resolves only for administrators: it stays offline or on the review page.
 */
final class RemoteReview {

    private RemoteReview() {}

    @Command(
            name = "review-history",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.review-history.description")
    static class History extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            JsonNode steps =
                    remote.server().get("/api/assessments/" + id + "/review").path("history");
            if (json) {
                json(out, steps);
                return 0;
            }
            if (steps.isEmpty()) {
                out.println(Texts.get("cli.review.history.empty"));
            }
            for (JsonNode s : steps) {
                String what = "SENT_BACK".equals(s.path("kind").asString())
                        ? Texts.get(
                                "review.history.sentBack",
                                s.path("commentCount").asInt())
                        : label("enum.StepKind.", s.path("kind"));
                out.println(Texts.get(
                        "cli.review.history.row",
                        minute(s.path("at")),
                        Table.text(s.path("actorName")),
                        what,
                        s.path("comment").isNull() ? "" : s.path("comment").asString()));
            }
            return 0;
        }
    }

    /**
     * A review step: reads the assessment's version, then posts the decision naming it (a change since is a 409,
     * never decided over unseen); prints the new status as offline.
     */
    abstract static class Move extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        abstract String step();

        /** The decision's fields besides the version. */
        Map<String, Object> body() {
            return new LinkedHashMap<>();
        }

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            long version = server.get("/api/assessments/" + id).path("version").asLong();
            Map<String, Object> body = body();
            body.put("version", version);
            JsonNode a = server.send("POST", "/api/assessments/" + id + "/review/" + step(), body);
            out.println(Texts.get(
                    "cli.review.moved", a.path("name").asString(), label("enum.AssessmentStatus.", a.path("status"))));
            return 0;
        }
    }

    /** A step with an optional {@code --comment}. */
    abstract static class Commented extends Move {
        @Option(names = "--comment", descriptionKey = "cli.review.option.comment")
        String comment;

        @Override
        Map<String, Object> body() {
            Map<String, Object> body = super.body();
            body.put("comment", comment);
            return body;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "cli.assessment.submit.description")
    static class Submit extends Move {
        @Override
        String step() {
            return "submit";
        }
    }

    @Command(name = "send-back", mixinStandardHelpOptions = true, description = "cli.assessment.send-back.description")
    static class SendBack extends Commented {
        @Option(names = "--item", descriptionKey = "cli.review.option.itemComment")
        Map<Integer, String> items = new LinkedHashMap<>();

        @Override
        String step() {
            return "send-back";
        }

        @Override
        Map<String, Object> body() {
            Map<String, Object> body = super.body();
            if (!items.isEmpty()) {
                // item numbers as the workbook and the page show them: position + 1
                Map<Integer, String> byNumber = new LinkedHashMap<>();
                remote.server()
                        .all("/api/assessments/" + id + "/items")
                        .forEach(i -> byNumber.put(
                                i.path("position").asInt() + 1, i.path("id").asString()));
                List<Map<String, String>> perItem = new ArrayList<>();
                for (Map.Entry<Integer, String> e : items.entrySet()) {
                    String item = byNumber.get(e.getKey());
                    if (item == null) {
                        throw Server.input("cli.actAs.invalid", "--item", e.getKey());
                    }
                    perItem.add(Map.of("itemId", item, "comment", e.getValue()));
                }
                body.put("items", perItem);
            }
            return body;
        }
    }

    @Command(
            name = "approve-review",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.approve-review.description")
    static class ApproveReview extends Commented {
        @Override
        String step() {
            return "approve";
        }
    }

    /** Cannot be undone: without {@code --confirm} nothing is sent (exit 1, as offline). */
    @Command(
            name = "approve-report",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.approve-report.description")
    static class ApproveReport extends Commented {
        @Option(names = "--confirm", descriptionKey = "cli.review.option.confirm")
        boolean confirm;

        @Override
        String step() {
            return "approve-report";
        }

        @Override
        int act(PrintWriter out, PrintWriter err) {
            if (!confirm) {
                err.println(Texts.get("cli.review.confirmRequired"));
                return 1;
            }
            return super.act(out, err);
        }

        @Override
        Map<String, Object> body() {
            Map<String, Object> body = super.body();
            body.put("confirm", true);
            return body;
        }
    }

    @Command(
            name = "return-report",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.return-report.description")
    static class ReturnReport extends Move {
        @Option(names = "--comment", required = true, descriptionKey = "cli.review.option.comment")
        String comment;

        @Override
        String step() {
            return "return";
        }

        @Override
        Map<String, Object> body() {
            Map<String, Object> body = super.body();
            body.put("comment", comment);
            return body;
        }
    }
}
