package org.yunjian.workbench.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentResponse;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records.Interview;
import org.yunjian.evidence.EvidenceDownloads;
import org.yunjian.evidence.EvidenceResponse;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.inheritance.ItemResponse;
import org.yunjian.risk.Remediations;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.workbench.internal.ItemFilter;
import org.yunjian.workbench.internal.Workbench;
import org.yunjian.workbench.internal.Workbooks;
import org.yunjian.workbench.rest.Dtos.CreateRequest;
import org.yunjian.workbench.rest.Dtos.InterviewRequest;
import org.yunjian.workbench.rest.Dtos.ItemDetailResponse;
import org.yunjian.workbench.rest.Dtos.ObservationsRequest;
import org.yunjian.workbench.rest.Dtos.RemediationRequest;
import org.yunjian.workbench.rest.Dtos.RemediationResponse;
import org.yunjian.workbench.rest.Dtos.SharedRequest;
import org.yunjian.workbench.rest.Dtos.TransitionRequest;
import org.yunjian.workbench.rest.Dtos.VerdictRequest;

/** REST for assessments, their test items, evidence and remediation (docs/assessment.md). */
@RestController
@Tag(name = "assessments", description = "测评 Assessments")
class AssessmentApi {

    static final String WHO = Access.WHO;

    private final AssessmentService service;
    private final org.yunjian.review.Reviews reviews;
    private final EvidenceService evidence;
    private final Workbooks workbooks;
    private final Clock clock;
    private final Remediations remediations;
    private final Inheritances inheritances;
    private final Workbench workbench;

    private final org.yunjian.risk.RiskHistory history;

    AssessmentApi(
            AssessmentService service,
            EvidenceService evidence,
            Workbooks workbooks,
            Clock clock,
            Remediations remediations,
            Inheritances inheritances,
            org.yunjian.review.Reviews reviews,
            Workbench workbench,
            org.yunjian.risk.RiskHistory history) {
        this.workbench = workbench;
        this.history = history;
        this.reviews = reviews;
        this.inheritances = inheritances;
        this.remediations = remediations;
        this.service = service;
        this.evidence = evidence;
        this.workbooks = workbooks;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @GetMapping("/api/assessments/{id}/workbook")
    @PreAuthorize(WHO)
    @Operation(summary = "The item table as an XLSX workbook to fill offline")
    ResponseEntity<byte[]> exportWorkbook(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, workbooks.contentDisposition(id))
                .body(workbooks.export(id));
    }

    @PostMapping(path = "/api/assessments/{id}/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Import a filled workbook (assessors): changed rows are applied, rows whose item also "
                            + "changed on the platform are reported as conflicts; a workbook with any problem (structure, cells, "
                            + "verdict rules) is a 400 problem listing every one with sheet, row and column, and nothing is applied")
    Workbooks.ImportReport importWorkbook(@PathVariable UUID id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return workbooks.importWorkbook(id, file.getBytes());
    }

    @GetMapping("/api/assessments")
    @PreAuthorize(WHO)
    @Operation(
            summary = "One page of the assessments the caller takes part in, newest first, with the total. Filters: "
                    + "systemId, q (name contains, any case), status (DRAFT, IN_PROGRESS, IN_REVIEW, APPROVAL, COMPLETED, "
                    + "ARCHIVED); page from 1, size 1-200 (default 50). A bad value is a 400 naming the parameter")
    org.yunjian.shared.paging.Paged<AssessmentResponse> list(
            @RequestParam(required = false) UUID systemId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var query = org.yunjian.shared.paging.ListFilters.Query.of(
                q, "status", status, org.yunjian.assessment.AssessmentStatus.class, page, size);
        return service.page(systemId, query.text(), query.choice(), query.page())
                .map(AssessmentResponse::of);
    }

    @PostMapping("/api/assessments")
    @PreAuthorize(WHO)
    @Operation(summary = "Create an assessment (the system's customer or the named assessor); generates its test items")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AssessmentResponse> create(@RequestBody CreateRequest body) {
        var a = service.create(body.toInput());
        return ResponseEntity.created(URI.create("/api/assessments/" + a.id())).body(AssessmentResponse.of(a));
    }

    @GetMapping("/api/assessments/{id}")
    @PreAuthorize(WHO)
    @Operation(summary = "Get an assessment")
    AssessmentResponse get(@PathVariable UUID id) {
        return AssessmentResponse.of(service.access(id).assessment());
    }

    @PostMapping("/api/assessments/{id}/transitions")
    @PreAuthorize(WHO)
    @Operation(summary = "Move the status (assessors only); an illegal move is a 409 problem")
    AssessmentResponse transition(@PathVariable UUID id, @RequestBody TransitionRequest body) {
        if (body == null || body.to() == null) {
            throw new ValidationException("to", "required");
        }
        return AssessmentResponse.of(reviews.transition(id, body.to(), body.comment()));
    }

    @GetMapping("/api/assessments/{id}/items")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "One page of the test items in order, with the total. Filters: layer and controlPoint (stored values), side (CLOUD_PLATFORM, CUSTOMER_SYSTEM), verdict (a verdict or NONE = not yet recorded), q (number, requirement id, requirement text, layer or control point contains, any case); page from 1, size 1-200 (default 50). A bad value is a 400 naming the parameter")
    Paged<ItemResponse> items(
            @PathVariable UUID id,
            @RequestParam(required = false) String layer,
            @RequestParam(required = false) String controlPoint,
            @RequestParam(required = false) String side,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        ItemFilter.Query query = ItemFilter.query(layer, controlPoint, side, verdict, q, page, size);
        Paged<org.yunjian.assessment.Records.TestItem> found = workbench.page(id, query.filter(), query.page());
        var view = inheritances.view(id);
        return found.map(i -> ItemResponse.of(i, view));
    }

    @GetMapping("/api/assessments/{id}/score")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Scores by layer and control point, compliance rate and conclusion, with the policy used; the "
                    + "policy, the conclusion and each reason (code and text) in the request's language")
    Dtos.ScoreResponse score(@PathVariable UUID id) {
        return Dtos.ScoreResponse.of(service.score(id));
    }

    @GetMapping("/api/assessments/{id}/remediations")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Remediation tasks of an assessment; one page (page from 1, size 1-200, default 50) with the "
                    + "total")
    Paged<RemediationResponse> remediations(
            @PathVariable UUID id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.of(page, size);
        return Paged.slice(service.remediations(id), request).map(r -> RemediationResponse.of(r, today()));
    }

    @GetMapping("/api/assessment-items/{id}")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "A test item with the catalog's steps and criteria, verdict history, interviews, evidence; previousFinding: the system's previous assessment's finding on it with the remediation reported since (read-only)")
    ItemDetailResponse item(@PathVariable UUID id) {
        var d = service.item(id);
        return ItemDetailResponse.of(
                d,
                inheritances.view(d.item().assessmentId()),
                today(),
                history.priorFinding(id).orElse(null));
    }

    @PutMapping("/api/assessment-items/{id}/verdict")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Record a verdict (a later one is a re-test; history kept); If-Match names the item's version; 409 once completed or when stale, 428 without a version")
    ItemResponse verdict(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody VerdictRequest body) {
        var i = service.recordVerdict(id, ExpectedVersion.of(ifMatch, body.version()), body.toInput());
        return ItemResponse.of(i, inheritances.view(i.assessmentId()));
    }

    @PutMapping("/api/assessment-items/{id}/observations")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Replace the observed facts of a test item; If-Match names the item's version (409 when stale, 428 without)")
    ItemResponse observations(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ObservationsRequest body) {
        var i = service.recordObservations(id, ExpectedVersion.of(ifMatch, body.version()), body.observations());
        return ItemResponse.of(i, inheritances.view(i.assessmentId()));
    }

    @PostMapping("/api/assessment-items/{id}/interviews")
    @PreAuthorize(WHO)
    @Operation(summary = "Add an interview record (who, role, when)")
    Interview interview(@PathVariable UUID id, @RequestBody InterviewRequest body) {
        return service.addInterview(
                id, new AssessmentService.InterviewInput(body.interviewee(), body.role(), body.heldAt(), body.notes()));
    }

    @PostMapping(path = "/api/assessment-items/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(summary = "Upload an evidence file (type checked by content, size-limited, SM3-hashed, SM4-encrypted)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EvidenceResponse> upload(
            @PathVariable UUID id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean sharedWithProvider)
            throws IOException {
        var e = evidence.upload(id, file.getOriginalFilename(), file.getBytes(), sharedWithProvider);
        return ResponseEntity.created(URI.create("/api/evidence/" + e.id())).body(EvidenceResponse.of(e));
    }

    @GetMapping("/api/evidence/{id}")
    @PreAuthorize(WHO)
    @Operation(summary = "Evidence metadata (name, type, size, SM3); the ETag is its version")
    EvidenceResponse evidence(@PathVariable UUID id) {
        return EvidenceResponse.of(evidence.visible(id));
    }

    @GetMapping("/api/evidence/{id}/content")
    @PreAuthorize(WHO)
    @Operation(summary = "Download evidence, decrypted and verified against its SM3; altered content is refused")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        return EvidenceDownloads.download(evidence.download(id));
    }

    @PutMapping("/api/evidence/{id}/shared")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Share or unshare evidence with the provider (the uploading organisation); If-Match names the evidence's version (409 when stale, 428 without)")
    EvidenceResponse share(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SharedRequest body) {
        return EvidenceResponse.of(evidence.setShared(id, ExpectedVersion.of(ifMatch, body.version()), body.shared()));
    }

    @DeleteMapping("/api/evidence/{id}")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Delete evidence: its key is destroyed (cryptographic erasure), then metadata and blob; If-Match names the evidence's version (409 naming the file when stale, nothing deleted; 428 without)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        evidence.delete(id, ExpectedVersion.of(ifMatch, null));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/remediations/{id}")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Change a remediation task (responsible organisation, due date, status, note); If-Match names the task's version (409 when stale, 428 without)")
    RemediationResponse remediation(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RemediationRequest body) {
        return RemediationResponse.of(
                remediations.update(
                        id,
                        ExpectedVersion.of(ifMatch, body.version()),
                        new Remediations.Input(body.responsibleOrgId(), body.dueDate(), body.status(), body.note())),
                today());
    }
}
