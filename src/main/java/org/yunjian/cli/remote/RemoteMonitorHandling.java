package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.json;
import static org.yunjian.cli.remote.RemoteCommands.minute;
import static org.yunjian.cli.remote.Table.column;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.cli.remote.RemoteCommands.Acting;
import org.yunjian.cli.remote.RemoteCommands.Listing;
import org.yunjian.cli.remote.RemoteMonitoring.OnMonitor;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian monitors …} that handle what monitors find and set them aside: pausing and resuming a monitor, its
 * probes and the verdict on their seals, acknowledging and closing an alert, and the organisation's harmful-content word list. Each change names
 * the version it read, as the pages do, so nobody's change is overwritten unseen.
 */
final class RemoteMonitorHandling {

    private RemoteMonitorHandling() {}

    /** {@code pause --monitor ID}: no probes until resumed. */
    @Command(name = "pause", mixinStandardHelpOptions = true, description = "cli.monitors.pause.description")
    static class Pause extends OnMonitor {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            return paused(out, "pause", "cli.monitors.paused");
        }

        int paused(PrintWriter out, String action, String key) {
            long version = remote.server().get(base()).path("version").asLong();
            JsonNode m = remote.server().send("POST", base() + "/" + action, null, version);
            if (json) {
                json(out, m);
            } else {
                out.println(Texts.get(key, m.path("name").asString()));
            }
            return 0;
        }
    }

    /** {@code resume --monitor ID}: probed at once, then on its interval. */
    @Command(name = "resume", mixinStandardHelpOptions = true, description = "cli.monitors.resume.description")
    static class Resume extends Pause {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            return paused(out, "resume", "cli.monitors.resumed");
        }
    }

    /** {@code probes --monitor ID}: the latest probes, newest first, with the SM3 of what the site answered. */
    @Command(name = "probes", mixinStandardHelpOptions = true, description = "cli.monitors.probes.description")
    static class Probes extends RemoteMonitoring.MonitorListing {
        @Override
        String path() {
            return "/api/monitors/" + monitorId + "/probes";
        }

        @Override
        String emptyKey() {
            return "cli.monitors.noProbes";
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.monitors.column.startedAt", r -> minute(r.path("startedAt"))),
                    column("cli.monitors.column.outcome", "outcomeLabel"),
                    column("cli.monitors.column.httpStatus", r -> Table.text(r.path("httpStatus"))),
                    column("cli.monitors.column.durationMs", r -> Table.text(r.path("durationMs"))),
                    column("cli.monitors.column.bodySm3", "bodySm3")));
        }
    }

    /**
     * {@code verify --monitor ID}: the verdict on the monitor's sealed probes in words; exit 3 when the chain is
     * broken (for scripts).
     */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "cli.monitors.verify.description")
    static class Verify extends OnMonitor {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            JsonNode v = remote.server().get(base() + "/probes/verification");
            if (json) {
                json(out, v);
            } else {
                out.println(v.path("verdict").asString());
            }
            return v.path("intact").asBoolean() ? 0 : 3;
        }
    }

    /** A command on one alert ({@code --alert ID}). */
    abstract static class OnAlert extends Acting {
        @Option(
                names = "--alert",
                required = true,
                paramLabel = "ALERT_ID",
                descriptionKey = "cli.monitors.option.alert")
        UUID alertId;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        String base() {
            return "/api/monitoring/alerts/" + alertId;
        }

        int done(PrintWriter out, JsonNode a, String key) {
            if (json) {
                json(out, a);
            } else {
                out.println(Texts.get(
                        key,
                        a.path("kindLabel").asString(),
                        a.path("statusLabel").asString()));
            }
            return 0;
        }
    }

    /** {@code ack --alert ID}: the alert is being handled. */
    @Command(name = "ack", mixinStandardHelpOptions = true, description = "cli.monitors.ack.description")
    static class Acknowledge extends OnAlert {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            long version = remote.server().get(base()).path("version").asLong();
            return done(
                    out, remote.server().send("POST", base() + "/acknowledge", null, version), "cli.monitors.acked");
        }
    }

    /** {@code close --alert ID --note TEXT}: closed, saying how it was handled. */
    @Command(name = "close", mixinStandardHelpOptions = true, description = "cli.monitors.close.description")
    static class Close extends OnAlert {
        @Option(names = "--note", required = true, paramLabel = "TEXT", descriptionKey = "cli.monitors.option.note")
        String note;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            long version = remote.server().get(base()).path("version").asLong();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("note", note);
            return done(out, remote.server().send("POST", base() + "/close", body, version), "cli.monitors.closed");
        }
    }

    /** {@code words --org ID}: the organisation's word list versions, the one in force first. */
    @Command(name = "words", mixinStandardHelpOptions = true, description = "cli.monitors.words.description")
    static class Words extends Listing {
        @Option(names = "--org", required = true, paramLabel = "ORG_ID", descriptionKey = "cli.monitors.option.org")
        UUID organizationId;

        @Override
        String path() {
            return "/api/organizations/" + organizationId + "/word-lists";
        }

        @Override
        List<JsonNode> rows() {
            return remote.server().get(path()).path("versions").valueStream().toList();
        }

        @Override
        String emptyKey() {
            return "cli.monitors.wordsSample";
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.monitors.column.version", r -> Table.text(r.path("version"))),
                    column("cli.monitors.column.words", r -> Table.text(r.path("wordCount"))),
                    column("cli.monitors.column.importedAt", r -> minute(r.path("importedAt"))),
                    column("cli.monitors.column.importedBy", "importedByName"),
                    column("cli.monitors.column.fileSm3", "contentSm3")));
        }
    }

    /** {@code words-import --org ID --file FILE [--note TEXT]}: the file becomes the list's next version. */
    @Command(
            name = "words-import",
            mixinStandardHelpOptions = true,
            description = "cli.monitors.wordsImport.description")
    static class WordsImport extends Acting {
        @Option(names = "--org", required = true, paramLabel = "ORG_ID", descriptionKey = "cli.monitors.option.org")
        UUID organizationId;

        @Option(names = "--file", required = true, paramLabel = "FILE", descriptionKey = "cli.monitors.option.file")
        Path file;

        @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "cli.monitors.option.note")
        String note;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int act(PrintWriter out, PrintWriter err) throws IOException {
            Map<String, String> fields = new LinkedHashMap<>();
            if (note != null) {
                fields.put("note", note);
            }
            JsonNode v = remote.server().upload("/api/organizations/" + organizationId + "/word-lists", file, fields);
            if (json) {
                json(out, v);
            } else {
                out.println(Texts.get(
                        "cli.monitors.wordsImported",
                        v.path("version").asInt(),
                        v.path("wordCount").asInt(),
                        v.path("contentSm3").asString()));
            }
            return 0;
        }
    }
}
