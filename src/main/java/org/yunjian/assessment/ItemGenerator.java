package org.yunjian.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.MlpsAssessment;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.CloudSystem;
import org.yunjian.shared.FieldErrors;

/**
 * Generates the test items of an assessment from its scope. An 等保 item becomes one test item per side the
 * guide assesses it on (云计算平台 → {@link ItemSide#CLOUD_PLATFORM}, 云服务客户系统 →
 * {@link ItemSide#CUSTOMER_SYSTEM}, both → two items); its test-method steps (访谈 / 核查 / 测试) are the
 * checklist of that test item. A checklist item of another standard becomes one {@link ItemSide#WHOLE_SYSTEM}
 * item.
 *
 * <p>Scope selections: {@code MLPS-L3}; {@code JRT-SF} (items for the system's deployment model; a hybrid
 * cloud takes the private and the public items); {@code GOVWEB:<PHASE>} (the government-website guide's
 * items of one lifecycle phase); {@code GBT31167} (GB/T 31167 §9, exit); {@code CATALOG:<code>} (an imported OSCAL
 * catalog: one {@link ItemSide#WHOLE_SYSTEM} item per control that states a requirement, see
 * {@link Catalog#assessableItems(String)}).
 */
@Component
public class ItemGenerator {

    public static final String MLPS = "MLPS-L3";
    public static final String JRT = "JRT-SF";
    public static final String GOVWEB = "GOVWEB";
    public static final String EXIT = "GBT31167";

    /** All selections, in the order the form offers them. */
    public static final List<String> SELECTIONS = List.of(
            MLPS,
            JRT,
            GOVWEB + ":" + Phase.PLANNING,
            GOVWEB + ":" + Phase.ACQUISITION_MIGRATION,
            GOVWEB + ":" + Phase.OPERATION,
            GOVWEB + ":" + Phase.EXIT,
            EXIT);

    private final Catalog catalog;

    public ItemGenerator(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A generated item before it is stored. */
    public record Generated(String requirementId, ItemSide side, String layer, String controlPoint) {}

    /** Prefix of a selection naming an imported catalog: {@code CATALOG:NIST-SP-800-53-REV5-HIGH}. */
    public static final String IMPORTED = "CATALOG:";

    /**
     * A built-in selection, or {@code CATALOG:<code>} with a well-formed code (whether that catalog is imported is
     * checked when the items are generated).
     */
    public static boolean isSelection(String s) {
        return SELECTIONS.contains(s)
                || s != null
                        && s.startsWith(IMPORTED)
                        && RequirementId.isValidStandardCode(s.substring(IMPORTED.length()));
    }

    /** The imported catalogs an assessment can be scoped to, as selections ({@code CATALOG:<code>}) with their titles. */
    public Map<String, String> importedSelections() {
        Map<String, String> out = new LinkedHashMap<>();
        catalog.importedStandards().forEach(s -> out.put(IMPORTED + s.code(), s.title()));
        return out;
    }

    /**
     * The titles (in {@code english} or Chinese) of the imported catalogs of a scope that has no 等保 part — only
     * imported catalogs, none of them a 等保 item table; empty otherwise (a 等保 report).
     */
    public List<String> genericCatalogs(List<String> scope, boolean english) {
        if (scope.isEmpty() || !scope.stream().allMatch(s -> s.startsWith(IMPORTED)) || hasItemTable(scope)) {
            return List.of();
        }
        return scope.stream()
                .map(s -> catalog.standard(s.substring(IMPORTED.length()))
                        .map(st -> english && st.titleEn() != null ? st.titleEn() : st.title())
                        .orElse(s.substring(IMPORTED.length())))
                .toList();
    }

    /** Whether the scope holds an imported 等保 item table (通用要求). */
    public boolean hasItemTable(List<String> scope) {
        return scope.stream()
                .filter(s -> s.startsWith(IMPORTED))
                .anyMatch(s -> catalog.assessableItems(s.substring(IMPORTED.length())).stream()
                        .anyMatch(r -> r.mlps() != null));
    }

    public List<Generated> generate(CloudSystem system, List<String> scope) {
        Set<String> sel = new LinkedHashSet<>(scope);
        List<Generated> out = new ArrayList<>();
        for (String s : SELECTIONS) {
            if (!sel.contains(s)) {
                continue;
            }
            if (s.equals(MLPS)) {
                for (Requirement r : catalog.find(RequirementFilter.items().standard(MLPS))) {
                    MlpsAssessment m = r.mlps();
                    switch (m.assessedSide()) {
                        case CLOUD_PLATFORM -> out.add(mlps(r, ItemSide.CLOUD_PLATFORM));
                        case CUSTOMER_SYSTEM -> out.add(mlps(r, ItemSide.CUSTOMER_SYSTEM));
                        case BOTH -> {
                            out.add(mlps(r, ItemSide.CLOUD_PLATFORM));
                            out.add(mlps(r, ItemSide.CUSTOMER_SYSTEM));
                        }
                    }
                }
            } else if (s.equals(JRT)) {
                for (Requirement r : catalog.find(RequirementFilter.items().standard(JRT))) {
                    if (r.isDuty() && appliesTo(r, system.deploymentModel())) {
                        out.add(checklist(r));
                    }
                }
            } else if (s.equals(EXIT)) {
                catalog.find(RequirementFilter.items().standard(EXIT)).stream()
                        .filter(Requirement::isDuty)
                        .forEach(r -> out.add(checklist(r)));
            } else {
                Phase phase = Phase.valueOf(s.substring(GOVWEB.length() + 1));
                catalog.find(RequirementFilter.items().standard(GOVWEB).phase(phase)).stream()
                        .filter(Requirement::isDuty)
                        .forEach(r -> out.add(checklist(r)));
            }
        }
        List<Generated> general = new ArrayList<>();
        for (String s : sel) {
            if (s.startsWith(IMPORTED)) {
                List<Requirement> items = catalog.assessableItems(s.substring(IMPORTED.length()));
                if (items.isEmpty()) {
                    throw new FieldErrors.ValidationException("scope", "assessment.error.scope.unknown", s);
                }
                if (items.stream().anyMatch(r -> r.mlps() != null)) {
                    general.addAll(itemTable(s, items, system.protectionLevel()));
                } else {
                    items.forEach(r -> out.add(checklist(r)));
                }
            }
        }
        return general.isEmpty() ? out : inTemplateOrder(general, out);
    }

    /**
     * The items of an imported 等保 item table ({@code 通用要求}) for a system of {@code level}: the rows of that
     * level (rows without a level always), one test item per assessed side as for the built-in extension.
     */
    private static List<Generated> itemTable(String selection, List<Requirement> items, int level) {
        List<Generated> out = new ArrayList<>();
        for (Requirement r : items) {
            if (r.mlps() == null || r.mlps().level() != null && r.mlps().level() != level) {
                continue;
            }
            sides(r, out);
        }
        if (out.isEmpty()) {
            throw new FieldErrors.ValidationException(
                    "scope",
                    "assessment.error.scope.noLevel",
                    selection,
                    org.yunjian.shared.Msg.of("report.level." + level));
        }
        return out;
    }

    private static void sides(Requirement r, List<Generated> out) {
        switch (r.mlps().assessedSide() == null
                ? org.yunjian.catalog.AssessedSide.CUSTOMER_SYSTEM
                : r.mlps().assessedSide()) {
            case CLOUD_PLATFORM -> out.add(mlps(r, ItemSide.CLOUD_PLATFORM));
            case CUSTOMER_SYSTEM -> out.add(mlps(r, ItemSide.CUSTOMER_SYSTEM));
            case BOTH -> {
                out.add(mlps(r, ItemSide.CLOUD_PLATFORM));
                out.add(mlps(r, ItemSide.CUSTOMER_SYSTEM));
            }
        }
    }

    /**
     * One 等保 assessment of 通用要求 and extension: the 等保 items ordered by the report template's 安全层面
     * ({@link MlpsAssessment#templateLayers()}), in each layer the imported 通用要求 before the built-in cloud extension (as the template
     * prints them); the items of other standards after them, as generated.
     */
    static List<Generated> inTemplateOrder(List<Generated> general, List<Generated> others) {
        List<Generated> mlps = new ArrayList<>(general);
        List<Generated> rest = new ArrayList<>();
        for (Generated g : others) {
            (g.side() == ItemSide.WHOLE_SYSTEM ? rest : mlps).add(g);
        }
        List<Generated> sorted = new ArrayList<>(mlps);
        List<String> layers = MlpsAssessment.templateLayers();
        sorted.sort(java.util.Comparator.comparingInt(g -> layerIndex(layers, g.layer())));
        sorted.addAll(rest);
        return sorted;
    }

    private static int layerIndex(List<String> layers, String layer) {
        int i = layers.indexOf(layer);
        return i < 0 ? layers.size() : i;
    }

    /** A hybrid system is assessed on what applies to its private or its public part. */
    static boolean appliesTo(Requirement r, DeploymentModel model) {
        return model == DeploymentModel.HYBRID
                ? r.appliesTo(DeploymentModel.PRIVATE) || r.appliesTo(DeploymentModel.PUBLIC)
                : r.appliesTo(model);
    }

    private static Generated mlps(Requirement r, ItemSide side) {
        return new Generated(r.id().value(), side, r.mlps().area(), r.mlps().controlPoint());
    }

    private Generated checklist(Requirement r) {
        String std = catalog.standard(r.standardCode()).map(st -> st.code()).orElse(r.standardCode());
        Requirement parent = r.parentId().flatMap(catalog::requirement).orElse(r);
        Requirement top = r;
        while (top.parent() != null) {
            top = catalog.requirement(top.parent()).orElseThrow();
        }
        if (r.id().isImported()) { // an imported catalog's own group names, without its title
            return new Generated(
                    r.id().value(),
                    ItemSide.WHOLE_SYSTEM,
                    cut(importedHeading(top)),
                    cut(importedHeading(importedControl(r, parent))));
        }
        return new Generated(
                r.id().value(), ItemSide.WHOLE_SYSTEM, cut(std + " " + heading(top)), cut(std + " " + heading(parent)));
    }

    /**
     * The control an imported item is grouped under: its base control for an enhancement (NIST's ac-2.1 under
     * AC-2), itself when it sits directly in a group (AC-7 is its own control point, not its family again).
     */
    public static Requirement importedControl(Requirement r, Requirement parent) {
        return parent != r && parent.kind() == org.yunjian.catalog.RequirementKind.ITEM ? parent : r;
    }

    /**
     * A group or control of an imported catalog as the catalog names it: its label and title ({@code AC-2 Account
     * Management}), the title alone where the catalog gives no label (NIST's families: {@code Access Control}).
     */
    public static String importedHeading(Requirement r) {
        return importedHeading(r, r.title());
    }

    public static String importedHeading(Requirement r, String title) {
        if (title == null || title.isBlank()) {
            return r.clause();
        }
        boolean labelled = r.clause() != null && !r.clause().equals(r.id().clause());
        return labelled ? r.clause() + " " + title : title;
    }

    /** Layer and control point columns hold 200 characters; an imported catalog's headings may be longer. */
    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    private static String heading(Requirement r) {
        return r.title() == null ? "§" + r.clause() : r.clause() + " " + r.title();
    }

    public java.util.Optional<Requirement> requirement(String id) {
        return RequirementId.isWellFormed(id) ? catalog.requirement(RequirementId.of(id)) : java.util.Optional.empty();
    }
}
