package org.yunjian.party.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yunjian.party.Engagement;
import org.yunjian.party.api.Dtos.EngagementRequest;
import org.yunjian.party.api.Dtos.EngagementResponse;
import org.yunjian.party.internal.EngagementService;
import org.yunjian.party.internal.PartyNames;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.yunjian.shared.ExpectedVersion;

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
    @Operation(summary = "List the engagements the caller may see")
    List<EngagementResponse> list() {
        return responses(service.list());
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
    ResponseEntity<EngagementResponse> create(@RequestBody EngagementRequest body) {
        Engagement e = service.create(body.toInput());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(e.id()).toUri();
        return ResponseEntity.created(location).body(responses(List.of(e)).get(0));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Replace an engagement (the system's customer or a system administrator)")
    EngagementResponse update(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                              @RequestBody EngagementRequest body) {
        return responses(List.of(service.update(id, ExpectedVersion.of(ifMatch, body.version()), body.toInput())))
                .get(0);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Delete an engagement (the system's customer or a system administrator)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }

    private List<EngagementResponse> responses(List<Engagement> list) {
        var orgNames = names.ofEngagements(list);
        var systemNames = names.systemNames(list);
        return list.stream().map(e -> EngagementResponse.of(e, systemNames.get(e.systemId()), orgNames)).toList();
    }
}
