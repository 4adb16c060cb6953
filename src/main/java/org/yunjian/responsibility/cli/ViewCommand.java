package org.yunjian.responsibility.cli;

import java.io.PrintWriter;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.internal.view.ViewService;
import org.yunjian.responsibility.internal.view.ViewTexts;
import org.yunjian.responsibility.internal.view.ViewTexts.Heading;
import org.yunjian.responsibility.internal.view.ViewTexts.Line;
import org.yunjian.responsibility.internal.view.ViewTexts.MappedLine;
import org.yunjian.responsibility.internal.view.ViewTexts.Org;
import org.yunjian.responsibility.internal.view.ViewTexts.PartLine;
import org.yunjian.responsibility.internal.view.ViewTexts.RoleLine;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code view --system ID --view mlps|gov|jrt}: one view of the current matrix version (等保 items with the side
 * assessed and who answers for it; the government-website guide or JR/T duties with the organisations holding the
 * roles they name), as the acting user may see it, in the user's language.
 */
@Command(name = "view", mixinStandardHelpOptions = true)
class ViewCommand extends ActingCommand {

    @Option(
            names = "--system",
            required = true,
            paramLabel = "SYSTEM_ID",
            descriptionKey = "cli.responsibility.option.system")
    UUID systemId;

    @Option(names = "--view", required = true, paramLabel = "VIEW", descriptionKey = "cli.responsibility.option.view")
    String view;

    private final ViewService views;
    private final Catalog catalog;

    ViewCommand(UserAdministration users, ApplicationEventPublisher events, ViewService views, Catalog catalog) {
        super(users, events);
        this.views = views;
        this.catalog = catalog;
    }

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        ViewService.ViewResult r = views.view(systemId, view, null);
        ViewTexts.Table t = ViewTexts.table(r.view(), r.matrix().matrix(), catalog);
        out.println(Texts.get(
                "cli.responsibility.view.head",
                r.matrix().access().system().name(),
                t.label(),
                r.matrix().version().version(),
                Msg.of(r.matrix().version().status()).text()));
        out.println(Texts.get("cli.responsibility.view.standard", t.standard()));
        if (t.scope() != null) {
            out.println(Texts.get("cli.responsibility.view.scope", t.scope(), t.otherModels()));
        }
        if (!r.matrix().access().seesWholeMatrix()) {
            out.println(Texts.get("responsibility.view.partial"));
        }
        if (t.rowCount() == 0) {
            out.println(Texts.get(
                    !r.matrix().access().seesWholeMatrix()
                            ? "responsibility.view.empty.partial"
                            : "responsibility.view.empty.scope"));
            return 0;
        }
        for (Heading h : t.groups()) {
            out.println();
            out.println(Texts.get(
                    "cli.responsibility.view.group", h.title(), h.rows().size()));
            for (Line l : h.rows()) {
                out.println(Texts.get("cli.responsibility.view.row", l.ref(), l.text()));
                if (l.sideLabel() != null) {
                    out.println(Texts.get("cli.responsibility.view.side", l.sideLabel()));
                }
                for (RoleLine x : l.roles()) {
                    out.println(Texts.get(
                            "cli.responsibility.view.role",
                            x.roleLabel(),
                            x.organisations().isEmpty()
                                    ? Texts.get("responsibility.view.nobody")
                                    : String.join(
                                            Texts.get("cli.responsibility.view.separator"),
                                            x.organisations().stream()
                                                    .map(Org::name)
                                                    .toList())));
                }
                for (MappedLine m : l.mapped()) {
                    out.println(Texts.get("cli.responsibility.view.mapped", m.ref(), m.relation(), m.text()));
                    if (!m.visible()) {
                        out.println(Texts.get(
                                "cli.responsibility.view.mappedNote", Texts.get("responsibility.view.mapped.hidden")));
                    } else if (m.notApplicable() != null) {
                        out.println(Texts.get("cli.responsibility.view.mappedNote", m.notApplicable()));
                    }
                    for (PartLine p : m.parts()) {
                        out.println(Texts.get(
                                "cli.responsibility.view.mappedNote",
                                Texts.get(
                                        "responsibility.view.mapped.part",
                                        p.accountableName(),
                                        p.roleLabel(),
                                        p.implementerName())));
                    }
                }
            }
        }
        out.println();
        out.println(Texts.get("cli.responsibility.view.count", t.rowCount()));
        return 0;
    }
}
