package org.yunjian.migration.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.migration.internal.OpsFileRepository;
import org.yunjian.migration.internal.SupervisionService;
import org.yunjian.migration.rest.SupervisionDtos.ChangeResponse;
import org.yunjian.migration.rest.SupervisionDtos.ReportResponse;
import org.yunjian.migration.rest.SupervisionDtos.SupervisionResponse;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * REST for operation-phase supervision: provider reports and their review, the incidents recorded against the
 * system, changes that need the customer's approval. The customer and the provider submit and request; the customer
 * reviews and decides (never on its own organisation's request); strangers 404.
 */
@RestController
class SupervisionApi {

    static final String BASE = "/api/systems/{id}/lifecycle/supervision";

    private final SupervisionService service;

    SupervisionApi(SupervisionService service) {
        this.service = service;
    }

    @GetMapping(BASE)
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Provider reports with their review, change requests with their decision, and the incidents "
                    + "recorded against the system (links to their liability analysis), as the caller may see them")
    SupervisionResponse supervision(@PathVariable UUID id) {
        return SupervisionResponse.of(service.view(id));
    }

    @PostMapping(path = BASE + "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary =
                    "Register a provider report (customer or provider): kind (MONTHLY_OPERATION, "
                            + "SECURITY_INCIDENT, SLA, OTHER), period, date received, and the file (checked by content, SM3, SM4)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ReportResponse> report(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String periodStart,
            @RequestParam(required = false) String periodEnd,
            @RequestParam(required = false) String receivedOn,
            @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        List<OpsFileRepository.Upload> uploads = MigrationApi.uploads(file == null ? null : List.of(file));
        var r = service.submitReport(
                id,
                new SupervisionService.ReportInput(kind, periodStart, periodEnd, receivedOn),
                uploads.isEmpty() ? null : uploads.get(0));
        return ResponseEntity.status(201).body(ReportResponse.of(r, service.view(id)));
    }

    @PostMapping(BASE + "/reports/{recordId}/review")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Review a report (customer, once): conclusion ACCEPTED, ACCEPTED_WITH_ISSUES or REJECTED, "
                    + "issues raised (required unless accepted), date reviewed; over the report's version read (If-Match or "
                    + "version; stale 409, none 428)")
    ReportResponse review(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) SupervisionService.ReviewInput body) {
        SupervisionService.ReviewInput in =
                body == null ? new SupervisionService.ReviewInput(null, null, null, null) : body;
        var r = service.review(id, recordId, ExpectedVersion.of(ifMatch, in.version()), in);
        return ReportResponse.of(r, service.view(id));
    }

    @GetMapping(BASE + "/reports/{recordId}/file")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(summary = "Download a report's file, verified against its SM3")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID recordId) {
        return MigrationApi.download(service.reportFile(id, recordId));
    }

    @PostMapping(BASE + "/changes")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Request a change needing the customer's approval (provider or customer): what, why, "
                    + "planned window, risk LOW/MEDIUM/HIGH and its assessment")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ChangeResponse> change(
            @PathVariable UUID id, @RequestBody(required = false) SupervisionService.ChangeInput body) {
        var c = service.requestChange(
                id, body == null ? new SupervisionService.ChangeInput(null, null, null, null, null, null, null) : body);
        return ResponseEntity.status(201).body(ChangeResponse.of(c, service.view(id)));
    }

    @PostMapping(BASE + "/changes/{recordId}/decision")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Approve or refuse a change (customer; decision APPROVE or REFUSE, reason required to refuse; "
                    + "approving a major change of a government website needs regulatorReviewedOn and regulatorReference, "
                    + "the regulator's review of GOV 8.2.2 b), else 400 quoting it); "
                    + "403 naming the rule when the requester's own organisation decides, 409 once decided; over the request's "
                    + "version read (If-Match or version; stale 409, none 428)")
    ChangeResponse decide(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) SupervisionService.DecisionInput body) {
        SupervisionService.DecisionInput in =
                body == null ? new SupervisionService.DecisionInput(null, null, null) : body;
        var c = service.decide(id, recordId, ExpectedVersion.of(ifMatch, in.version()), in);
        return ChangeResponse.of(c, service.view(id));
    }
}
