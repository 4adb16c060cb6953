package org.yunjian.party.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yunjian.party.Engagement;
import org.yunjian.party.LifecyclePhase;
import org.yunjian.party.internal.EngagementService;
import org.yunjian.party.internal.PartyNames;
import org.yunjian.party.rest.Dtos.EngagementRequest;
import org.yunjian.party.rest.Dtos.EngagementResponse;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;

@RestController
@RequestMapping("/api/engagements")
@Tag(name = "engagements", description = "项目 Engagements")
class EngagementApi {

    private final EngagementService service;
    private final PartyNames names;

    EngagementApi(EngagementService service, PartyNames names) {
        this.service = service;
        this.names = names;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(
            summary = "One page of the engagements the caller may see, by name, with the total. Filters: q (name "
                    + "contains, any case), phase (PLANNING, MIGRATION, OPERATION, EXIT), systemId; page from 1, size 1-200 "
                    + "(default 50). A bad value is a 400 naming the parameter")
    Paged<EngagementResponse> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String systemId,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        String name = ListFilters.text(errors, "q", q);
        LifecyclePhase p = ListFilters.choice(errors, "phase", phase, LifecyclePhase.class);
        UUID system = ListFilters.uuid(errors, "systemId", systemId);
        errors.throwIfAny();
        Paged<Engagement> found = service.page(name, p, system, PageRequest.of(page, size));
        List<EngagementResponse> rows = responses(found.items());
        return new Paged<>(rows, found.page(), found.size(), found.total(), found.pages());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Get an engagement")
    EngagementResponse get(@PathVariable UUID id) {
        return responses(List.of(service.get(id))).get(0);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Create an engagement on a system (its customer or a system administrator)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EngagementResponse> create(@RequestBody EngagementRequest body) {
        Engagement e = service.create(body.toInput());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(e.id())
                .toUri();
        return ResponseEntity.created(location).body(responses(List.of(e)).get(0));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Replace an engagement (the system's customer or a system administrator)")
    EngagementResponse update(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EngagementRequest body) {
        return responses(List.of(service.update(id, ExpectedVersion.of(ifMatch, body.version()), body.toInput())))
                .get(0);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Delete an engagement (the system's customer or a system administrator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }

    private List<EngagementResponse> responses(List<Engagement> list) {
        var orgNames = names.ofEngagements(list);
        var systemNames = names.systemNames(list);
        return list.stream()
                .map(e -> EngagementResponse.of(e, systemNames.get(e.systemId()), orgNames))
                .toList();
    }
}
