package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.label;
import static org.yunjian.cli.remote.RemoteCommands.query;
import static org.yunjian.cli.remote.RemoteCommands.withQuery;
import static org.yunjian.cli.remote.Table.column;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.yunjian.cli.remote.RemoteCli.Call;
import org.yunjian.cli.remote.RemoteCommands.Group;
import org.yunjian.cli.remote.RemoteCommands.Listing;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yunjian users list|requests}, {@code yunjian audit verify} and {@code yunjian backup} against the server:
 * reading user administration with a security administrator's token (every change of it stays interactive-only,
 * see {@code security.InteractiveOnly}), the server's verification of its whole audit log, a backup into the
 * server's backup directory.
 */
final class RemoteAdministration {

    private RemoteAdministration() {}

    @Command(
            name = "users",
            mixinStandardHelpOptions = true,
            description = "cli.security.users.description",
            subcommands = {UsersList.class, UsersRequests.class})
    static class Users extends Group {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "cli.security.list.description")
    static class UsersList extends Listing {
        @Option(names = "--role", paramLabel = "ROLE", descriptionKey = "cli.remote.option.role")
        String role;

        @Override
        String path() {
            return withQuery("/api/users", query("role", role));
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.users.column.id", "id"),
                    column("cli.users.column.username", "username"),
                    column("cli.users.column.role", r -> label("security.role.", r.path("role"))),
                    column(
                            "cli.users.column.state",
                            r -> Texts.get(
                                    !r.path("enabled").asBoolean()
                                            ? "cli.users.state.disabled"
                                            : r.path("locked").asBoolean()
                                                    ? "cli.users.state.locked"
                                                    : "cli.users.state.active")),
                    column("cli.users.column.displayName", "displayName")));
        }
    }

    /** Administrator requests waiting for a second security administrator (two-person rule). */
    @Command(name = "requests", mixinStandardHelpOptions = true, description = "cli.security.requests.description")
    static class UsersRequests extends Listing {
        @Override
        String path() {
            return "/api/users/admin-requests";
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.users.column.request", "id"),
                    column("cli.users.column.username", "username"),
                    column("cli.users.column.kind", r -> label("security.adminRequest.kind.", r.path("kind"))),
                    column("cli.users.column.role", r -> label("security.role.", r.path("requestedRole"))),
                    column("cli.users.column.requestedBy", "requestedBy")));
        }
    }

    @Command(
            name = "audit",
            mixinStandardHelpOptions = true,
            description = "cli.audit.root.description",
            subcommands = Verify.class)
    static class Audit extends Group {}

    /** The server verifies its whole log (MACs, chain, anchors, head witness) with its off-site anchor copy. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "cli.audit.verify.description")
    static class Verify extends Call {
        @Option(names = "--json", descriptionKey = "cli.audit.option.json")
        boolean json;

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            var report = remote.server().get("/api/audit/verify");
            boolean ok = report.path("ok").asBoolean();
            if (json) {
                out.println(Server.JSON.writeValueAsString(report));
                return ok ? 0 : 1;
            }
            var findings = report.path("findings");
            if (ok) {
                out.println(Texts.get(
                        "audit.cli.ok",
                        report.path("entries").asLong(),
                        report.path("anchors").asLong()));
            } else {
                out.println(Texts.get(
                        "audit.cli.failed",
                        findings.size(),
                        report.path("entries").asLong(),
                        report.path("anchors").asLong()));
                for (int i = 0; i < findings.size(); i++) {
                    out.println(Texts.get(
                            i == 0 ? "audit.cli.first" : "audit.cli.also",
                            findings.get(i).path("text").asString()));
                }
            }
            report.path("notes").forEach(n -> out.println(Texts.get("audit.cli.note", n.asString())));
            return ok ? 0 : 1;
        }
    }

    /** A backup into the server's backup directory; the keys are copied on the server's machine, not through HTTP. */
    @Command(name = "backup", mixinStandardHelpOptions = true, description = "cli.backup.root.description")
    static class BackupNow extends Call {
        @Option(names = "--to", descriptionKey = "cli.backup.option.to")
        Path to;

        @Option(names = "--keys-to", descriptionKey = "cli.backup.option.keysTo")
        Path keysTo;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (to != null || keysTo != null) {
                throw Server.input("cli.remote.backupOnServer");
            }
            var b = remote.server().post("/api/backups");
            if (json) {
                out.println(Server.JSON.writeValueAsString(b));
                return 0;
            }
            out.println(Texts.get(
                    "backup.cli.created",
                    b.path("name").asString(),
                    b.path("files").asInt(),
                    Formats.size(b.path("bytes").asLong()),
                    b.path("manifestSm3").asString()));
            out.println(Texts.get("backup.cli.keys-not-included"));
            return 0;
        }
    }
}
