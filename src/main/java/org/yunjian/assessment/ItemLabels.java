package org.yunjian.assessment;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.Standard;
import org.yunjian.shared.Texts;

/**
 * A test item's 安全层面, 控制点 and requirement text in the reader's language, from the catalog (its English
 * titles and texts where it has them; the Chinese as stored otherwise). An 等保 item is grouped under its
 * section and control point; a checklist item under its standard's short name and its top and parent clause.
 */
@Component
public class ItemLabels {

    private final Catalog catalog;

    ItemLabels(Catalog catalog) {
        this.catalog = catalog;
    }

    private static boolean english() {
        return Texts.locale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }

    public Optional<Requirement> requirement(String id) {
        return RequirementId.isWellFormed(id) ? catalog.requirement(RequirementId.of(id)) : Optional.empty();
    }

    public String layer(TestItem i) {
        return layer(i.requirementId(), i.layer());
    }

    public String controlPoint(TestItem i) {
        return controlPoint(i.requirementId(), i.controlPoint());
    }

    /** The layer of a requirement, or {@code stored} (as generated) if the catalog no longer has it. */
    public String layer(String requirementId, String stored) {
        return requirement(requirementId)
                .map(r -> r.mlps() != null
                        ? mlpsLayer(r)
                        : r.id().isImported() ? imported(top(r)) : standard(r) + " " + heading(top(r)))
                .orElse(stored);
    }

    public String controlPoint(String requirementId, String stored) {
        return requirement(requirementId)
                .map(r -> r.mlps() != null
                        ? mlpsControlPoint(r)
                        : r.id().isImported()
                                ? imported(ItemGenerator.importedControl(r, parent(r)))
                                : standard(r) + " " + heading(parent(r)))
                .orElse(stored);
    }

    /** A group of an imported catalog by the catalog's own label and title, without the catalog's title. */
    private String imported(Requirement r) {
        return ItemGenerator.importedHeading(r, english() && r.titleEn() != null ? r.titleEn() : r.title());
    }

    /** The requirement's text (等保: 安全要求 without its marker), or null if the catalog no longer has it. */
    public String text(Requirement r) {
        if (r == null) {
            return null;
        }
        if (english() && r.textEn() != null && !r.textEn().isBlank()) {
            return r.textEn();
        }
        return r.mlps() != null ? r.mlps().requirement() : r.text();
    }

    /**
     * The 整改建议 the item page and the workbook start a finding's recommendation from, for the assessor to edit:
     * the state the catalog's 符合 criteria describe (等保), else the requirement's text; null without a catalog entry.
     */
    public String recommendationDraft(Requirement r) {
        if (r == null) {
            return null;
        }
        if (r.mlps() != null
                && r.mlps().criteria() != null
                && r.mlps().criteria().compliant() != null
                && !(english() && r.textEn() != null && !r.textEn().isBlank())) {
            return Texts.get(
                    "assessment.recommendation.draftCriteria",
                    r.mlps().criteria().compliant());
        }
        String text = text(r);
        return text == null || text.isBlank() ? null : Texts.get("assessment.recommendation.draftRequirement", text);
    }

    public String text(String requirementId) {
        return requirement(requirementId).map(this::text).orElse(null);
    }

    private String mlpsLayer(Requirement r) {
        Requirement top = top(r);
        return english() && top.titleEn() != null ? top.titleEn() : r.mlps().area();
    }

    private String mlpsControlPoint(Requirement r) {
        Requirement p = parent(r);
        return english() && p.titleEn() != null ? p.titleEn() : r.mlps().controlPoint();
    }

    /** A standard's short name: {@code assessment.standard.<code>} for the built-in ones, else its title. */
    private String standard(Requirement r) {
        String key = "assessment.standard." + r.standardCode();
        String name = Texts.get(key);
        if (!name.equals(key)) {
            return name;
        }
        Optional<Standard> s = catalog.standard(r.standardCode());
        return s.map(st -> english() && st.titleEn() != null ? st.titleEn() : st.title())
                .orElse(r.standardCode());
    }

    private String heading(Requirement r) {
        String title = english() && r.titleEn() != null ? r.titleEn() : r.title();
        return title == null ? "§" + r.clause() : r.clause() + " " + title;
    }

    private Requirement parent(Requirement r) {
        return r.parentId().flatMap(catalog::requirement).orElse(r);
    }

    private Requirement top(Requirement r) {
        Requirement top = r;
        while (top.parent() != null) {
            Optional<Requirement> up = catalog.requirement(top.parent());
            if (up.isEmpty()) {
                break;
            }
            top = up.get();
        }
        return top;
    }
}
