package org.yunjian.migration.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.CloudSystem;

/**
 * The standard's own words each operation document answers to, quoted from the catalog for the sector guide of the
 * system's industry (政府网站云计算服务安全指南 or JR/T 证券期货业云技术应用安全规范): shown on the pages and printed in
 * the Word documents, verbatim.
 */
@Component
public class OpsBasis {

    /** Which document. */
    public enum Document {
        MIGRATION,
        DRILLS,
        SUPERVISION
    }

    private static final Map<String, Map<Document, List<String>>> IDS = Map.of(
            "GOVWEB",
                    Map.of(
                            Document.MIGRATION,
                                    List.of(
                                            "GOVWEB-6.4-0",
                                            "GOVWEB-7.3.4-0",
                                            "GOVWEB-7.3.4-b",
                                            "GOVWEB-7.2.4-a",
                                            "GOVWEB-7.4.2-a",
                                            "GOVWEB-7.4.2-b"),
                            Document.DRILLS, List.of("GOVWEB-8.5-0", "GOVWEB-8.5-b", "GOVWEB-8.5-d", "GOVWEB-7.2.1-d"),
                            Document.SUPERVISION, List.of("GOVWEB-8.2.1-e", "GOVWEB-8.2.2-b", "GOVWEB-7.3.2-e")),
            "JRT-SF",
                    Map.of(
                            Document.MIGRATION, List.of("JRT-SF-4.2.2-1", "JRT-SF-6.2-1", "JRT-SF-8.1.1-2"),
                            Document.DRILLS,
                                    List.of("JRT-SF-7.4.2-6", "JRT-SF-6.3.3-3-5", "JRT-SF-6.4.3-3-5", "JRT-SF-7.3-8"),
                            Document.SUPERVISION, List.of("JRT-SF-7.4.2-3", "JRT-SF-7.4.2-4", "JRT-SF-7.4.3-1-12")));

    private final Catalog catalog;

    OpsBasis(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * One quoted requirement.
     *
     * @param standard the standard's title
     * @param ref      clause and item as the standard numbers them ({@code 7.3.4}, {@code 8.5 b)})
     * @param text     the text for the reader ({@link Requirement#textIn})
     * @param original the standard's own Chinese words
     */
    public record Quote(String standard, String ref, String text, String original) {}

    /** The quotes for {@code document} on {@code system}, in the reader's language; none outside the two guides. */
    public List<Quote> of(CloudSystem system, Document document, Locale reader) {
        Optional<String> code =
                system.industry() == null ? Optional.empty() : system.industry().sectorStandard();
        List<String> ids = code.map(c -> IDS.getOrDefault(c, Map.of()).getOrDefault(document, List.of()))
                .orElse(List.of());
        return ids.stream()
                .map(id -> catalog.requirement(RequirementId.of(id)))
                .flatMap(Optional::stream)
                .map(r -> new Quote(
                        catalog.standard(r.standardCode()).map(s -> s.title()).orElse(r.standardCode()),
                        org.yunjian.catalog.ClauseLabel.text(r),
                        r.textIn(reader),
                        r.text()))
                .toList();
    }
}
