package org.yunjian.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ControlMap;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.Standard;
import org.yunjian.catalog.UnmappedItem;
import org.yunjian.shared.Texts;

/**
 * The crosswalk from NIST SP 800-53 rev 5 to the Chinese items for any signed-in user: for each standard it reaches,
 * every item with its controls (relationship in words, confidence, rationale, gap) and the items no control meets,
 * with the download of the OSCAL 1.2 mapping collection.
 */
@Controller
class CrosswalkPageController {

    private final Catalog catalog;
    private final ForeignControls controls;

    CrosswalkPageController(Catalog catalog, ForeignControls controls) {
        this.catalog = catalog;
        this.controls = controls;
    }

    /** One item of the page: the requirement, its maps (may be none) and, when no control meets it, the reason. */
    record ItemRow(Requirement item, List<Row> maps, String unmappedReason) {}

    /** One map as the page shows it, in the reader's language. */
    record Row(
            String control,
            String title,
            ControlMap.Relationship relationship,
            int confidence,
            String rationale,
            String gap) {}

    /** The items of one standard the crosswalk reaches. */
    record Section(Standard standard, List<ItemRow> items, long mapped, long unmapped) {}

    @GetMapping("/catalog/crosswalk")
    @PreAuthorize("isAuthenticated()")
    String crosswalk(Model model) {
        Locale locale = Texts.locale();
        Map<String, List<ItemRow>> byStandard = new LinkedHashMap<>();
        for (String code : standardsReached()) {
            List<ItemRow> rows = new ArrayList<>();
            for (Requirement r : catalog.find(RequirementFilter.items().standard(code))) {
                List<Row> maps = rows(controls, r, locale);
                String reason =
                        controls.unmapped(r.id()).map(u -> u.reason(locale)).orElse(null);
                if (!maps.isEmpty() || reason != null) {
                    rows.add(new ItemRow(r, maps, reason));
                }
            }
            byStandard.put(code, rows);
        }
        List<Section> sections = new ArrayList<>();
        byStandard.forEach((code, rows) -> sections.add(new Section(
                catalog.standard(code).orElseThrow(),
                rows,
                rows.stream().filter(r -> !r.maps().isEmpty()).count(),
                rows.stream().filter(r -> r.unmappedReason() != null).count())));
        model.addAttribute("sections", sections);
        model.addAttribute("controls", controls);
        model.addAttribute("review", controls.review());
        model.addAttribute("mapCount", controls.all().size());
        model.addAttribute("controlCount", controls.controlIds().size());
        // the one the crosswalk uses most first, then from the narrowest claim to the strongest
        model.addAttribute(
                "relationships",
                List.of(
                        ControlMap.Relationship.INTERSECTS_WITH,
                        ControlMap.Relationship.SUBSET_OF,
                        ControlMap.Relationship.SUPERSET_OF,
                        ControlMap.Relationship.EQUIVALENT_TO,
                        ControlMap.Relationship.EQUAL_TO));
        model.addAttribute("en", "en".equals(locale.getLanguage()));
        return "catalog/crosswalk";
    }

    /** The standards of the crosswalk's items, in the order the review's scope and then the maps name them. */
    private List<String> standardsReached() {
        List<String> codes = new ArrayList<>(controls.review().scope());
        for (ControlMap m : controls.all()) {
            catalog.requirement(m.item())
                    .map(Requirement::standardCode)
                    .filter(c -> !codes.contains(c))
                    .ifPresent(codes::add);
        }
        for (UnmappedItem u : controls.unmappedItems()) {
            catalog.requirement(u.item())
                    .map(Requirement::standardCode)
                    .filter(c -> !codes.contains(c))
                    .ifPresent(codes::add);
        }
        return codes;
    }

    /** The maps in the reader's language, for the crosswalk page and a requirement's own page. */
    static List<Row> rows(ForeignControls controls, Requirement item, Locale locale) {
        return controls.mapsTo(item.id()).stream()
                .map(m -> new Row(
                        ForeignControls.displayId(m.controlId()),
                        controls.controlTitle(m.controlId()).orElse(null),
                        m.relationship(),
                        m.confidence(),
                        m.rationale(locale),
                        m.gap(locale)))
                .toList();
    }
}
