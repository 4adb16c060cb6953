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
import org.yunjian.procurement.internal.ContractReviewService;
import org.yunjian.procurement.rest.ContractDocumentDtos.ClauseBody;
import org.yunjian.procurement.rest.ContractDocumentDtos.MarkRequest;
import org.yunjian.procurement.rest.ContractDocumentDtos.ReviewResponse;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * REST for a system's contract, SLA and NDA review: the clause checklist generated from the standard, each clause's
 * status, and what still keeps the acquisition phase from closing. Access as for the needs analysis.
 */
@RestController
@Tag(name = "lifecycle")
class ContractReviewApi {

    static final String BASE = "/api/systems/{id}/lifecycle/contract-review";

    private final ContractReviewService service;

    ContractReviewApi(ContractReviewService service) {
        this.service = service;
    }

    @GetMapping(BASE)
    @PreAuthorize(NeedsApi.WHO)
    @Operation(
            summary = "The clause checklist with statuses and the acquisition-phase gate (unmet conditions with "
                    + "the standard's text)")
    ReviewResponse get(@PathVariable UUID id) {
        return ReviewResponse.of(service.review(id));
    }

    @GetMapping(BASE + "/clauses/{clause}")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(
            summary = "One clause of the checklist with its review; the ETag is the review's version (0 while not "
                    + "reviewed), for If-Match of the next mark")
    ClauseBody clause(@PathVariable UUID id, @PathVariable String clause) {
        return service.review(id).lines().stream()
                .filter(l -> l.clause().id().value().equals(clause))
                .findFirst()
                .map(ClauseBody::of)
                .orElseThrow(() -> new NotFoundException("lifecycle-contract-clause", clause));
    }

    @PutMapping(BASE + "/clauses/{clause}")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(
            summary = "Mark a clause (customer): PRESENT with the contract's clause reference, MISSING, or "
                    + "NEGOTIATED with a note; over the review's version read (If-Match or version, 0 for a clause not "
                    + "reviewed yet; stale 409, none 428)")
    ReviewResponse mark(
            @PathVariable UUID id,
            @PathVariable String clause,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) MarkRequest body) {
        MarkRequest b = body == null ? new MarkRequest(null, null, null, null, null, null) : body;
        return ReviewResponse.of(service.mark(
                id,
                clause,
                ExpectedVersion.of(ifMatch, b.version()),
                b.status(),
                b.reference(),
                b.note(),
                b.validFrom(),
                b.validUntil()));
    }

    @GetMapping(BASE + ".docx")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(summary = "The review table as a Word document in Chinese")
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        return ContractDocumentDtos.docx(service.docx(id));
    }
}
