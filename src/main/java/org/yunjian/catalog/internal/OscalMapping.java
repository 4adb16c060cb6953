package org.yunjian.catalog.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.MlpsAssessment;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.catalog.Standard;
import org.yunjian.catalog.internal.OscalModel.Catalog;
import org.yunjian.catalog.internal.OscalModel.Control;
import org.yunjian.catalog.internal.OscalModel.Group;
import org.yunjian.catalog.internal.OscalModel.Part;
import org.yunjian.catalog.internal.OscalModel.Prop;
import org.yunjian.shared.Uuids;

/**
 * Standards ↔ OSCAL catalogs. Export: sections and control points become {@code group}s, items
 * {@code control}s (sub-items nested controls), the Chinese text the prose of a control's {@code statement} part
 * or of a group's {@code overview} part,
 * English and the typed attributes {@code prop}s in the Yunjian namespace; UUIDs are name-based (v5)
 * from the standard code. Import: groups become sections, controls items, with ids {@code CODE:oscal-id}.
 */
final class OscalMapping {

    /** Date of the catalog data (formatVersion 1); exports are reproducible, so no wall-clock time. */
    static final String DATA_DATE = "2026-11-21T00:00:00Z";

    private static final UUID NAMESPACE = UUID.fromString("5b1f9c8e-3d55-5a0f-9c3e-2f6f0e6a7d41");
    private static final Pattern PROP_VALUE = Pattern.compile("^\\S(.*\\S)?$");

    private OscalMapping() {}

    /** A version 5 (SHA-1, name-based) UUID, as OSCAL requires version 4 or 5. */
    static UUID uuid5(String name) {
        return Uuids.v5(NAMESPACE, name);
    }

    // ---- export ----

    static Catalog export(Standard s, List<Requirement> requirements) {
        Map<RequirementId, Requirement> byId = new LinkedHashMap<>();
        requirements.forEach(r -> byId.put(r.id(), r));
        List<Prop> props = new ArrayList<>();
        prop(props, "title-en", s.titleEn());
        prop(props, "designation", s.designation());
        prop(props, "source-file", s.sourceFile());
        prop(props, "standard-code", s.code());
        List<Control> controls = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        for (Requirement r : requirements) {
            if (r.parent() == null) {
                if (r.kind() == RequirementKind.ITEM) {
                    controls.add(control(r, byId));
                } else {
                    groups.add(group(r, byId));
                }
            }
        }
        return new Catalog(
                uuid5("catalog:" + s.code()).toString(),
                oneLine(s.title()),
                null,
                DATA_DATE,
                "1",
                OscalModel.OSCAL_VERSION,
                props,
                List.of(),
                controls,
                groups);
    }

    /**
     * A section or control point as a group. OSCAL JSON lets a group hold groups or controls, not both: where a
     * section has items and sub-sections, the sub-sections become controls too (class {@code section}, kind prop).
     */
    private static Group group(Requirement r, Map<RequirementId, Requirement> byId) {
        List<Group> groups = new ArrayList<>();
        List<Control> controls = new ArrayList<>();
        boolean hasItems = r.children().stream().anyMatch(c -> byId.get(c).kind() == RequirementKind.ITEM);
        for (RequirementId c : r.children()) {
            Requirement child = byId.get(c);
            if (hasItems) {
                controls.add(control(child, byId));
            } else {
                groups.add(group(child, byId));
            }
        }
        return new Group(
                r.id().value(),
                r.kind() == RequirementKind.CONTROL_POINT ? "control-point" : "section",
                title(r),
                List.of(),
                props(r),
                parts(r, "overview"),
                groups,
                controls);
    }

    private static Control control(Requirement r, Map<RequirementId, Requirement> byId) {
        List<Control> controls = new ArrayList<>();
        for (RequirementId c : r.children()) {
            controls.add(control(byId.get(c), byId));
        }
        return new Control(
                r.id().value(),
                r.kind() == RequirementKind.ITEM
                        ? "item"
                        : r.kind() == RequirementKind.CONTROL_POINT ? "control-point" : "section",
                title(r),
                List.of(),
                props(r),
                parts(r, "statement"),
                controls);
    }

    private static String title(Requirement r) {
        if (r.title() != null && !r.title().isBlank()) {
            return oneLine(r.title());
        }
        String label = r.clause()
                + (r.sourceLabel() == null ? (r.item() == null ? "" : " " + r.item()) : " " + r.sourceLabel());
        return oneLine(label);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    private static List<Prop> props(Requirement r) {
        List<Prop> p = new ArrayList<>();
        prop(p, "kind", r.kind().name());
        prop(p, "clause", r.clause());
        prop(p, "item", r.item());
        prop(p, "source-label", r.sourceLabel());
        if (r.numberingReconstructed()) {
            prop(p, "numbering-reconstructed", "true");
        }
        if (r.title() != null) {
            prop(p, "title", r.title());
        }
        prop(p, "title-en", r.titleEn());
        prop(p, "title-source", r.titleSource());
        prop(p, "text-en", r.textEn());
        prop(p, "phase-in-standard", r.phaseInStandard());
        r.phases().stream().sorted().forEach(x -> prop(p, "phase", x.name()));
        r.roles().stream().sorted().forEach(x -> prop(p, "role", x.name()));
        prop(p, "layer", r.layer() == null ? null : r.layer().name());
        r.deploymentModels().stream().sorted().forEach(x -> prop(p, "deployment-model", x.name()));
        if (r.bold()) {
            prop(p, "bold", "true");
        }
        if (r.boldMarkingUnknown()) { // JR/T: the source's bold marking (line 73) is not known to the platform
            prop(p, "bold-marking", "unknown");
        }
        if (r.derivedFromLeadIn()) {
            prop(p, "derived-from-lead-in", "true");
        }
        if (r.nature() != org.yunjian.catalog.ItemNature.DUTY) {
            prop(p, "nature", r.nature().name());
        }
        prop(p, "source-line", r.sourceLine() == null ? null : r.sourceLine().toString());
        if (r.mlps() != null) {
            prop(p, "mlps-area", r.mlps().area());
            prop(p, "mlps-control-point", r.mlps().controlPoint());
            prop(
                    p,
                    "mlps-assessed-side",
                    r.mlps().assessedSide() == null
                            ? null
                            : r.mlps().assessedSide().name());
            prop(
                    p,
                    "mlps-level",
                    r.mlps().level() == null ? null : r.mlps().level().toString());
        }
        return p;
    }

    /** Adds a Yunjian prop when {@code value} fits OSCAL's single-line string; multi-line values go to parts. */
    private static void prop(List<Prop> props, String name, String value) {
        if (value != null && PROP_VALUE.matcher(value).matches()) {
            props.add(Prop.yunjian(name, value));
        }
    }

    /**
     * The parts of a group ({@code textPart} {@code overview}: OSCAL allows a group only {@code overview} and
     * {@code instruction} parts) or of a control ({@code statement}: OSCAL requires one in every control that is not
     * withdrawn). A section or control point written as a control because its parent also holds items has no text of
     * its own; its statement is then empty, its requirements being its child controls.
     */
    private static List<Part> parts(Requirement r, String textPart) {
        String id = r.id().value();
        List<Part> parts = new ArrayList<>();
        if (r.text() != null) {
            parts.add(new Part(
                    id + ("statement".equals(textPart) ? "_smt" : "_ovw"),
                    textPart,
                    null,
                    null,
                    List.of(),
                    r.text(),
                    List.of()));
        } else if ("statement".equals(textPart)) {
            parts.add(new Part(id + "_smt", textPart, null, null, List.of(), null, List.of()));
        }
        longText(parts, id, "title", r.title());
        longText(parts, id, "text-en", r.textEn());
        int n = 0;
        for (Requirement.Note note : r.notes()) {
            List<Prop> props = new ArrayList<>();
            prop(props, "text-en", note.textEn());
            parts.add(new Part(id + "_note." + (++n), "note", OscalModel.NS, null, props, note.text(), List.of()));
        }
        for (Requirement.Footnote f : r.footnotes()) {
            List<Prop> props = new ArrayList<>();
            prop(props, "mark", f.mark());
            parts.add(new Part(id + "_fn." + (++n), "footnote", OscalModel.NS, null, props, f.text(), List.of()));
        }
        MlpsAssessment m = r.mlps();
        if (m != null) {
            mlpsPart(parts, id + "_interpretation", "mlps-interpretation", m.interpretation(), List.of());
            if (m.testMethod() != null) {
                List<Part> steps = new ArrayList<>();
                for (MlpsAssessment.TestStep step : m.testMethod().steps()) {
                    List<Prop> props = new ArrayList<>();
                    prop(
                            props,
                            "number",
                            step.number() == null ? null : step.number().toString());
                    step.types().stream().sorted().forEach(t -> prop(props, "step-type", t.name()));
                    steps.add(new Part(
                            id + "_method.step." + (steps.size() + 1),
                            "mlps-test-step",
                            OscalModel.NS,
                            null,
                            props,
                            step.text(),
                            List.of()));
                }
                parts.add(new Part(
                        id + "_method",
                        "mlps-test-method",
                        OscalModel.NS,
                        null,
                        List.of(),
                        m.testMethod().text(),
                        steps));
            }
            mlpsPart(parts, id + "_evidence", "mlps-expected-evidence", m.expectedEvidence(), List.of());
            if (m.criteria() != null) {
                criterion(parts, id, "compliant", m.criteria().compliant());
                criterion(parts, id, "partially-compliant", m.criteria().partiallyCompliant());
                criterion(parts, id, "non-compliant", m.criteria().nonCompliant());
            }
        }
        return parts;
    }

    private static void longText(List<Part> parts, String id, String name, String value) {
        if (value != null && !PROP_VALUE.matcher(value).matches()) {
            parts.add(new Part(id + "_" + name, name, OscalModel.NS, null, List.of(), value, List.of()));
        }
    }

    private static void mlpsPart(List<Part> parts, String id, String name, String prose, List<Prop> props) {
        if (prose != null) {
            parts.add(new Part(id, name, OscalModel.NS, null, props, prose, List.of()));
        }
    }

    private static void criterion(List<Part> parts, String id, String level, String prose) {
        if (prose != null) {
            parts.add(new Part(
                    id + "_criterion." + level,
                    "mlps-criterion",
                    OscalModel.NS,
                    null,
                    List.of(Prop.yunjian("level", level)),
                    prose,
                    List.of()));
        }
    }

    // ---- import ----

    /** An OSCAL catalog turned into a standard of the catalog, with the document kept for export. */
    record Imported(Standard standard, List<Requirement> requirements, Catalog oscal) {}

    /**
     * Maps a validated OSCAL catalog to requirements of standard {@code code}: groups become sections (or
     * control points), controls items. Yunjian props give back the typed attributes.
     *
     * @throws CatalogFileException for Yunjian props with values Yunjian does not know, or duplicate ids
     */
    static Imported toStandard(String code, String file, Catalog c) {
        Standard standard = new Standard(
                code,
                c.title(),
                yunjian(c.props(), "title-en", c.title()),
                yunjian(c.props(), "designation", c.version() == null ? "OSCAL " + c.uuid() : c.version()),
                file,
                List.of(),
                List.of(),
                "OSCAL " + c.oscalVersion() + " · " + c.uuid() + " · " + c.lastModified());
        List<Requirement> out = new ArrayList<>();
        Map<RequirementId, List<RequirementId>> children = new LinkedHashMap<>();
        OscalParams params = OscalParams.of(c);
        for (Control k : c.controls()) {
            control(code, file, k, null, out, children, "/catalog/controls", params);
        }
        for (Group g : c.groups()) {
            group(code, file, g, null, out, children, "/catalog/groups", params);
        }
        List<Requirement> linked = new ArrayList<>();
        Set<RequirementId> seen = new java.util.HashSet<>();
        for (Requirement r : out) {
            if (!seen.add(r.id())) {
                throw new CatalogFileException(file, 0, r.id().clause(), "oscalIdTwice");
            }
            linked.add(withChildren(r, children.getOrDefault(r.id(), List.of())));
        }
        return new Imported(standard, List.copyOf(linked), c);
    }

    private static void group(
            String code,
            String file,
            Group g,
            RequirementId parent,
            List<Requirement> out,
            Map<RequirementId, List<RequirementId>> children,
            String path,
            OscalParams params) {
        RequirementId id = RequirementId.imported(code, g.id());
        RequirementKind kind = "CONTROL_POINT".equals(yunjian(g.props(), "kind", null))
                ? RequirementKind.CONTROL_POINT
                : RequirementKind.SECTION;
        out.add(requirement(
                id,
                code,
                kind,
                parent,
                g.title(),
                g.props(),
                g.parts(),
                file,
                path + "(@id=" + g.id() + ")",
                params,
                true));
        link(children, parent, id);
        for (Control k : g.controls()) {
            control(code, file, k, id, out, children, path + "/controls", params);
        }
        for (Group sub : g.groups()) {
            group(code, file, sub, id, out, children, path + "/groups", params);
        }
    }

    private static void control(
            String code,
            String file,
            Control k,
            RequirementId parent,
            List<Requirement> out,
            Map<RequirementId, List<RequirementId>> children,
            String path,
            OscalParams params) {
        RequirementId id = RequirementId.imported(code, k.id());
        String kindProp = yunjian(k.props(), "kind", "ITEM");
        RequirementKind kind = kindProp.equals("SECTION")
                ? RequirementKind.SECTION
                : kindProp.equals("CONTROL_POINT") ? RequirementKind.CONTROL_POINT : RequirementKind.ITEM;
        out.add(requirement(
                id,
                code,
                kind,
                parent,
                k.title(),
                k.props(),
                k.parts(),
                file,
                path + "(@id=" + k.id() + ")",
                params,
                false));
        link(children, parent, id);
        for (Control sub : k.controls()) {
            control(code, file, sub, id, out, children, path + "/controls", params);
        }
    }

    private static void link(Map<RequirementId, List<RequirementId>> children, RequirementId parent, RequirementId id) {
        if (parent != null) {
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
        }
    }

    private static Requirement requirement(
            RequirementId id,
            String code,
            RequirementKind kind,
            RequirementId parent,
            String title,
            List<Prop> props,
            List<Part> parts,
            String file,
            String path,
            OscalParams params,
            boolean group) {
        String text = null;
        List<Requirement.Note> notes = new ArrayList<>();
        title = params.render(title);
        for (Part p : parts) {
            // a group's text is its overview (exports before issue 60 wrote a statement, which OSCAL allows controls
            // only)
            if (p.ns() == null && ("statement".equals(p.name()) || group && "overview".equals(p.name()))) {
                text = params.render(flatten(p));
            } else if (p.ns() == null || "note".equals(p.name()) && OscalModel.NS.equals(p.ns())) {
                String t = params.render(flatten(p));
                if (t != null && !t.isBlank()) {
                    notes.add(new Requirement.Note(t, yunjian(p.props(), "text-en", null)));
                }
            }
        }
        String textEn = yunjian(props, "text-en", longPart(parts, "text-en"));
        boolean fromYunjian = props.stream().anyMatch(p -> p.isYunjian("kind"));
        String longTitle = longPart(parts, "title");
        String ownTitle = yunjian(props, "title", longTitle != null ? longTitle : fromYunjian ? null : title);
        String clause = yunjian(props, "clause", label(props, id.clause()));
        return new Requirement(
                id,
                code,
                kind,
                clause,
                yunjian(props, "item", null),
                yunjian(props, "source-label", null),
                "true".equals(yunjian(props, "numbering-reconstructed", null)),
                parent,
                List.of(),
                ownTitle,
                yunjian(props, "title-en", null),
                yunjian(props, "title-source", null),
                text,
                textEn,
                yunjian(props, "phase-in-standard", null),
                enums(Phase.class, props, "phase", file, path),
                enums(PartyRole.class, props, "role", file, path),
                enums(Layer.class, props, "layer", file, path).stream()
                        .findFirst()
                        .orElse(null),
                deploymentModels(props, file, path),
                "true".equals(yunjian(props, "bold", null)),
                "true".equals(yunjian(props, "derived-from-lead-in", null)),
                null,
                mlps(props, parts, text, file, path),
                null,
                List.of(),
                List.of(),
                notes,
                List.of(),
                null,
                null,
                nature(yunjian(props, "nature", null), file, path));
    }

    /**
     * The 等保 attributes written by {@link #parts} and {@link #props} (an exported 等保 standard, or an item table
     * imported from XLSX/CSV by {@link ItemTable}), or null when the control carries no {@code mlps-area} prop.
     */
    private static MlpsAssessment mlps(List<Prop> props, List<Part> parts, String text, String file, String path) {
        String area = yunjian(props, "mlps-area", null);
        if (area == null) {
            return null;
        }
        String side = yunjian(props, "mlps-assessed-side", null);
        String level = yunjian(props, "mlps-level", null);
        MlpsAssessment.TestMethod method = null;
        String compliant = null;
        String partially = null;
        String non = null;
        for (Part p : parts) {
            if (!OscalModel.NS.equals(p.ns())) {
                continue;
            }
            if ("mlps-test-method".equals(p.name())) {
                List<MlpsAssessment.TestStep> steps = new ArrayList<>();
                for (Part step : p.parts()) {
                    String n = yunjian(step.props(), "number", null);
                    steps.add(new MlpsAssessment.TestStep(
                            n == null ? null : Integer.valueOf(n),
                            step.prose(),
                            enums(org.yunjian.catalog.TestStepType.class, step.props(), "step-type", file, path)));
                }
                method = new MlpsAssessment.TestMethod(p.prose(), steps);
            } else if ("mlps-criterion".equals(p.name())) {
                switch (yunjian(p.props(), "level", "")) {
                    case "compliant" -> compliant = p.prose();
                    case "partially-compliant" -> partially = p.prose();
                    case "non-compliant" -> non = p.prose();
                    default -> {}
                }
            }
        }
        try {
            return new MlpsAssessment(
                    area,
                    yunjian(props, "mlps-control-point", null),
                    false,
                    text,
                    longPart(parts, "mlps-interpretation"),
                    method,
                    longPart(parts, "mlps-expected-evidence"),
                    compliant == null && partially == null && non == null
                            ? null
                            : new MlpsAssessment.Criteria(compliant, partially, non),
                    side == null ? null : org.yunjian.catalog.AssessedSide.valueOf(side),
                    level == null ? null : Integer.valueOf(level));
        } catch (IllegalArgumentException e) {
            throw new CatalogFileException(file, 0, path + "/props", "unknownProp", "mlps", side + " / " + level);
        }
    }

    private static Requirement withChildren(Requirement r, List<RequirementId> children) {
        return new Requirement(
                r.id(),
                r.standardCode(),
                r.kind(),
                r.clause(),
                r.item(),
                r.sourceLabel(),
                r.numberingReconstructed(),
                r.parent(),
                children,
                r.title(),
                r.titleEn(),
                r.titleSource(),
                r.text(),
                r.textEn(),
                r.phaseInStandard(),
                r.phases(),
                r.roles(),
                r.layer(),
                r.deploymentModels(),
                r.bold(),
                r.derivedFromLeadIn(),
                r.sourceLine(),
                r.mlps(),
                r.exitInventory(),
                r.corrections(),
                r.footnotes(),
                r.notes(),
                r.allocationRules(),
                r.roleDetermination(),
                r.incident(),
                r.nature());
    }

    private static org.yunjian.catalog.ItemNature nature(String value, String file, String path) {
        if (value == null) {
            return org.yunjian.catalog.ItemNature.DUTY;
        }
        try {
            return org.yunjian.catalog.ItemNature.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new CatalogFileException(file, 0, path + "/props", "unknownProp", "nature", value);
        }
    }

    private static String longPart(List<Part> parts, String name) {
        return parts.stream()
                .filter(p -> OscalModel.NS.equals(p.ns()) && name.equals(p.name()))
                .map(Part::prose)
                .findFirst()
                .orElse(null);
    }

    /**
     * The OSCAL {@code label} prop (e.g. NIST's AC-1), preferring one without a class (NIST adds SP 800-53A's
     * {@code AC-01} with class {@code sp800-53a}), else {@code fallback}.
     */
    private static String label(List<Prop> props, String fallback) {
        List<Prop> labels = props.stream()
                .filter(p -> p.ns() == null && "label".equals(p.name()))
                .toList();
        return labels.stream()
                .filter(p -> p.clazz() == null)
                .map(Prop::value)
                .findFirst()
                .orElse(labels.stream().map(Prop::value).findFirst().orElse(fallback));
    }

    private static String yunjian(List<Prop> props, String name, String fallback) {
        return props.stream()
                .filter(p -> p.isYunjian(name))
                .map(Prop::value)
                .findFirst()
                .orElse(fallback);
    }

    /** The models a requirement is restricted to: a model that restricts nothing (hybrid) is no such value. */
    private static Set<DeploymentModel> deploymentModels(List<Prop> props, String file, String path) {
        Set<DeploymentModel> out = enums(DeploymentModel.class, props, "deployment-model", file, path);
        for (DeploymentModel m : out) {
            if (!m.restrictsRequirements()) {
                throw new CatalogFileException(
                        file, 0, path + "/props(deployment-model)", "unknownProp", "deployment-model", m.name());
            }
        }
        return out;
    }

    private static <E extends Enum<E>> Set<E> enums(
            Class<E> type, List<Prop> props, String name, String file, String path) {
        Set<E> out = EnumSet.noneOf(type);
        for (Prop p : props) {
            if (p.isYunjian(name)) {
                try {
                    out.add(Enum.valueOf(type, p.value()));
                } catch (IllegalArgumentException e) {
                    throw new CatalogFileException(
                            file, 0, path + "/props(" + name + ")", "unknownProp", name, p.value());
                }
            }
        }
        return out;
    }

    /** A part's prose with its sub-parts (labelled as in the source), one per line. */
    static String flatten(Part p) {
        StringBuilder sb = new StringBuilder();
        flatten(p, sb);
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static void flatten(Part p, StringBuilder sb) {
        String label = p.props().stream()
                .filter(x -> x.ns() == null && "label".equals(x.name()))
                .map(Prop::value)
                .findFirst()
                .orElse(null);
        if (p.prose() != null || label != null) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            if (label != null) {
                sb.append(label).append(' ');
            }
            if (p.prose() != null) {
                sb.append(p.prose().strip());
            }
        }
        p.parts().forEach(x -> flatten(x, sb));
    }
}
