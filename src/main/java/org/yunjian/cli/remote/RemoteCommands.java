package org.yunjian.cli.remote;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.yunjian.cli.remote.RemoteCli.Call;
import org.yunjian.crypto.Sm3;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The business commands against a running server, each one REST call (or one per 200 rows) acting as the token's
 * owner: the server's own authorisation, object scope and audit apply, as for any API client. Tables have the
 * offline command's column headers; {@code --json} prints the server's rows as they came. A command that has no
 * remote form yet says so (see {@link RemoteCli#run}); {@code yunjian api} reaches every endpoint.
 */
final class RemoteCommands {

    static final List<Class<?>> GROUPS = List.of(
            RemoteAssessment.Assessment.class,
            RemoteCatalog.Catalog.class,
            RemoteAdministration.Users.class,
            RemoteLifecycle.Lifecycle.class,
            RemoteResponsibility.Responsibility.class,
            RemoteMonitoring.Monitors.class,
            RemoteAdministration.Audit.class,
            RemoteAdministration.BackupNow.class);

    private RemoteCommands() {}

    /**
     * A command that offline acts as a named user ({@code --as USERNAME}): against the server the token's owner acts.
     * A script's {@code --as} is accepted when it names that owner, and refused in one line when it names another
     * (one {@code GET /api/account}, only when given): the command never silently acts as someone else.
     */
    abstract static class Acting extends Call {
        @Option(names = "--as", paramLabel = "USERNAME", descriptionKey = "cli.remote.option.as")
        String as;

        @Override
        protected final int work(PrintWriter out, PrintWriter err) throws IOException {
            if (as != null) {
                String owner =
                        remote.server().get("/api/account").path("username").asString();
                if (!as.equals(owner)) {
                    throw Server.input("cli.remote.notTheOwner", as, owner);
                }
            }
            return act(out, err);
        }

        abstract int act(PrintWriter out, PrintWriter err) throws IOException;
    }

    /**
     * A download: the server's bytes written to {@code -o FILE} exactly as they came; stdout names the file, its
     * size and its SM3 digest (to compare with the server's audit entry or a colleague's copy).
     */
    abstract static class Download extends Acting {
        abstract String path();

        abstract Path file();

        @Override
        int act(PrintWriter out, PrintWriter err) throws IOException {
            written(out, file(), remote.server().download(path()));
            return 0;
        }
    }

    /** Writes {@code content} to {@code file} and names it on {@code to} with its size and SM3 digest. */
    static void written(PrintWriter to, Path file, byte[] content) throws IOException {
        Files.write(file, content);
        to.println(Texts.get("cli.remote.wrote", file, Formats.size(content.length), Sm3.hex(content)));
    }

    /** A list command: the rows of one paged endpoint as a table, or as a JSON array with {@code --json}. */
    abstract static class Listing extends Acting {
        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        abstract String path();

        abstract Table table();

        String emptyKey() {
            return "cli.remote.empty";
        }

        /** The exit status for the rows shown (0; 3 where the offline command signals findings that way). */
        int status(List<tools.jackson.databind.JsonNode> rows) {
            return 0;
        }

        List<tools.jackson.databind.JsonNode> rows() {
            return remote.server().all(path());
        }

        @Override
        int act(PrintWriter out, PrintWriter err) {
            List<tools.jackson.databind.JsonNode> rows = rows();
            if (json) {
                out.println(Server.JSON.writeValueAsString(rows));
            } else if (rows.isEmpty()) {
                // nothing on stdout: a script reading the table sees no rows
                err.println(Texts.get(emptyKey()));
            } else {
                table().print(rows, out);
            }
            return status(rows);
        }
    }

    /** A group's own line ({@code yunjian assessment}) shows its usage, as offline. */
    abstract static class Group implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            RemoteCli.texts(spec.root().commandLine());
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    static String query(String name, Object value) {
        return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    static String withQuery(String path, String query) {
        return query.isEmpty() ? path : path + "?" + query.substring(1);
    }

    static String label(String prefix, tools.jackson.databind.JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "—" : Texts.get(prefix + value.asString());
    }

    static String date(tools.jackson.databind.JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "—" : Formats.date(Instant.parse(value.asString()));
    }

    /** A day the server sends as {@code YYYY-MM-DD}, as the reader writes days; "—" for none. */
    static String day(tools.jackson.databind.JsonNode value) {
        return value.isNull() || value.isMissingNode()
                ? "—"
                : Formats.date(java.time.LocalDate.parse(value.asString()));
    }

    static String minute(tools.jackson.databind.JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "—" : Formats.minute(Instant.parse(value.asString()));
    }

    /** The elements of a JSON array. */
    static List<tools.jackson.databind.JsonNode> rows(tools.jackson.databind.JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** Prints {@code answer} as JSON on stdout. */
    static void json(PrintWriter out, Object answer) {
        out.println(Server.JSON.writeValueAsString(answer));
    }
}
