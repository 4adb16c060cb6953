package org.yunjian.catalog.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Mapping;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;

/** Read-only access to the standards catalog for any signed-in user. */
@RestController
@RequestMapping("/api/catalog")
class CatalogApiController {

    private final Catalog catalog;

    CatalogApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/standards")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "The catalogued standards whose code, designation or title (Chinese or English) contains q (any case); one page (page from 1, size 1-200, default 50) with the total")
    Paged<StandardDto> standards(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        ListFilters.Search query = ListFilters.Search.of(q, page, size);
        return Paged.slice(
                        catalog.standards().stream()
                                .filter(s -> ListFilters.contains(
                                        query.text(), s.code(), s.designation(), s.title(), s.titleEn()))
                                .toList(),
                        query.page())
                .map(s -> StandardDto.of(s, catalog));
    }

    @GetMapping("/requirements")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "Requirements filtered by standard, kind, phase, role, layer and deployment model, and by a full-text query q (then ranked); one page (page from 1, size 1-200, default 50) with the total")
    Paged<RequirementSummaryDto> requirements(
            @Parameter(description = "Full-text query (Chinese or English); given, the matches are ranked by relevance")
                    @RequestParam(required = false)
                    String q,
            @ParameterObject RequirementListParams params) {
        FieldErrors errors = new FieldErrors();
        String text = ListFilters.text(errors, "q", q);
        return Paged.slice(catalog.matching(text, params.filter(catalog, errors)), params.pageRequest())
                .map(RequirementSummaryDto::of);
    }

    @GetMapping("/search")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "Full-text search (Chinese and English) over requirements, ranked, combinable with the filters; one page (page from 1, size 1-200, default 50) with the total")
    Paged<SearchHitDto> search(
            @Parameter(
                            description =
                                    "Full-text query (Chinese or English), not blank; the matches are ranked by relevance")
                    @RequestParam
                    String q,
            @ParameterObject RequirementListParams params) {
        FieldErrors errors = new FieldErrors();
        if (q.isBlank()) {
            errors.add("q", "catalog.api.blank");
        }
        String text = ListFilters.text(errors, "q", q);
        return Paged.slice(catalog.search(text, params.filter(catalog, errors)), params.pageRequest())
                .map(h -> new SearchHitDto(
                        Math.round(h.score() * 1000) / 1000.0, RequirementSummaryDto.of(h.requirement())));
    }

    /** A search result: its score and the requirement. */
    record SearchHitDto(double score, RequirementSummaryDto requirement) {}

    @GetMapping("/mappings")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "Cross-references between standards (EQUAL / SUBSET / INTERSECTS with rationale), filtered by topic and by q (requirement id or rationale contains, any case); one page (page from 1, size 1-200, default 50) with the total")
    Paged<Mapping> mappings(
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        ListFilters.Search query = ListFilters.Search.of(q, page, size);
        return Paged.slice(
                catalog.mappings().stream()
                        .filter(m ->
                                topic == null || topic.isBlank() || m.topic().equals(topic))
                        .filter(m -> ListFilters.contains(
                                query.text(), m.from().value(), m.to().value(), m.rationale(), m.rationaleZh()))
                        .toList(),
                query.page());
    }

    @GetMapping("/requirements/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One requirement with its verbatim text, English rendering and typed attributes")
    RequirementDto requirement(@PathVariable String id) {
        if (!RequirementId.isWellFormed(id)) {
            throw new FieldErrors.ValidationException("id", "catalog.api.notAnId");
        }
        return catalog.requirement(RequirementId.of(id))
                .map(r -> RequirementDto.of(r, catalog.mappings(r.id())))
                .orElseThrow(() -> new NotFoundException("Requirement", id));
    }
}
