package org.yunjian.inheritance.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
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
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.inheritance.ItemResponse;
import org.yunjian.inheritance.SourceResponse;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.version.ExpectedVersion;

/** REST for inherited items: sources, recorded external conclusions, marking and withdrawing (docs/assessment.md). */
@RestController
@Tag(name = "assessments", description = "测评 Assessments")
class InheritanceApi {

    static final String WHO = org.yunjian.assessment.Access.WHO;

    private final Inheritances inheritances;
    private final AssessmentService service;

    InheritanceApi(Inheritances inheritances, AssessmentService service) {
        this.inheritances = inheritances;
        this.service = service;
    }

    @GetMapping("/api/assessments/{id}/inheritance-sources")
    @PreAuthorize(WHO)
    @Operation(
            summary = "What cloud-platform items can be inherited from: completed assessments of the provider's "
                    + "platform and recorded conclusions, each with whether it is inside the 12-month validity window; one page "
                    + "(page from 1, size 1-200, default 50) with the total")
    org.yunjian.shared.paging.Paged<SourceResponse> sources(
            @PathVariable UUID id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        // two kinds merged and ranked in Java (platform assessments and recorded conclusions of one provider)
        return org.yunjian.shared.paging.Paged.slice(
                        inheritances.sources(id), org.yunjian.shared.paging.PageRequest.of(page, size))
                .map(SourceResponse::of);
    }

    @PostMapping(path = "/api/assessments/{id}/external-conclusions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "Record the conclusion of an assessment of the provider's platform done elsewhere "
                    + "(assessors): report number, organisation, date, verdict, optional PDF (checked by content)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SourceResponse> recordConclusion(
            @PathVariable UUID id,
            @RequestParam(required = false) String reportNumber,
            @RequestParam(required = false) String assessorName,
            @RequestParam(required = false) LocalDate concludedOn,
            @RequestParam(required = false) Verdict verdict,
            @RequestParam(required = false) RiskLevel riskLevel,
            @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        var s = inheritances.recordConclusion(
                id,
                new Inheritances.ConclusionInput(reportNumber, assessorName, concludedOn, verdict, riskLevel),
                file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
        return ResponseEntity.created(URI.create("/api/assessments/" + id + "/inheritance-sources"))
                .body(SourceResponse.of(s));
    }

    @PutMapping("/api/assessment-items/{id}/inheritance")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Mark a cloud-platform item inherited from a source (assessors); 409 for another side, a "
                    + "source older than 12 months or an item already inherited; If-Match names the item's version (409 when "
                    + "stale, 428 without)")
    ItemResponse inherit(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) InheritRequest body) {
        var i = inheritances.inherit(
                id,
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()),
                body == null ? null : body.source());
        return item(i.itemId());
    }

    @DeleteMapping("/api/assessment-items/{id}/inheritance")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Withdraw an item's inheritance: the item gets back the verdict it had before; If-Match names the item's version (409 when stale, 428 without)")
    ItemResponse withdraw(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return item(inheritances.withdraw(id, ExpectedVersion.of(ifMatch, null)).id());
    }

    @PostMapping("/api/assessments/{id}/inheritance")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Inherit every cloud-platform item without a verdict of its own from a source "
                    + "(assessors; requires confirm = true); If-Match names the assessment's version (409 when stale, 428 "
                    + "without)")
    Inheritances.BulkResult inheritAll(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody BulkInheritRequest body) {
        if (body == null || !body.confirm()) {
            throw new ValidationException("confirm", "assessment.inherit.error.confirm");
        }
        return inheritances.inheritAll(id, ExpectedVersion.of(ifMatch, body.version()), body.source());
    }

    @DeleteMapping("/api/assessments/{id}/inheritance")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Withdraw every inheritance of the assessment; If-Match names the assessment's version (409 when stale, 428 without)")
    WithdrawnResponse withdrawAll(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return new WithdrawnResponse(inheritances.withdrawAll(id, ExpectedVersion.of(ifMatch, null)));
    }

    record WithdrawnResponse(int withdrawn) {}

    private ItemResponse item(UUID itemId) {
        var d = service.item(itemId);
        return ItemResponse.of(d.item(), inheritances.view(d.item().assessmentId()));
    }

    /** {@code version}: the item's version this replaces, if no {@code If-Match} names it. */
    record InheritRequest(UUID source, Long version) {}

    /** {@code version}: the assessment's version this replaces, if no {@code If-Match} names it. */
    record BulkInheritRequest(UUID source, boolean confirm, Long version) {}
}
