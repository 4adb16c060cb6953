package org.yunjian.procurement.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.procurement.NeedsAnalysis;
import org.yunjian.procurement.internal.NeedsService;
import org.yunjian.procurement.rest.ContractDocumentDtos.NeedsResponse;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * REST for a system's needs analysis and migration decision (the guide's 需求报告). The customer keeps it; the
 * provider, the system's assessors and administrators read it; other organisations of the system get 403, strangers
 * 404.
 */
@RestController
@Tag(name = "lifecycle", description = "生命周期 Lifecycle governance: acquisition documents")
class NeedsApi {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";
    static final String BASE = "/api/systems/{id}/lifecycle/needs";

    private final NeedsService service;

    NeedsApi(NeedsService service) {
        this.service = service;
    }

    @GetMapping(BASE)
    @PreAuthorize(WHO)
    @Operation(summary = "The needs analysis (null until saved) and the guide's planning duties it may cite")
    NeedsResponse get(@PathVariable UUID id) {
        return NeedsResponse.of(service.view(id));
    }

    @PutMapping(BASE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "Save the whole needs analysis (customer): inventory, decision MIGRATE / PARTLY / "
                    + "DO_NOT_MIGRATE with reasons, resources, security requirements and cited planning duties; 400 names "
                    + "every bad field")
    NeedsResponse save(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) NeedsAnalysis.Input body) {
        if (body == null) {
            throw new ValidationException("inventory", "lifecycle.doc.error.inventoryEmpty");
        }
        return NeedsResponse.of(service.save(id, ExpectedVersion.of(ifMatch, body.version()), body));
    }

    @GetMapping(BASE + ".docx")
    @PreAuthorize(WHO)
    @Operation(summary = "The needs analysis report as a Word document in Chinese; 409 before one is saved")
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        return ContractDocumentDtos.docx(service.docx(id));
    }
}
