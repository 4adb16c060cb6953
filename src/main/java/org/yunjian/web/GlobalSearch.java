package org.yunjian.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentDirectory;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Texts;

/**
 * One search box across cloud systems, assessments and catalog requirements. Systems and assessments come from
 * their modules' visibility rules (a party never finds another party's system or assessment); requirements are
 * public to every logged-in user. Names match case-insensitively anywhere; requirements by the catalog's own
 * full-text search.
 */
@Component
class GlobalSearch {

    static final int MAX_QUERY = 200;
    static final int LIMIT = 20;

    private final Parties parties;
    private final AssessmentDirectory assessments;
    private final Catalog catalog;

    GlobalSearch(Parties parties, AssessmentDirectory assessments, Catalog catalog) {
        this.parties = parties;
        this.assessments = assessments;
        this.catalog = catalog;
    }

    public record Hit(String href, String title, String note) {
    }

    public record Results(String query, List<Hit> systems, List<Hit> assessments, List<Hit> requirements) {
        public boolean isEmpty() {
            return systems.isEmpty() && assessments.isEmpty() && requirements.isEmpty();
        }

        public static Results none(String query) {
            return new Results(query, List.of(), List.of(), List.of());
        }
    }

    Results search(String raw, Locale locale) {
        String q = raw == null ? "" : raw.strip();
        if (q.length() > MAX_QUERY) {
            throw new FieldErrors.ValidationException("q", "web.search.tooLong", MAX_QUERY);
        }
        if (q.isEmpty()) {
            return Results.none(q);
        }
        String needle = q.toLowerCase(Locale.ROOT);
        List<CloudSystem> visible = parties.visibleSystems();
        Map<java.util.UUID, String> systemNames = visible.stream()
                .collect(Collectors.toMap(CloudSystem::id, CloudSystem::name, (a, b) -> a));
        List<Hit> systems = visible.stream().filter(s -> matches(s.name(), needle)).limit(LIMIT)
                .map(s -> new Hit("/systems/" + s.id(), s.name(),
                        Texts.get("party.system.level", s.protectionLevel()))).toList();
        List<Hit> found = assessments.visible(null).stream()
                .filter(a -> matches(a.name(), needle) || matches(systemNames.get(a.systemId()), needle))
                .limit(LIMIT)
                .map(a -> new Hit("/assessments/" + a.id(), a.name(),
                        systemNames.getOrDefault(a.systemId(), "") + " · "
                                + Texts.get("assessment.status." + a.status().name())))
                .toList();
        boolean english = "en".equals(locale.getLanguage());
        Function<Requirement, String> title = r -> english && r.titleEn() != null && !r.titleEn().isBlank()
                ? r.titleEn() : r.title() == null ? "" : r.title();
        List<Hit> requirements = catalog.search(q, RequirementFilter.any()).stream().limit(LIMIT)
                .map(h -> new Hit("/catalog/requirements/" + h.requirement().id(), title.apply(h.requirement()),
                        h.requirement().id().toString()))
                .toList();
        return new Results(q, systems, found, requirements);
    }

    private static boolean matches(String name, String needle) {
        return name != null && name.toLowerCase(Locale.ROOT).contains(needle);
    }
}
