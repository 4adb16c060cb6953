package org.yunjian.responsibility.internal.view;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Requirement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.internal.view.MatrixViews.Group;
import org.yunjian.responsibility.internal.view.MatrixViews.Holder;
import org.yunjian.responsibility.internal.view.MatrixViews.MappedDuty;
import org.yunjian.responsibility.internal.view.MatrixViews.ViewRow;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * A matrix view as a reader is shown it, in the current language ({@link Texts#locale()}): headings, the standard's
 * text (the catalog's English rendering for English), role and side labels and organisation names, no codes to read.
 * The page, the REST response and the command line all show this one rendering.
 */
public final class ViewTexts {

    private ViewTexts() {}

    /**
     * @param label     the view's name
     * @param standard  the standard's title
     * @param scope     which deployment model's items are shown (sector guides), or null
     * @param rowCount  rows shown
     */
    public record Table(
            String view,
            String label,
            String standard,
            String scope,
            int otherModels,
            int rowCount,
            List<Heading> groups) {}

    public record Heading(String title, List<Line> rows) {}

    /**
     * @param side      the 等保 side ({@code CLOUD_PLATFORM}, …) or null; {@code sideLabel} reads it
     * @param models    the JR/T subsection's deployment model (private, 行业云, public) the item belongs to, by name; empty
     *                  for a general item and in the other views (the government-website guide is all public cloud,
     *                  as the scope line says)
     * @param mapped    the T/CCIA duties mapped onto the item (等保 only)
     */
    public record Line(
            String item,
            String ref,
            String text,
            boolean child,
            String side,
            String sideLabel,
            List<String> models,
            List<RoleLine> roles,
            List<MappedLine> mapped) {

        /** Whether {@code organisation} is named on the line. */
        public boolean names(UUID organisation) {
            return organisation != null
                    && (roles.stream().anyMatch(r -> r.organisations().stream()
                                    .anyMatch(o -> o.id().equals(organisation)))
                            || mapped.stream().anyMatch(m -> m.parts().stream()
                                    .anyMatch(p -> organisation.equals(p.accountable())
                                            || organisation.equals(p.implementer()))));
        }
    }

    /** A role the line names and the organisations holding it on the system; {@code organisations} empty: nobody. */
    public record RoleLine(PartyRole role, String roleLabel, List<Org> organisations) {}

    public record Org(UUID id, String name) {}

    /**
     * A mapped T/CCIA duty; {@code parts} are its matrix row's accountable and implementing parties ({@code visible}
     * false: the caller does not see that row; {@code notApplicable}: why it does not apply to the system).
     */
    public record MappedLine(
            String duty,
            String ref,
            String text,
            String relation,
            boolean visible,
            String notApplicable,
            List<PartLine> parts) {}

    public record PartLine(
            UUID accountable,
            String accountableName,
            PartyRole role,
            String roleLabel,
            UUID implementer,
            String implementerName,
            int depth) {}

    /** The view of {@code matrix} rendered in the current language. */
    public static Table table(MatrixViews.View view, ResponsibilityMatrix matrix, Catalog catalog) {
        List<Heading> groups = new ArrayList<>();
        int count = 0;
        for (Group g : view.groups()) {
            List<Line> lines = new ArrayList<>();
            for (ViewRow r : g.rows()) {
                lines.add(line(r, view.kind(), matrix, catalog));
            }
            count += lines.size();
            groups.add(new Heading(heading(g, catalog), lines));
        }
        String standard = catalog.standard(view.kind().standard())
                .map(s -> localised(s.title(), s.titleEn()))
                .orElse(view.kind().standard());
        String scope = view.kind() == ViewKind.MLPS
                ? null
                : view.model() == null
                        ? Texts.get("responsibility.view.scope.all")
                        : Texts.get("responsibility.view.scope.model", modelName(view.kind(), view.model()));
        return new Table(
                view.kind().code(), Msg.of(view.kind()).text(), standard, scope, view.otherModels(), count, groups);
    }

    private static Line line(ViewRow r, ViewKind kind, ResponsibilityMatrix m, Catalog catalog) {
        Requirement req = catalog.requirement(r.item()).orElseThrow();
        String text = kind == ViewKind.MLPS ? localised(req.mlps().requirement(), req.textEn()) : text(req);
        List<RoleLine> roles = r.holders().stream().map(ViewTexts::roleLine).toList();
        List<MappedLine> mapped =
                r.mapped().stream().map(x -> mappedLine(x, m, catalog)).toList();
        return new Line(
                r.item().value(),
                ClauseLabel.text(req),
                text,
                r.child(),
                r.side() == null ? null : r.side().name(),
                r.side() == null ? null : Msg.of(r.side()).text(),
                kind == ViewKind.JRT
                        ? r.models().stream()
                                .sorted()
                                .map(x -> modelName(kind, x))
                                .toList()
                        : List.of(),
                roles,
                mapped);
    }

    private static RoleLine roleLine(Holder h) {
        return new RoleLine(
                h.role(),
                Msg.of(h.role()).text(),
                h.participants().stream()
                        .map(p -> new Org(p.organisation(), p.name()))
                        .toList());
    }

    private static MappedLine mappedLine(MappedDuty d, ResponsibilityMatrix m, Catalog catalog) {
        Requirement req = catalog.requirement(d.duty()).orElseThrow();
        List<PartLine> parts = new ArrayList<>();
        if (d.row() != null) {
            for (Assignment a : d.row().assignments()) {
                parts.add(new PartLine(
                        a.accountable().organisation(),
                        name(m, a.accountable().organisation()),
                        a.accountable().role(),
                        Msg.of(a.accountable().role()).text(),
                        a.implementer(),
                        name(m, a.implementer()),
                        a.depth()));
            }
        }
        String notApplicable = d.row() == null || d.row().applicable()
                ? null
                : d.row().notApplicable().text();
        return new MappedLine(
                d.duty().value(),
                ClauseLabel.text(req),
                text(req),
                d.relationText().text(),
                d.row() != null,
                notApplicable,
                parts);
    }

    private static String heading(Group g, Catalog catalog) {
        if (g.section() != null) {
            Requirement s = catalog.requirement(g.section()).orElseThrow();
            return s.clause() + " " + localised(s.title(), s.titleEn());
        }
        return g.phase() == null
                ? Texts.get("responsibility.view.phase.general")
                : Msg.of(g.phase()).text();
    }

    /** JR/T calls the community cloud 行业云; the other guides use the common names. */
    private static String modelName(ViewKind kind, org.yunjian.catalog.DeploymentModel model) {
        return kind == ViewKind.JRT
                ? Texts.get("responsibility.view.jrtModel." + model.name())
                : Msg.of(model).text();
    }

    private static String text(Requirement r) {
        String zh = r.text() != null ? r.text() : r.title();
        String en = r.textEn() != null ? r.textEn() : r.titleEn();
        return localised(zh, en);
    }

    private static String localised(String zh, String en) {
        return english() && en != null ? en : zh;
    }

    private static boolean english() {
        return "en".equals(Texts.locale().getLanguage());
    }

    private static String name(ResponsibilityMatrix m, UUID org) {
        return m.participant(org).map(Participant::name).orElse("—");
    }
}
