package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.Table.column;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yunjian.cli.remote.RemoteCli.Call;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;

import picocli.CommandLine.Command;
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

    static final List<Class<?>> GROUPS = List.of(Assessment.class, Catalog.class, Users.class, Lifecycle.class,
            Responsibility.class, Audit.class, BackupNow.class);

    private RemoteCommands() {
    }

    /** A list command: the rows of one paged endpoint as a table, or as a JSON array with {@code --json}. */
    abstract static class Listing extends Call {
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

        @Override
        int work(PrintWriter out, PrintWriter err) {
            List<tools.jackson.databind.JsonNode> rows = remote.server().all(path());
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

    @Command(name = "assessment", mixinStandardHelpOptions = true, description = "cli.assessment.root.description",
            subcommands = AssessmentList.class)
    static class Assessment extends Group {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "cli.assessment.list.description")
    static class AssessmentList extends Listing {
        @Option(names = "--system", descriptionKey = "cli.assessment.option.system")
        UUID systemId;
        @Option(names = "--status", paramLabel = "STATUS", descriptionKey = "cli.remote.option.status")
        String status;

        @Override
        String path() {
            return withQuery("/api/assessments", query("systemId", systemId) + query("status", status));
        }

        @Override
        String emptyKey() {
            return "cli.assessment.list.empty";
        }

        @Override
        Table table() {
            return new Table(List.of(column("cli.assessment.list.id", "id"),
                    column("cli.assessment.list.number", "reportNumber"),
                    column("cli.assessment.list.status", r -> label("enum.AssessmentStatus.", r.path("status"))),
                    column("cli.assessment.list.kind", r -> label("enum.AssessorKind.", r.path("assessorKind"))),
                    column("cli.assessment.list.created", r -> date(r.path("createdAt"))),
                    column("cli.assessment.list.name", "name")));
        }
    }

    @Command(name = "catalog", mixinStandardHelpOptions = true, description = "cli.catalog.root.description",
            subcommands = CatalogList.class)
    static class Catalog extends Group {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "cli.remote.catalog.list.description")
    static class CatalogList extends Listing {
        @Override
        String path() {
            return "/api/catalog/standards";
        }

        @Override
        Table table() {
            boolean english = Texts.ENGLISH.equals(Texts.locale());
            return new Table(List.of(column("cli.catalog.list.code", "code"),
                    column("cli.catalog.list.title", r -> Table.text(english && !r.path("titleEn").isNull()
                            && !r.path("titleEn").isMissingNode() ? r.path("titleEn") : r.path("title")))));
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "cli.security.users.description",
            subcommands = UsersList.class)
    static class Users extends Group {
    }

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
            return new Table(List.of(column("cli.users.column.id", "id"),
                    column("cli.users.column.username", "username"),
                    column("cli.users.column.role", r -> label("security.role.", r.path("role"))),
                    column("cli.users.column.state", r -> Texts.get(!r.path("enabled").asBoolean()
                            ? "cli.users.state.disabled" : r.path("locked").asBoolean() ? "cli.users.state.locked"
                            : "cli.users.state.active")),
                    column("cli.users.column.displayName", "displayName")));
        }
    }

    @Command(name = "lifecycle", mixinStandardHelpOptions = true, description = "cli.lifecycle.root.description",
            subcommands = Obligations.class)
    static class Lifecycle extends Group {
    }

    @Command(name = "obligations", mixinStandardHelpOptions = true,
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
            return withQuery("/api/lifecycle/obligations", query("overdue", overdue ? "true" : null) + query("from", from)
                    + query("to", to));
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
            return new Table(List.of(column("cli.remote.column.system", "systemName"),
                    column("cli.remote.column.obligation", "kindLabel"),
                    column("cli.remote.column.due", "nextDue"),
                    column("cli.remote.column.status", "statusLabel"),
                    column("cli.remote.column.responsible", "responsibleOrganization")));
        }
    }

    @Command(name = "responsibility", mixinStandardHelpOptions = true,
            description = "cli.responsibility.root.description", subcommands = Check.class)
    static class Responsibility extends Group {
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "cli.responsibility.check.description")
    static class Check extends Call {
        @Option(names = "--system", required = true, paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;
        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int work(PrintWriter out, PrintWriter err) {
            var answer = remote.server().get("/api/systems/" + systemId + "/responsibility/check");
            var violations = answer.path("violations");
            if (json) {
                out.println(Server.JSON.writeValueAsString(answer));
            } else if (violations.isEmpty()) {
                out.println(Texts.get("cli.responsibility.check.clean"));
            } else {
                new Table(List.of(column("cli.remote.column.rule", r -> Table.text(r.path("ruleRef").isNull()
                                ? r.path("rule") : r.path("ruleRef"))),
                        column("cli.remote.column.duty", "duty"),
                        column("cli.remote.column.message", "message"))).print(
                        java.util.stream.StreamSupport.stream(violations.spliterator(), false).toList(), out);
            }
            return violations.isEmpty() ? 0 : 3;
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "cli.audit.root.description",
            subcommands = Verify.class)
    static class Audit extends Group {
    }

    /** The server verifies its whole log (MACs, chain, anchors, head witness) with its off-site anchor copy. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "cli.audit.verify.description")
    static class Verify extends Call {
        @Option(names = "--json", descriptionKey = "cli.audit.option.json")
        boolean json;

        @Override
        int work(PrintWriter out, PrintWriter err) {
            var report = remote.server().get("/api/audit/verify");
            boolean ok = report.path("ok").asBoolean();
            if (json) {
                out.println(Server.JSON.writeValueAsString(report));
                return ok ? 0 : 1;
            }
            var findings = report.path("findings");
            if (ok) {
                out.println(Texts.get("audit.cli.ok", report.path("entries").asLong(), report.path("anchors").asLong()));
            } else {
                out.println(Texts.get("audit.cli.failed", findings.size(), report.path("entries").asLong(),
                        report.path("anchors").asLong()));
                for (int i = 0; i < findings.size(); i++) {
                    out.println(Texts.get(i == 0 ? "audit.cli.first" : "audit.cli.also",
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
        int work(PrintWriter out, PrintWriter err) {
            if (to != null || keysTo != null) {
                throw Server.input("cli.remote.backupOnServer");
            }
            var b = remote.server().post("/api/backups");
            if (json) {
                out.println(Server.JSON.writeValueAsString(b));
                return 0;
            }
            out.println(Texts.get("backup.cli.created", b.path("name").asString(), b.path("files").asInt(),
                    Formats.size(b.path("bytes").asLong()), b.path("manifestSm3").asString()));
            out.println(Texts.get("backup.cli.keys-not-included"));
            return 0;
        }
    }
}
