package org.yunjian.web;

import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The global search for REST clients: the same results, visibility and limits as the search page. */
@RestController
class SearchApi {

    private final GlobalSearch search;

    SearchApi(GlobalSearch search) {
        this.search = search;
    }

    record HitDto(String href, String title, String note) {
        static List<HitDto> of(List<GlobalSearch.Hit> hits) {
            return hits.stream().map(h -> new HitDto(h.href(), h.title(), h.note())).toList();
        }
    }

    record ResultsDto(String query, List<HitDto> systems, List<HitDto> assessments, List<HitDto> requirements) {
    }

    @GetMapping("/api/search")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Search visible cloud systems and assessments and the catalog's requirements "
            + "(at most 20 of each; q up to 200 characters)")
    ResultsDto search(@RequestParam(required = false) String q, Locale locale) {
        GlobalSearch.Results r = search.search(q, locale);
        return new ResultsDto(r.query(), HitDto.of(r.systems()), HitDto.of(r.assessments()),
                HitDto.of(r.requirements()));
    }
}
