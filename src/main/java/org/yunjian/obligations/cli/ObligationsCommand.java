package org.yunjian.obligations.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.obligations.internal.ObligationQueries;
import org.yunjian.obligations.internal.ObligationService;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import org.yunjian.shared.version.ExpectedVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yunjian lifecycle obligations}: the obligations calendar from the command line, as a named user. With
 * {@code --system}: that system's obligations, or {@code --generate} them (customer), or {@code --complete KIND
 * --done-on DATE}; {@code --responsible ORG_ID} names the organisation whose obligation is meant where several each
 * have one of a kind (every agent's service report, 政府网站指南 8.2.3 c)) — as the REST API's and the page's
 * {@code responsible} — and, listing a system's obligations, shows only those it performs. Without: the obligations across every system the user sees, due up to 90 days ahead, or
 * {@code --overdue} only (exit code 3 when any is overdue, for scripts), or {@code --from/--to}.
 */
@Command(name = "obligations", mixinStandardHelpOptions = true)
@CliMount(value = "lifecycle", order = 80)
public class ObligationsCommand extends ActingCommand {

    @Option(names = "--system", paramLabel = "SYSTEM_ID", descriptionKey = "cli.lifecycle.obligations.option.system")
    UUID systemId;

    @Option(names = "--generate", descriptionKey = "cli.lifecycle.obligations.option.generate")
    boolean generate;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.obligations.option.start")
    String start;

    @Option(names = "--complete", paramLabel = "KIND", descriptionKey = "cli.lifecycle.obligations.option.complete")
    String complete;

    @Option(names = "--done-on", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.obligations.option.doneOn")
    String doneOn;

    @Option(
            names = "--responsible",
            paramLabel = "ORG_ID",
            descriptionKey = "cli.lifecycle.obligations.option.responsible")
    String responsible;

    @Option(names = "--overdue", descriptionKey = "cli.lifecycle.obligations.option.overdue")
    boolean overdue;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.obligations.option.from")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.obligations.option.to")
    String to;

    private final ObligationService service;
    private final ObligationQueries queries;

    ObligationsCommand(
            UserAdministration users,
            ApplicationEventPublisher events,
            ObligationService service,
            ObligationQueries queries) {
        super(users, events);
        this.service = service;
        this.queries = queries;
    }

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        if (systemId == null) {
            if (generate || complete != null || responsible != null) {
                err.println(Texts.get("cli.lifecycle.obligations.needSystem"));
                return 2;
            }
            List<ObligationService.Row> rows = queries.across(from, to, overdue);
            if (rows.isEmpty()) {
                out.println(Texts.get(
                        overdue ? "cli.lifecycle.obligations.noneOverdue" : "cli.lifecycle.obligations.noneDue"));
                return 0;
            }
            out.println(Texts.get(
                    overdue ? "cli.lifecycle.obligations.headOverdue" : "cli.lifecycle.obligations.headDue",
                    rows.size()));
            rows.forEach(r -> out.println(line(r, true)));
            return overdue ? 3 : 0;
        }
        if (generate) {
            List<ObligationService.Row> created = service.generate(systemId, start);
            out.println(Texts.get("cli.lifecycle.obligations.generated", created.size()));
            created.forEach(r -> out.println(line(r, false)));
            return 0;
        }
        if (complete != null) {
            // over the version just read: a completion recorded meanwhile by someone else is not overwritten unseen
            long read = service.ofSystem(systemId).rows().stream()
                    .filter(x -> x.obligation().kind().name().equals(complete.strip()))
                    .filter(x -> responsible == null
                            || x.obligation().responsibleOrg().toString().equals(responsible.strip()))
                    .mapToLong(x -> x.obligation().version())
                    .findFirst()
                    .orElse(0);
            ObligationService.Row r =
                    service.complete(systemId, complete, responsible, doneOn, ExpectedVersion.exactly(read));
            out.println(Texts.get(
                    "cli.lifecycle.obligations.completed",
                    Msg.of(r.obligation().kind()).text(),
                    Formats.date(r.obligation().lastDone()),
                    Formats.date(r.due())));
            return 0;
        }
        ObligationService.SystemObligations s = service.ofSystem(systemId);
        List<ObligationService.Row> rows = s.rows();
        if (responsible != null) { // the organisation's own, as the REST API's responsible names one
            UUID org = service.responsibleOrganisation(responsible);
            rows = rows.stream()
                    .filter(r -> r.obligation().responsibleOrg().equals(org))
                    .toList();
        }
        if (rows.isEmpty()) {
            out.println(Texts.get(
                    "cli.lifecycle.obligations.noneOnSystem",
                    s.access().system().name()));
            return 0;
        }
        out.println(Texts.get(
                "cli.lifecycle.obligations.headSystem",
                s.access().system().name(),
                rows.size(),
                rows.stream()
                        .filter(r -> r.status() == org.yunjian.obligations.ObligationStatus.OVERDUE)
                        .count()));
        rows.forEach(r -> out.println(line(r, false)));
        return 0;
    }

    private static String line(ObligationService.Row r, boolean withSystem) {
        String last = r.obligation().lastDone() == null
                ? Texts.get("lifecycle.cal.never")
                : Texts.get("lifecycle.cal.doneBy", Formats.date(r.obligation().lastDone()), r.lastDoneByName());
        return Texts.get(
                "cli.lifecycle.obligations.line",
                Formats.date(r.due()),
                Msg.of(r.status()).text(),
                withSystem ? r.system().name() + " · " : "",
                Msg.of(r.obligation().kind()).text(),
                r.responsible(),
                r.obligation().intervalMonths(),
                last,
                r.obligation().kind().name());
    }
}
