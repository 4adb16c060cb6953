package org.yunjian.lifecycle.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Phase;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.lifecycle.internal.DutyRecords;
import org.yunjian.lifecycle.internal.PlanInputs;
import org.yunjian.lifecycle.internal.PlanService;
import org.yunjian.lifecycle.rest.PlanDtos.AssignmentRequest;
import org.yunjian.lifecycle.rest.PlanDtos.CommentRequest;
import org.yunjian.lifecycle.rest.PlanDtos.DutyDetailResponse;
import org.yunjian.lifecycle.rest.PlanDtos.EvidenceResponse;
import org.yunjian.lifecycle.rest.PlanDtos.PlanResponse;
import org.yunjian.lifecycle.rest.PlanDtos.ReopenRequest;
import org.yunjian.lifecycle.rest.PlanDtos.StatusRequest;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * REST for a system's lifecycle plan (docs/modules/lifecycle.md). Parties of the system read (the customer,
 * provider, assessors and administrators the whole plan, other organisations their own duties; strangers 404); the
 * customer creates the plan, assigns, accepts and closes phases; the organisation a duty is assigned to works on it.
 */
@RestController
@Tag(name = "lifecycle", description = "生命周期计划 Lifecycle plans: duties per phase of the sector guide, gates")
class PlanApi {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";
    static final String BASE = "/api/systems/{id}/lifecycle";

    private final PlanService plans;
    private final DutyRecords records;
    private final Catalog catalog;
    private final org.yunjian.lifecycle.internal.PlanAdditions additions;

    PlanApi(
            PlanService plans,
            DutyRecords records,
            Catalog catalog,
            org.yunjian.lifecycle.internal.PlanAdditions additions) {
        this.plans = plans;
        this.records = records;
        this.catalog = catalog;
        this.additions = additions;
    }

    @PostMapping(BASE + "/missing-duties")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Add the duties a plan made before lacks (customer): each duty of the guide for the system, "
                    + "for each organisation holding one of its roles now that has none yet, to its phase if that phase is "
                    + "open; answers what was added and what was not, with the reason (phase closed, nobody holds the role); "
                    + "over the plan's version read (If-Match, the plan's ETag; stale 409, none 428)")
    PlanDtos.AdditionsResponse addMissing(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return PlanDtos.AdditionsResponse.of(additions.addMissing(id, ExpectedVersion.of(ifMatch, null)), catalog);
    }

    @GetMapping(BASE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "The system's lifecycle plan: phases in the sector guide's terms with progress and what stands "
                    + "in the way of closing each, the duties the caller sees, duties nobody on the system can take")
    PlanResponse plan(@PathVariable UUID id) {
        return PlanResponse.of(plans.require(id), catalog);
    }

    @PostMapping(BASE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "Create the plan from the sector guide for the system's industry and deployment model "
                    + "(customer); 409 if it has one or no guide applies")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PlanResponse> create(@PathVariable UUID id) {
        return ResponseEntity.created(URI.create("/api/systems/" + id + "/lifecycle"))
                .body(PlanResponse.of(plans.create(id), catalog));
    }

    @GetMapping(BASE + "/duties/{dutyId}")
    @PreAuthorize(WHO)
    @Operation(summary = "One duty with its comments and evidence")
    DutyDetailResponse duty(@PathVariable UUID id, @PathVariable("dutyId") UUID duty) {
        return DutyDetailResponse.of(records.detail(id, duty), catalog);
    }

    @PutMapping(BASE + "/duties/{dutyId}/status")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Set the status (NOT_STARTED, IN_PROGRESS, DONE, NOT_APPLICABLE with reason): the "
                            + "organisation the duty is assigned to, or the customer; a change takes back an earlier acceptance")
    DutyDetailResponse status(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) StatusRequest body) {
        DutyStatus status = PlanInputs.status(body == null ? null : body.status());
        plans.setStatus(id, duty, ExpectedVersion.of(ifMatch, body.version()), status, body.reason());
        return duty(id, duty);
    }

    @PostMapping(BASE + "/duties/{dutyId}/acceptance")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Accept a duty done, or waive one declared not applicable (customer; never the person who "
                    + "owns or completed it)")
    DutyDetailResponse accept(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        plans.accept(id, duty, ExpectedVersion.of(ifMatch, null));
        return duty(id, duty);
    }

    @PutMapping(BASE + "/duties/{dutyId}/assignment")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Assign a duty to an organisation of the system, an owner there (user name) and a due date "
                    + "(yyyy-MM-dd) (customer)")
    DutyDetailResponse assign(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) AssignmentRequest body) {
        if (body == null) {
            throw new ValidationException("organisation", "lifecycle.error.bodyRequired");
        }
        plans.assign(
                id,
                duty,
                ExpectedVersion.of(ifMatch, body.version()),
                body.organisation(),
                body.owner(),
                body.dueDate());
        return duty(id, duty);
    }

    @PostMapping(BASE + "/duties/{dutyId}/comments")
    @PreAuthorize(WHO)
    @Operation(summary = "Comment on a duty (anyone who sees it)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DutyDetailResponse> comment(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestBody(required = false) CommentRequest body) {
        records.comment(id, duty, body == null ? null : body.body());
        return ResponseEntity.status(201).body(duty(id, duty));
    }

    @PostMapping(path = BASE + "/duties/{dutyId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "Upload evidence (the organisation working on the duty, or the customer): checked by "
                    + "content, SM3-hashed, SM4-sealed; refused once the duty's phase is closed")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EvidenceResponse> upload(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw new ValidationException("file", "lifecycle.evidence.error.noFile");
        }
        return ResponseEntity.status(201)
                .body(EvidenceResponse.of(records.upload(id, duty, file.getOriginalFilename(), file.getBytes())));
    }

    @GetMapping(BASE + "/evidence/{evidenceId}")
    @PreAuthorize(WHO)
    @Operation(summary = "Download evidence, decrypted and checked against its SM3 hash")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable("evidenceId") UUID evidence) {
        DutyRecords.Download d = records.download(id, evidence);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.evidence().file().servedName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SM3", d.evidence().file().sm3())
                .contentType(MediaType.parseMediaType(d.evidence().file().contentType()))
                .body(d.content());
    }

    @DeleteMapping(BASE + "/evidence/{evidenceId}")
    @PreAuthorize(WHO)
    @Operation(summary = "Remove evidence the caller's organisation uploaded, while its phase is open")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable("evidenceId") UUID evidence) {
        records.delete(id, evidence);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "/phases/{phase}/close")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Close a phase (customer): 409 listing every obstacle — earlier phase open, duties not "
                            + "accepted or waived, conditions such as a missing mandatory contract clause with the standard's text")
    PlanResponse close(@PathVariable UUID id, @PathVariable String phase) {
        return PlanResponse.of(plans.close(id, phaseOf(phase)), catalog);
    }

    @PostMapping(BASE + "/phases/{phase}/reopen")
    @PreAuthorize(WHO)
    @Operation(summary = "Reopen the last closed phase, with the reason (customer)")
    PlanResponse reopen(
            @PathVariable UUID id, @PathVariable String phase, @RequestBody(required = false) ReopenRequest body) {
        return PlanResponse.of(plans.reopen(id, phaseOf(phase), body == null ? null : body.reason()), catalog);
    }

    private static Phase phaseOf(String phase) {
        try {
            return Phase.valueOf(phase);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("lifecycle-phase", phase);
        }
    }
}
