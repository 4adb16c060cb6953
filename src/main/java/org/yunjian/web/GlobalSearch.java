package org.yunjian.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentDirectory;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemQuery;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * One search box across cloud systems, assessments and catalog requirements. Systems and assessments come from
 * their modules' visibility rules (a party never finds another party's system or assessment); requirements are
 * public to every logged-in user. Names match case-insensitively anywhere; requirements by the catalog's own
 * full-text search. Each kind comes {@value #LIMIT} to a page with its total.
 */
@Component
class GlobalSearch {

    static final int MAX_QUERY = 200;
    /** Hits of each kind per page. */
    static final int LIMIT = 20;

    private final Parties parties;
    private final AssessmentDirectory assessments;
    private final Catalog catalog;

    GlobalSearch(Parties parties, AssessmentDirectory assessments, Catalog catalog) {
        this.parties = parties;
        this.assessments = assessments;
        this.catalog = catalog;
    }

    public record Hit(String href, String title, String note) {}

    /**
     * One page of each kind of hit ({@value #LIMIT} per page) with each kind's total; {@code pages} is the most pages
     * any kind has, so one pager walks all three.
     */
    public record Results(
            String query,
            int page,
            List<Hit> systems,
            long systemsTotal,
            List<Hit> assessments,
            long assessmentsTotal,
            List<Hit> requirements,
            long requirementsTotal) {
        public boolean isEmpty() {
            return systemsTotal == 0 && assessmentsTotal == 0 && requirementsTotal == 0;
        }

        public int pages() {
            long most = Math.max(systemsTotal, Math.max(assessmentsTotal, requirementsTotal));
            return (int) Math.max(1, (most + LIMIT - 1) / LIMIT);
        }

        /** An empty page with this search's totals, for the pager. */
        public Paged<Hit> pagerPage() {
            return Paged.of(
                    List.of(),
                    new PageRequest(page, LIMIT),
                    Math.max(systemsTotal, Math.max(assessmentsTotal, requirementsTotal)));
        }

        public static Results none(String query) {
            return new Results(query, 1, List.of(), 0, List.of(), 0, List.of(), 0);
        }
    }

    /**
     * Page {@code page} (from 1; a bad value is a 400 naming it) of the systems, assessments and requirements matching
     * {@code raw}: systems and assessments are matched, counted and paged in the database, never all read.
     */
    Results search(String raw, String page, Locale locale) {
        String q = raw == null ? "" : raw.strip();
        if (q.length() > MAX_QUERY) {
            throw new FieldErrors.ValidationException("q", "web.search.tooLong", MAX_QUERY);
        }
        PageRequest p = PageRequest.of(page, String.valueOf(LIMIT));
        if (q.isEmpty()) {
            return Results.none(q);
        }
        Paged<CloudSystem> systems = parties.visibleSystemsPage(new SystemQuery(q, null, null, null), p);
        Paged<AssessmentDirectory.Match> found = assessments.search(q, p);
        boolean english = "en".equals(locale.getLanguage());
        Function<Requirement, String> title =
                r -> english && r.titleEn() != null && !r.titleEn().isBlank()
                        ? r.titleEn()
                        : r.title() != null && !r.title().isBlank() ? r.title() : opening(r.textIn(locale));
        Paged<org.yunjian.catalog.SearchHit> requirements = Paged.slice(catalog.search(q, RequirementFilter.any()), p);
        return new Results(
                q,
                p.page(),
                systems.items().stream()
                        .map(s -> new Hit(
                                "/systems/" + s.id(), s.name(), Texts.get("party.system.level", s.protectionLevel())))
                        .toList(),
                systems.total(),
                found.items().stream()
                        .map(a -> new Hit(
                                "/assessments/" + a.id(),
                                a.name(),
                                a.systemName() + " · " + Msg.of(a.status()).text()))
                        .toList(),
                found.total(),
                requirements.items().stream()
                        .map(h -> new Hit(
                                "/catalog/requirements/" + h.requirement().id(),
                                title.apply(h.requirement()),
                                h.requirement().id().toString()))
                        .toList(),
                requirements.total());
    }

    /** Characters of an untitled requirement's text that stand in for its title (a link needs words). */
    static final int OPENING = 40;

    static String opening(String text) {
        return text == null ? "" : org.yunjian.shared.Text.shorten(text.strip(), OPENING + 1);
    }
}
