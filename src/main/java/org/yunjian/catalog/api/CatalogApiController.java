package org.yunjian.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Mapping;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.NotFoundException;

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
    @Operation(summary = "List the catalogued standards")
    List<StandardDto> standards() {
        return catalog.standards().stream().map(StandardDto::of).toList();
    }

    @GetMapping("/requirements")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "List requirements, filtered by standard, kind, phase, role, layer and deployment model")
    List<RequirementSummaryDto> requirements(@RequestParam(required = false) String standard,
                                             @RequestParam(required = false) String kind,
                                             @RequestParam(required = false) String phase,
                                             @RequestParam(required = false) String role,
                                             @RequestParam(required = false) String layer,
                                             @RequestParam(required = false) String deploymentModel) {
        FieldErrors errors = new FieldErrors();
        RequirementFilter filter = FilterParams.parse(catalog, standard, kind, phase, role, layer, deploymentModel, errors);
        errors.throwIfAny();
        return catalog.find(filter).stream().map(RequirementSummaryDto::of).toList();
    }

    @GetMapping("/search")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Full-text search (Chinese and English) over requirements, ranked, combinable with the filters")
    List<SearchHitDto> search(@RequestParam String q,
                              @RequestParam(required = false) String standard,
                              @RequestParam(required = false) String kind,
                              @RequestParam(required = false) String phase,
                              @RequestParam(required = false) String role,
                              @RequestParam(required = false) String layer,
                              @RequestParam(required = false) String deploymentModel,
                              @RequestParam(defaultValue = "100") int limit) {
        FieldErrors errors = new FieldErrors();
        if (q.isBlank()) {
            errors.add("q", "must not be blank");
        }
        if (limit < 1 || limit > 1000) {
            errors.add("limit", "must be between 1 and 1000");
        }
        RequirementFilter filter = FilterParams.parse(catalog, standard, kind, phase, role, layer, deploymentModel, errors);
        errors.throwIfAny();
        return catalog.search(q, filter).stream().limit(limit)
                .map(h -> new SearchHitDto(Math.round(h.score() * 1000) / 1000.0, RequirementSummaryDto.of(h.requirement())))
                .toList();
    }

    /** A search result: its score and the requirement. */
    record SearchHitDto(double score, RequirementSummaryDto requirement) {
    }

    @GetMapping("/mappings")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Cross-references between standards (EQUAL / SUBSET / INTERSECTS with rationale)")
    List<Mapping> mappings(@RequestParam(required = false) String topic) {
        return catalog.mappings().stream().filter(m -> topic == null || topic.isBlank() || m.topic().equals(topic)).toList();
    }

    @GetMapping("/requirements/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One requirement with its verbatim text, English rendering and typed attributes")
    RequirementDto requirement(@PathVariable String id) {
        if (!RequirementId.isWellFormed(id)) {
            throw new FieldErrors.ValidationException("id", "not a requirement id (e.g. MLPS-L3-8.2.4.7-a)");
        }
        return catalog.requirement(RequirementId.of(id)).map(r -> RequirementDto.of(r, catalog.mappings(r.id())))
                .orElseThrow(() -> new NotFoundException("Requirement", id));
    }
}
