package org.yunjian.party.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.internal.OrganizationService;
import org.yunjian.party.rest.Dtos.OrganizationRequest;
import org.yunjian.party.rest.Dtos.OrganizationResponse;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;

@RestController
@RequestMapping("/api/organizations")
@Tag(name = "organizations", description = "组织 Organisations")
class OrganizationApi {

    private final OrganizationService service;

    OrganizationApi(OrganizationService service) {
        this.service = service;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(
            summary = "One page of the organisations the caller may see, by name, with the total. Filters: q (name "
                    + "contains, any case), role (a party role the organisation plays, e.g. PROVIDER); page from 1, size "
                    + "1-200 (default 50). A bad value is a 400 naming the parameter")
    Paged<OrganizationResponse> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var query = ListFilters.Query.of(q, "role", role, PartyRole.class, page, size);
        return service.page(query.text(), query.choice(), query.page()).map(OrganizationResponse::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Get an organisation")
    OrganizationResponse get(@PathVariable UUID id) {
        return OrganizationResponse.of(service.get(id));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Create an organisation (system administrators)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<OrganizationResponse> create(@RequestBody OrganizationRequest body) {
        var o = service.create(body.toInput());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(o.id())
                .toUri();
        return ResponseEntity.created(location).body(OrganizationResponse.of(o));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Replace an organisation (system administrators)")
    OrganizationResponse update(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody OrganizationRequest body) {
        return OrganizationResponse.of(service.update(id, ExpectedVersion.of(ifMatch, body.version()), body.toInput()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Delete an organisation no system or engagement refers to (system administrators)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
