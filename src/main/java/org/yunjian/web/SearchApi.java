package org.yunjian.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The global search for REST clients: the same results, visibility and limits as the search page. */
@RestController
class SearchApi {

    private final GlobalSearch search;

    SearchApi(GlobalSearch search) {
        this.search = search;
    }

    record HitDto(String href, String title, String note) {
        static List<HitDto> of(List<GlobalSearch.Hit> hits) {
            return hits.stream()
                    .map(h -> new HitDto(h.href(), h.title(), h.note()))
                    .toList();
        }
    }

    /**
     * The results as REST clients read them: each kind's hits and total under a stable name (a new kind adds two
     * fields; none is renamed).
     */
    record ResultsDto(
            String query,
            int page,
            int pages,
            List<HitDto> systems,
            long systemsTotal,
            List<HitDto> assessments,
            long assessmentsTotal,
            List<HitDto> requirements,
            long requirementsTotal,
            List<HitDto> reports,
            long reportsTotal,
            List<HitDto> certificates,
            long certificatesTotal,
            List<HitDto> exitProjects,
            long exitProjectsTotal,
            List<HitDto> evidenceRequests,
            long evidenceRequestsTotal,
            List<HitDto> monitors,
            long monitorsTotal,
            List<HitDto> alerts,
            long alertsTotal,
            List<HitDto> people,
            long peopleTotal) {

        static ResultsDto of(GlobalSearch.Results r) {
            return new ResultsDto(
                    r.query(),
                    r.page(),
                    r.pages(),
                    hits(r, GlobalSearch.Kind.SYSTEMS),
                    total(r, GlobalSearch.Kind.SYSTEMS),
                    hits(r, GlobalSearch.Kind.ASSESSMENTS),
                    total(r, GlobalSearch.Kind.ASSESSMENTS),
                    hits(r, GlobalSearch.Kind.REQUIREMENTS),
                    total(r, GlobalSearch.Kind.REQUIREMENTS),
                    hits(r, GlobalSearch.Kind.REPORTS),
                    total(r, GlobalSearch.Kind.REPORTS),
                    hits(r, GlobalSearch.Kind.CERTIFICATES),
                    total(r, GlobalSearch.Kind.CERTIFICATES),
                    hits(r, GlobalSearch.Kind.EXIT_PROJECTS),
                    total(r, GlobalSearch.Kind.EXIT_PROJECTS),
                    hits(r, GlobalSearch.Kind.EVIDENCE_REQUESTS),
                    total(r, GlobalSearch.Kind.EVIDENCE_REQUESTS),
                    hits(r, GlobalSearch.Kind.MONITORS),
                    total(r, GlobalSearch.Kind.MONITORS),
                    hits(r, GlobalSearch.Kind.ALERTS),
                    total(r, GlobalSearch.Kind.ALERTS),
                    hits(r, GlobalSearch.Kind.PEOPLE),
                    total(r, GlobalSearch.Kind.PEOPLE));
        }

        private static List<HitDto> hits(GlobalSearch.Results r, GlobalSearch.Kind kind) {
            return HitDto.of(r.section(kind).hits());
        }

        private static long total(GlobalSearch.Results r, GlobalSearch.Kind kind) {
            return r.section(kind).total();
        }
    }

    @GetMapping("/api/search")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Search what the caller may see (q up to 200 characters): cloud systems, assessments, approved "
                    + "assessment reports by number, deletion certificates by number, exit projects, requested documents, "
                    + "monitors, alerts, people of the caller's organisation, and the catalog's requirements; 20 of each per "
                    + "page (page from 1), with each kind's total; pages is the most pages any kind has")
    ResultsDto search(
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Locale locale) {
        return ResultsDto.of(search.search(q, page, locale));
    }
}
