package org.yunjian.responsibility.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.internal.liability.IncidentRepository.IncidentRecord;
import org.yunjian.responsibility.internal.liability.IncidentService;
import org.yunjian.responsibility.internal.liability.Liability;
import org.yunjian.responsibility.rest.LiabilityDtos.AnalysisResponse;
import org.yunjian.responsibility.rest.LiabilityDtos.IncidentResponse;
import org.yunjian.responsibility.rest.LiabilityDtos.RecordRequest;
import org.yunjian.responsibility.rest.LiabilityDtos.RecordResponse;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;

/**
 * REST for the Annex B liability lookup (T/CCIA 004-2024) and the incidents recorded against a system
 * (docs/modules/responsibility.md). Who may call: system administrators and business users; inside, the parties of
 * the system read (others get 404), the customer and the provider record, partners see only incidents whose
 * analysis names them.
 */
@RestController
@Tag(name = "responsibility", description = "责任矩阵 Responsibility matrices after T/CCIA 004-2024")
class LiabilityApi {

    static final String INCIDENTS = "/api/systems/{id}/incidents";

    private final IncidentService service;
    private final Catalog catalog;
    private final PeopleNames people;

    LiabilityApi(IncidentService service, Catalog catalog, PeopleNames people) {
        this.service = service;
        this.catalog = catalog;
        this.people = people;
    }

    @GetMapping("/api/responsibility/incidents")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "The 16 typical incidents of T/CCIA 004-2024 Annex B (table B.1), filtered by free text in "
                    + "Chinese or English (q) and by category (a constant such as PHYSICAL_EQUIPMENT), with liable roles and "
                    + "related clause")
    List<IncidentResponse> incidents(
            @RequestParam(required = false) String q, @RequestParam(required = false) String category) {
        return service.search(q, category).stream()
                .map(i -> IncidentResponse.of(i, catalog))
                .toList();
    }

    @GetMapping("/api/systems/{id}/responsibility/liability/{incident}")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "Who is liable for an Annex B incident (e.g. TCCIA004-B-9) on this system: the standard's "
                    + "liable roles, the organisations holding them on the current matrix version with their contacts, and "
                    + "the matrix rows of the related clause; without a matrix, the standard's answer only")
    AnalysisResponse analysis(@PathVariable UUID id, @PathVariable String incident) {
        IncidentService.Lookup l = service.analyse(id, incident);
        return AnalysisResponse.of(l.incident(), l.analysis(), catalog);
    }

    @PostMapping(INCIDENTS)
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "Record an incident against the system (customer or provider) with the liability analysis "
                    + "frozen as it stands now; 400 naming the field for an unknown incident, a time in the future, an "
                    + "empty title or description")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordResponse> record(@PathVariable UUID id, @RequestBody(required = false) RecordRequest body) {
        if (body == null) {
            throw new ValidationException("incident", "responsibility.error.required");
        }
        IncidentRecord r = service.record(
                id,
                new IncidentService.RecordInput(
                        body.incident(), body.occurredAt(), body.title(), body.description(), body.reference()));
        return ResponseEntity.created(URI.create("/api/systems/" + id + "/incidents/" + r.id()))
                .body(response(r));
    }

    @GetMapping(INCIDENTS)
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "The incidents recorded against the system that the caller may see, latest first, whose "
                    + "title, reference or incident number contains q; one page (page from 1, size 1-200, default 50) with "
                    + "the total")
    Paged<RecordResponse> list(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        ListFilters.Search query = ListFilters.Search.of(q, page, size);
        return service.list(id, query.text(), query.page()).map(this::response);
    }

    @GetMapping(INCIDENTS + "/{incidentId}")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(summary = "One recorded incident with its analysis as recorded")
    RecordResponse get(@PathVariable UUID id, @PathVariable UUID incidentId) {
        return response(service.get(id, incidentId));
    }

    @GetMapping(INCIDENTS + "/{incidentId}.docx")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(summary = "The incident record as a Word document in the request's language (audited export)")
    ResponseEntity<byte[]> docx(@PathVariable UUID id, @PathVariable UUID incidentId) {
        IncidentService.Export e = service.docx(id, incidentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, e.name().contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .body(e.content());
    }

    private RecordResponse response(IncidentRecord r) {
        Liability.Incident incident = service.incident(r.incident()).orElseThrow();
        return RecordResponse.of(r, incident, people.displayNames(List.of(r.recordedBy())), catalog);
    }
}
