package org.yunjian.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ControlMap;
import org.yunjian.catalog.CrosswalkReview;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.UnmappedItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the crosswalk from another catalog's controls to the Chinese items ({@code catalog/crosswalks/*.json}) and
 * checks it against the loaded catalog: every item exists, every control id is an SP 800-53 id, every relationship
 * is one of OSCAL's, no control–item pair twice, every map has its rationale (and, unless the texts match, its gap)
 * in both languages, and every item of a standard in the review's scope is either mapped or listed as unmapped with
 * its reason. A problem stops the application, as a broken catalog file does.
 */
public final class ForeignControlsLoading {

    /** The shipped crosswalk: NIST SP 800-53 rev 5 to 等保 level 3 (cloud extension) and T/CCIA 004. */
    public static final String NIST_SP800_53_R5 = "catalog/crosswalks/nist-sp800-53r5.json";

    private ForeignControlsLoading() {}

    public static ForeignControls fromClasspath(Catalog catalog) {
        try (InputStream in = new ClassPathResource(NIST_SP800_53_R5).getInputStream()) {
            return read(NIST_SP800_53_R5, in.readAllBytes(), catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The crosswalk in {@code content}; a {@link org.yunjian.catalog.CatalogLoadException} naming the file, the entry
     * and the problem when it is wrong.
     */
    public static ForeignControls read(String name, byte[] content, Catalog catalog) {
        JsonNode root = JsonMapper.builder().build().readTree(content);
        JsonNode framework = root.path("framework");
        List<ControlMap> maps = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        JsonNode entries = root.path("maps");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = "maps[" + i + "]";
            String control = ForeignControls.normalised(e.path("control").asString(""))
                    .orElseThrow(() -> new CrosswalkFileException(
                            name, where, "controlId", e.path("control").asString("")));
            String itemValue = e.path("item").asString("");
            if (!RequirementId.isWellFormed(itemValue)) {
                throw new CrosswalkFileException(name, where, "itemId", itemValue);
            }
            RequirementId item = RequirementId.of(itemValue);
            if (catalog.requirement(item).isEmpty()) {
                throw new CrosswalkFileException(name, where, "unknownItem", item.value());
            }
            if (!pairs.add(control + " " + item)) {
                throw new CrosswalkFileException(name, where, "pairTwice", control, item.value());
            }
            ControlMap.Relationship relationship;
            try {
                relationship =
                        ControlMap.Relationship.ofOscal(e.path("relationship").asString(""));
            } catch (IllegalArgumentException ex) {
                throw new CrosswalkFileException(
                        name, where, "relationship", e.path("relationship").asString(""));
            }
            if (e.path("rationale").asString("").isBlank()
                    || e.path("rationaleZh").asString("").isBlank()) {
                throw new CrosswalkFileException(name, where, "rationale");
            }
            boolean same = relationship == ControlMap.Relationship.EQUAL_TO
                    || relationship == ControlMap.Relationship.EQUIVALENT_TO;
            if (!same
                    && (e.path("gap").asString("").isBlank()
                            || e.path("gapZh").asString("").isBlank())) {
                throw new CrosswalkFileException(name, where, "gap", relationship.oscal());
            }
            try {
                maps.add(new ControlMap(
                        control,
                        item,
                        relationship,
                        e.path("confidence").asInt(-1),
                        e.path("rationale").asString(""),
                        e.path("rationaleZh").asString(""),
                        e.path("gap").asString(""),
                        e.path("gapZh").asString("")));
            } catch (IllegalArgumentException ex) {
                throw new CrosswalkFileException(
                        name, where, "confidence", e.path("confidence").asString(""));
            }
        }
        List<UnmappedItem> unmapped = unmapped(name, root.path("unmapped"), catalog, maps);
        CrosswalkReview review = review(name, root.path("review"));
        checkScope(name, review, catalog, maps, unmapped);
        Map<String, String> titles = new LinkedHashMap<>();
        root.path("controlTitles").properties().forEach(t -> {
            String id = ForeignControls.normalised(t.getKey())
                    .orElseThrow(() -> new CrosswalkFileException(name, "controlTitles", "controlId", t.getKey()));
            titles.put(id, t.getValue().asString(""));
        });
        for (ControlMap m : maps) {
            if (root.has("controlTitles")
                    && titles.getOrDefault(m.controlId(), "").isBlank()) {
                throw new CrosswalkFileException(name, "controlTitles", "noTitle", m.controlId());
            }
        }
        return new ForeignControls(
                framework.path("title").asString(""),
                framework.path("version").asString(""),
                maps,
                unmapped,
                review,
                titles);
    }

    private static List<UnmappedItem> unmapped(String name, JsonNode entries, Catalog catalog, List<ControlMap> maps) {
        Set<RequirementId> mapped = new HashSet<>();
        maps.forEach(m -> mapped.add(m.item()));
        List<UnmappedItem> unmapped = new ArrayList<>();
        Set<RequirementId> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = "unmapped[" + i + "]";
            String value = e.path("item").asString("");
            if (!RequirementId.isWellFormed(value)) {
                throw new CrosswalkFileException(name, where, "itemId", value);
            }
            RequirementId item = RequirementId.of(value);
            if (catalog.requirement(item).isEmpty()) {
                throw new CrosswalkFileException(name, where, "unknownItem", item.value());
            }
            if (mapped.contains(item)) {
                throw new CrosswalkFileException(name, where, "mappedAndUnmapped", item.value());
            }
            if (!seen.add(item)) {
                throw new CrosswalkFileException(name, where, "unmappedTwice", item.value());
            }
            if (e.path("reason").asString("").isBlank()
                    || e.path("reasonZh").asString("").isBlank()) {
                throw new CrosswalkFileException(name, where, "reason");
            }
            unmapped.add(new UnmappedItem(
                    item, e.path("reason").asString(""), e.path("reasonZh").asString("")));
        }
        return unmapped;
    }

    private static CrosswalkReview review(String name, JsonNode r) {
        if (r.isMissingNode()) {
            return CrosswalkReview.unknown();
        }
        List<String> against = new ArrayList<>();
        r.path("reviewedAgainst").forEach(n -> against.add(n.asString("")));
        List<String> scope = new ArrayList<>();
        r.path("scope").forEach(n -> scope.add(n.asString("")));
        try {
            return new CrosswalkReview(
                    r.path("method").asString("human"),
                    r.path("matchingRationale").asString("semantic"),
                    r.path("status").asString("draft"),
                    r.path("description").asString(""),
                    against,
                    scope);
        } catch (IllegalArgumentException ex) {
            throw new CrosswalkFileException(name, "review", "review", ex.getMessage());
        }
    }

    /** Every item of a standard in the review's scope is mapped or listed as unmapped, none left out silently. */
    private static void checkScope(
            String name, CrosswalkReview review, Catalog catalog, List<ControlMap> maps, List<UnmappedItem> unmapped) {
        Set<RequirementId> accounted = new HashSet<>();
        maps.forEach(m -> accounted.add(m.item()));
        unmapped.forEach(u -> accounted.add(u.item()));
        for (String code : review.scope()) {
            if (catalog.standard(code).isEmpty()) {
                throw new CrosswalkFileException(name, "review.scope", "unknownStandard", code);
            }
            List<String> missing = catalog.find(RequirementFilter.items().standard(code)).stream()
                    .map(Requirement::id)
                    .filter(id -> !accounted.contains(id))
                    .map(RequirementId::value)
                    .toList();
            if (!missing.isEmpty()) {
                throw new CrosswalkFileException(name, "review.scope", "leftOut", code, String.join(", ", missing));
            }
        }
    }
}
