package org.yunjian.responsibility.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.internal.liability.IncidentRepository.IncidentRecord;
import org.yunjian.responsibility.internal.liability.IncidentService;
import org.yunjian.responsibility.internal.liability.Liability;
import org.yunjian.responsibility.internal.liability.LiabilityAnalysis;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code yunjian responsibility liability|incidents}: the Annex B lookup and a system's recorded incidents. */
final class LiabilityCommands {

    private LiabilityCommands() {}

    /**
     * {@code liability --query TEXT [--system ID]}: the incidents of table B.1 matching the text (Chinese or
     * English) with their liable roles; with a system, who holds those roles there and the matrix rows involved.
     */
    @Command(name = "liability", mixinStandardHelpOptions = true)
    static class Lookup extends ActingCommand {

        @Option(
                names = "--query",
                required = true,
                paramLabel = "TEXT",
                descriptionKey = "cli.responsibility.option.query")
        String query;

        @Option(names = "--system", paramLabel = "SYSTEM_ID", descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        private final IncidentService service;
        private final Catalog catalog;

        Lookup(UserAdministration users, ApplicationEventPublisher events, IncidentService service, Catalog catalog) {
            super(users, events);
            this.service = service;
            this.catalog = catalog;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (systemId != null) {
                service.access(systemId);
            }
            List<Liability.Incident> found = service.search(query, null);
            if (found.isEmpty()) {
                out.println(Texts.get("cli.responsibility.liability.none", query));
                return 0;
            }
            out.println(Texts.get("cli.responsibility.liability.count", found.size(), query));
            for (Liability.Incident i : found) {
                out.println(Texts.get(
                        "cli.responsibility.liability.incident",
                        i.number(),
                        RuleQuote.of(i.id(), catalog).text(),
                        Msg.of(i.kind()).text(),
                        i.relatedClause()));
                out.println(Texts.get(
                        "cli.responsibility.liability.liable",
                        Msg.joined(i.liableRolesInOrder().stream().map(Msg::of).toList())
                                .text()));
                if (systemId != null) {
                    analysis(out, service.analyse(systemId, i.id().value()).analysis());
                }
            }
            return 0;
        }

        private void analysis(PrintWriter out, LiabilityAnalysis a) {
            out.println("    "
                    + (a.onMatrix()
                            ? Texts.get(
                                    "responsibility.incident.basis.version",
                                    a.matrixVersion(),
                                    Msg.of(a.matrixStatus()).text())
                            : Texts.get("responsibility.liability.noMatrix")));
            for (LiabilityAnalysis.LiableRole l : a.liable()) {
                if (l.holders().isEmpty()) {
                    out.println(Texts.get(
                            "cli.responsibility.liability.holderNone",
                            Msg.of(l.role()).text(),
                            l.nobody(a.onMatrix()).text()));
                } else if (l.onlyDoing() != null) {
                    out.println(Texts.get(
                            "cli.responsibility.liability.holderNone",
                            Msg.of(l.role()).text(),
                            l.onlyDoing().text()));
                }
                for (LiabilityAnalysis.Holder h : l.holders()) {
                    out.println(Texts.get(
                            "cli.responsibility.liability.holder",
                            Msg.of(l.role()).text(),
                            h.name(),
                            h.contacts().isEmpty()
                                    ? Texts.get("responsibility.liability.noContacts")
                                    : String.join(
                                            Texts.get("responsibility.liability.contactSeparator"), h.contacts())));
                }
            }
            for (LiabilityAnalysis.AnalysedRow r : a.rows()) {
                RuleQuote q = RuleQuote.of(RequirementId.of(r.duty()), catalog);
                out.println(Texts.get("cli.responsibility.liability.row", q.ref(), q.text()));
                for (LiabilityAnalysis.RowParty p : r.parties()) {
                    out.println(Texts.get(
                            "cli.responsibility.liability.rowParty",
                            Texts.get(
                                    "responsibility.liability.as",
                                    p.accountableName(),
                                    Msg.of(p.role()).text()),
                            p.implementerName()));
                }
            }
        }
    }

    /** {@code incidents --system ID}: the incidents recorded against a system that the user may see. */
    @Command(name = "incidents", mixinStandardHelpOptions = true)
    static class Incidents extends ActingCommand {

        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        private final IncidentService service;

        Incidents(UserAdministration users, ApplicationEventPublisher events, IncidentService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            String system = service.access(systemId).matrix().system().name();
            List<IncidentRecord> records = service.list(systemId);
            if (records.isEmpty()) {
                out.println(Texts.get("cli.responsibility.incidents.none", system));
                return 0;
            }
            out.println(Texts.get("cli.responsibility.incidents.head", system, records.size()));
            for (IncidentRecord r : records) {
                out.println(Texts.get(
                        "cli.responsibility.incidents.line",
                        Formats.minute(r.occurredAt()),
                        r.incident().substring(r.incident().lastIndexOf('-') + 1),
                        r.title(),
                        r.reference() == null ? "—" : r.reference(),
                        r.id()));
            }
            return 0;
        }
    }
}
