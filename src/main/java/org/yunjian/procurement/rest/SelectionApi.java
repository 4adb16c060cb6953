package org.yunjian.procurement.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.procurement.internal.SelectionService;
import org.yunjian.procurement.rest.ContractDocumentDtos.CandidateRequest;
import org.yunjian.procurement.rest.ContractDocumentDtos.JudgementRequest;
import org.yunjian.procurement.rest.ContractDocumentDtos.SelectionDecisionRequest;
import org.yunjian.procurement.rest.ContractDocumentDtos.SelectionResponse;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versions;

/**
 * REST for a system's provider selection: candidates compared against the guide's criteria (quoted verbatim), with
 * judgements, notes and evidence, and the decision. Access as for the needs analysis.
 */
@RestController
@Tag(name = "lifecycle")
class SelectionApi {

    static final String BASE = "/api/systems/{id}/lifecycle/selection";

    private final SelectionService service;

    SelectionApi(SelectionService service) {
        this.service = service;
    }

    @GetMapping(BASE)
    @PreAuthorize(NeedsApi.WHO)
    @Operation(
            summary = "The criteria, the candidates with their judgements and evidence, and the decision; the "
                    + "selection's version (one for the whole selection) as the ETag")
    ResponseEntity<SelectionResponse> get(@PathVariable UUID id) {
        return tagged(service.view(id));
    }

    /** The selection with its version as the ETag a change names in If-Match. */
    private static ResponseEntity<SelectionResponse> tagged(SelectionService.View v) {
        return ResponseEntity.ok().eTag(Versions.etag(v.version())).body(SelectionResponse.of(v));
    }

    @PostMapping(BASE + "/candidates")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(
            summary = "Add a candidate (customer): a registered organisation with the provider role "
                    + "(organisation) or a provider that is not registered (name), not both")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SelectionResponse> add(@PathVariable UUID id, @RequestBody(required = false) CandidateRequest body) {
        CandidateRequest b = body == null ? new CandidateRequest(null, null) : body;
        service.addCandidate(id, b.organisation(), b.name());
        SelectionService.View v = service.view(id);
        return ResponseEntity.created(URI.create("/api/systems/" + id + "/lifecycle/selection"))
                .eTag(Versions.etag(v.version()))
                .body(SelectionResponse.of(v));
    }

    @DeleteMapping(BASE + "/candidates/{candidate}")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(
            summary = "Remove a candidate (customer), naming the selection's version read in If-Match (428 "
                    + "without, 409 if stale); 409 for the selected one or one with evidence")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> remove(
            @PathVariable UUID id,
            @PathVariable UUID candidate,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.removeCandidate(id, candidate, ExpectedVersion.of(ifMatch, null));
        return ResponseEntity.noContent().build();
    }

    @PutMapping(BASE + "/candidates/{candidate}/judgements/{criterion}")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(
            summary =
                    "Judge a candidate on a criterion (customer): MEETS, PARTLY, DOES_NOT_MEET or UNKNOWN, "
                            + "with a note; names the selection's version read (If-Match or version): 428 without, 409 if stale")
    ResponseEntity<SelectionResponse> judge(
            @PathVariable UUID id,
            @PathVariable UUID candidate,
            @PathVariable String criterion,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) JudgementRequest body) {
        JudgementRequest b = body == null ? new JudgementRequest(null, null, null) : body;
        service.judge(id, candidate, criterion, b.judgement(), b.note(), ExpectedVersion.of(ifMatch, b.version()));
        return tagged(service.view(id));
    }

    @PostMapping(BASE + "/candidates/{candidate}/judgements/{criterion}/evidence")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(
            summary = "Attach an evidence file (customer), checked by content, SM3-hashed and SM4-encrypted like "
                    + "assessment evidence")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SelectionResponse> evidence(
            @PathVariable UUID id,
            @PathVariable UUID candidate,
            @PathVariable String criterion,
            @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ValidationException("file", "lifecycle.doc.error.fileRequired");
        }
        service.addEvidence(id, candidate, criterion, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(201).body(SelectionResponse.of(service.view(id)));
    }

    @GetMapping(BASE + "/evidence/{evidence}")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(summary = "An evidence file, verified against its SM3 hash")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID evidence) {
        return ContractDocumentDtos.file(service.evidence(id, evidence));
    }

    @PutMapping(BASE + "/decision")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(
            summary = "Record the decision (customer): the selected candidate and the reasons; 409 if the "
                    + "candidate does not meet a mandatory criterion; names the selection's version read (If-Match or "
                    + "version): 428 without, 409 if stale")
    ResponseEntity<SelectionResponse> decide(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) SelectionDecisionRequest body) {
        SelectionDecisionRequest b = body == null ? new SelectionDecisionRequest(null, null, null) : body;
        service.decide(id, b.candidate(), b.reasons(), ExpectedVersion.of(ifMatch, b.version()));
        return tagged(service.view(id));
    }

    @GetMapping(BASE + ".docx")
    @PreAuthorize(NeedsApi.WHO)
    @Operation(summary = "The provider comparison table as a Word document in Chinese")
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        return ContractDocumentDtos.docx(service.docx(id));
    }
}
