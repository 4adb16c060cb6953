package org.yunjian.responsibility.internal.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.ControlMap;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.ProviderPackages;
import org.yunjian.responsibility.internal.exchange.SspTree.Node;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * What an OSCAL system security plan of any catalog says, read for a customer who leverages it (issue 60): each
 * implemented requirement with what its components provide, leave to the customer, inherit or satisfy, and the Chinese
 * duties and items it lands on. A control id of Yunjian's catalog (a T/CCIA 004 duty of Yunjian's own package) lands on
 * itself; a NIST SP 800-53 control on the items {@link ForeignControls} maps it to, with the relationship and its
 * rationale; a control no map names is listed as unmapped, never dropped. Reading changes nothing.
 */
public final class PackageReading {

    /** The T/CCIA 004 duties are the matrix's rows; every other item is an assessment's. */
    public static final String DUTIES = "TCCIA004";

    private PackageReading() {}

    /** What the plan is, by what its by-components carry. */
    public enum PlanKind {
        /** A provider's leveraged-authorization package: {@code export} with {@code provided} / {@code responsibility}. */
        LEVERAGED,
        /** A customer's plan that inherits: {@code inherited} / {@code satisfied}. */
        LEVERAGING,
        /** A plan that states its own implementation only. */
        PLAN
    }

    /** What one statement of a by-component says. */
    public enum StatementKind {
        PROVIDED,
        RESPONSIBILITY,
        INHERITED,
        SATISFIED,
        IMPLEMENTED
    }

    /** A statement of one component for a control: its kind, the component's title, the text and the roles named. */
    public record Statement(StatementKind kind, String component, String text, List<String> roles) {}

    /**
     * A Chinese duty or item a control lands on.
     *
     * @param relationship how the control relates to it (OSCAL 1.2 token), or null where the control is the item
     * @param rationale    why, in the reader's language; null where the control is the item
     */
    public record Target(RequirementId item, String label, boolean duty, String relationship, String rationale) {}

    /** One implemented requirement: its control, what it says, where it lands (empty = unmapped). */
    public record Implementation(String controlId, List<Statement> statements, List<Target> targets) {
        public boolean mapped() {
            return !targets.isEmpty();
        }

        /** Who carries the control under the plan, by what its components say; null where it states its own only. */
        public ProviderPackages.Carrier carrier() {
            boolean inherited = statements.stream()
                    .anyMatch(s -> s.kind() == StatementKind.PROVIDED || s.kind() == StatementKind.INHERITED);
            boolean customer = statements.stream()
                    .anyMatch(s -> s.kind() == StatementKind.RESPONSIBILITY || s.kind() == StatementKind.SATISFIED);
            return inherited && customer
                    ? ProviderPackages.Carrier.SHARED
                    : inherited
                            ? ProviderPackages.Carrier.INHERITED
                            : customer ? ProviderPackages.Carrier.CUSTOMER : null;
        }
    }

    /** The whole reading. */
    public record Reading(String title, PlanKind kind, List<Implementation> implementations) {

        public List<Implementation> unmapped() {
            return implementations.stream().filter(i -> !i.mapped()).toList();
        }

        public List<Implementation> mapped() {
            return implementations.stream().filter(Implementation::mapped).toList();
        }
    }

    /** Reads a schema-valid plan (texts of the targets in the current language). */
    static Reading read(Node ssp, Catalog catalog, ForeignControls foreign) {
        String title = ssp.first("metadata").map(m -> m.text("title")).orElse("");
        Map<String, String> components = new LinkedHashMap<>();
        ssp.first("system-implementation").ifPresent(si -> si.all("component")
                .forEach(c -> components.put(c.flags.get("uuid"), SspWriter.line(c.text("title")))));
        List<Implementation> out = new ArrayList<>();
        boolean exports = false;
        boolean inherits = false;
        Optional<Node> ci = ssp.first("control-implementation");
        for (Node ir : ci.map(c -> c.all("implemented-requirement")).orElse(List.of())) {
            List<Statement> statements = new ArrayList<>();
            List<Node> byComponents = new ArrayList<>(ir.all("by-component"));
            ir.all("statement").forEach(s -> byComponents.addAll(s.all("by-component")));
            for (Node bc : byComponents) {
                String component = components.getOrDefault(bc.flags.get("component-uuid"), "");
                Optional<Node> export = bc.first("export");
                for (Node p : export.map(e -> e.all("provided")).orElse(List.of())) {
                    statements.add(statement(StatementKind.PROVIDED, component, p));
                }
                for (Node r : export.map(e -> e.all("responsibility")).orElse(List.of())) {
                    statements.add(statement(StatementKind.RESPONSIBILITY, component, r));
                }
                exports |= export.isPresent();
                for (Node i : bc.all("inherited")) {
                    statements.add(statement(StatementKind.INHERITED, component, i));
                    inherits = true;
                }
                for (Node s : bc.all("satisfied")) {
                    statements.add(statement(StatementKind.SATISFIED, component, s));
                    inherits = true;
                }
                if (export.isEmpty()
                        && bc.all("inherited").isEmpty()
                        && bc.all("satisfied").isEmpty()) {
                    statements.add(statement(StatementKind.IMPLEMENTED, component, bc));
                }
            }
            String controlId = ir.flags.getOrDefault("control-id", "");
            out.add(new Implementation(controlId, List.copyOf(statements), targets(controlId, catalog, foreign)));
        }
        PlanKind kind = exports ? PlanKind.LEVERAGED : inherits ? PlanKind.LEVERAGING : PlanKind.PLAN;
        return new Reading(SspWriter.line(title), kind, List.copyOf(out));
    }

    private static Statement statement(StatementKind kind, String component, Node n) {
        List<String> roles = n.all("responsible-role").stream()
                .map(r -> r.flags.get("role-id"))
                .toList();
        String text = n.text("description");
        return new Statement(kind, component, text == null ? "" : text.strip(), roles);
    }

    /** Where a control lands: itself where it is an item of Yunjian's catalog, else the crosswalk's maps. */
    static List<Target> targets(String controlId, Catalog catalog, ForeignControls foreign) {
        if (RequirementId.isWellFormed(controlId)) {
            Optional<Requirement> own = catalog.requirement(RequirementId.of(controlId));
            if (own.isPresent()) {
                return List.of(target(own.get(), null, null));
            }
        }
        Locale locale = Texts.locale();
        List<Target> out = new ArrayList<>();
        for (ControlMap m : foreign.mapsOf(controlId)) {
            catalog.requirement(m.item())
                    .ifPresent(r -> out.add(target(r, m.relationship().oscal(), m.rationale(locale))));
        }
        return List.copyOf(out);
    }

    private static Target target(Requirement r, String relationship, String rationale) {
        boolean en = "en".equals(Texts.locale().getLanguage());
        String title = en && r.titleEn() != null ? r.titleEn() : r.title();
        Msg label = ClauseLabel.cited(r);
        return new Target(
                r.id(),
                title == null || title.isBlank() ? label.text() : label.text() + " " + title,
                DUTIES.equals(r.standardCode()),
                relationship,
                rationale);
    }
}
