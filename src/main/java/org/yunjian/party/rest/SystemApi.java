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
import org.yunjian.party.CloudSystem;
import org.yunjian.party.SystemQuery;
import org.yunjian.party.internal.PartyNames;
import org.yunjian.party.internal.SystemService;
import org.yunjian.party.rest.Dtos.NotesRequest;
import org.yunjian.party.rest.Dtos.NotesResponse;
import org.yunjian.party.rest.Dtos.SystemRequest;
import org.yunjian.party.rest.Dtos.SystemResponse;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;

@RestController
@RequestMapping("/api/systems")
@Tag(name = "systems", description = "云系统 Cloud systems")
class SystemApi {

    private final SystemService service;
    private final PartyNames names;

    SystemApi(SystemService service, PartyNames names) {
        this.service = service;
        this.names = names;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(
            summary = "One page of the cloud systems the caller may see, by name, with the total. Filters: q (name "
                    + "contains, any case), organization (id of a customer, provider or agent of the system), level (MLPS "
                    + "protection level 1-4), phase (PLANNING, MIGRATION, OPERATION, EXIT: systems with an engagement in that "
                    + "phase); page from 1, size 1-200 (default 50). A bad value is a 400 naming the parameter")
    Paged<SystemResponse> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.of(page, size);
        Paged<CloudSystem> systems = service.page(SystemQuery.of(q, organization, level, phase), request);
        var n = names.ofSystems(systems.items());
        return systems.map(s -> SystemResponse.of(s, n));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Get a cloud system")
    SystemResponse get(@PathVariable UUID id) {
        return response(service.get(id));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Create a cloud system (a business user creates them for its own organisation)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SystemResponse> create(@RequestBody SystemRequest body) {
        CloudSystem s = service.create(body.toInput());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(s.id())
                .toUri();
        return ResponseEntity.created(location).body(response(s));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(
            summary = "Replace a cloud system (its customer or a system administrator); If-Match: the version "
                    + "read (ETag), else 428; a changed system 409")
    SystemResponse update(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SystemRequest body) {
        return response(service.update(id, ExpectedVersion.of(ifMatch, body.version()), body.toInput()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Delete a cloud system without engagements (its customer or a system administrator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/private-notes")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "Read the customer's private notes (users of the customer organisation only)")
    NotesResponse notes(@PathVariable UUID id) {
        return service.readNotes(id)
                .map(n -> NotesResponse.of(id, n))
                .orElse(new NotesResponse(id, "", null, 0, false, null));
    }

    @PutMapping("/{id}/private-notes")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "Write the customer's private notes (users of the customer organisation only)")
    NotesResponse writeNotes(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody NotesRequest body) {
        var n = service.writeNotes(
                id,
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()),
                body == null ? null : body.notes());
        return NotesResponse.of(id, n);
    }

    private SystemResponse response(CloudSystem s) {
        return SystemResponse.of(s, names.ofSystems(List.of(s)));
    }
}
