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

    record ResultsDto(
            String query,
            int page,
            int pages,
            List<HitDto> systems,
            long systemsTotal,
            List<HitDto> assessments,
            long assessmentsTotal,
            List<HitDto> requirements,
            long requirementsTotal) {}

    @GetMapping("/api/search")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Search visible cloud systems and assessments and the catalog's requirements "
                    + "(q up to 200 characters): 20 of each per page (page from 1), with each kind's total; pages is the most "
                    + "pages any kind has")
    ResultsDto search(
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Locale locale) {
        GlobalSearch.Results r = search.search(q, page, locale);
        return new ResultsDto(
                r.query(),
                r.page(),
                r.pages(),
                HitDto.of(r.systems()),
                r.systemsTotal(),
                HitDto.of(r.assessments()),
                r.assessmentsTotal(),
                HitDto.of(r.requirements()),
                r.requirementsTotal());
    }
}
