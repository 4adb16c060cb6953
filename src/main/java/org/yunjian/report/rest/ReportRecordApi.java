package org.yunjian.report.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.assessment.Access;
import org.yunjian.report.ReportCorrections;
import org.yunjian.report.ReportRecords;
import org.yunjian.report.Reports;

/**
 * The records of approved reports: the sealed revisions (files with their SM3, the seal, who approved when and why)
 * and a new revision by the 批准人. The assessment's own report links ({@link ReportApi}) return the latest revision.
 */
@RestController
@Tag(name = "assessments", description = "测评 Assessments")
class ReportRecordApi {

    private final ReportRecords records;

    ReportRecordApi(ReportRecords records) {
        this.records = records;
    }

    /** A sealed file. */
    record RecordFileResponse(String format, String language, String fileName, String sm3, long size) {}

    /** A revision of the approved report. */
    record RevisionResponse(
            int revision,
            String reportNumber,
            Instant approvedAt,
            String approverName,
            String reason,
            String sealSm3,
            List<RecordFileResponse> files,
            List<RevisionChangeResponse> changes) {
        static RevisionResponse of(ReportRecords.Revision r) {
            return new RevisionResponse(
                    r.revision(),
                    r.reportNumber(),
                    r.approvedAt(),
                    r.approverName(),
                    r.reason(),
                    r.sealSm3(),
                    r.files().stream()
                            .map(f -> new RecordFileResponse(
                                    f.format().name(), f.language(), f.fileName(), f.sm3(), f.size()))
                            .toList(),
                    r.changes().stream()
                            .map(c -> new RevisionChangeResponse(
                                    c.item(), c.requirementId(), c.field(), c.before(), c.after()))
                            .toList());
        }
    }

    /** What a revision corrected: the item (its number in the report), the text, before and after. */
    record RevisionChangeResponse(
            int item, String requirementId, ReportCorrections.Field field, String before, String after) {}

    /** One text of an item to correct: the item's number in the report, the field, what it says from now on. */
    record RevisionCorrectionRequest(Integer item, ReportCorrections.Field field, String text) {}

    /**
     * A correction after approval: why, what to correct (at least one item text), and the confirmation that it cannot
     * be undone.
     */
    record ReviseRequest(String reason, Boolean confirm, List<RevisionCorrectionRequest> corrections) {}

    @GetMapping("/api/assessments/{id}/report-revisions")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The sealed revisions of the approved report (empty before approval), the first first")
    List<RevisionResponse> revisions(@PathVariable UUID id) {
        return records.revisions(id).stream().map(RevisionResponse::of).toList();
    }

    @PostMapping("/api/assessments/{id}/report-revisions")
    @PreAuthorize(Access.WHO)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Seal a new revision (修订版) of the approved report: the content of the previous revision with the named item texts corrected and nothing else (remediation progress, matrix and risk register after approval never enter it); the 批准人 only, with a reason, at least one correction and confirm=true; earlier revisions stay")
    RevisionResponse revise(@PathVariable UUID id, @RequestBody(required = false) ReviseRequest body) {
        List<ReportCorrections.Correction> corrections = body == null || body.corrections() == null
                ? List.of()
                : body.corrections().stream()
                        .map(c -> c == null ? null : new ReportCorrections.Correction(c.item(), c.field(), c.text()))
                        .toList();
        return RevisionResponse.of(records.revise(
                id,
                body == null ? null : body.reason(),
                body != null && Boolean.TRUE.equals(body.confirm()),
                corrections));
    }

    @GetMapping("/api/assessments/{id}/report-revisions/{revision}/report.docx")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "The sealed Word report of a revision, byte for byte, in the request's language (Chinese or English)")
    ResponseEntity<byte[]> docx(@PathVariable UUID id, @PathVariable int revision) {
        return file(id, revision, Reports.Format.DOCX);
    }

    @GetMapping("/api/assessments/{id}/report-revisions/{revision}/report.pdf")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The sealed PDF report of a revision, byte for byte")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable int revision) {
        return file(id, revision, Reports.Format.PDF);
    }

    @GetMapping("/api/assessments/{id}/report-revisions/{revision}/oscal-results.json")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The sealed OSCAL assessment results of a revision, byte for byte")
    ResponseEntity<byte[]> oscal(@PathVariable UUID id, @PathVariable int revision) {
        return file(id, revision, Reports.Format.OSCAL_JSON);
    }

    @GetMapping("/api/assessments/{id}/report-revisions/{revision}/seal.json")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The SM2-signed seal of a revision, for `yunjian report verify FILE --seal SEAL --pubkey KEY`")
    ResponseEntity<byte[]> seal(@PathVariable UUID id, @PathVariable int revision) {
        return ReportApi.send(records.seal(id, revision, "web"));
    }

    /** The public check's answer: {@code genuine} false and nothing else for a wrong pair. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record CheckResponse(
            boolean genuine,
            String reportNumber,
            Integer revision,
            Instant approvedAt,
            String assessorOrganization,
            String format,
            String language,
            Integer latestRevision,
            String kind) {}

    @GetMapping("/api/report-check")
    @PreAuthorize("permitAll()") // a regulator has no account (SecurityConfig.PUBLIC); rate-limited per address
    @Operation(
            summary =
                    "Public, no login: is the file with this SM3 a sealed revision of this report number? A wrong pair answers only genuine=false; failed checks count against the address like failed logins (429 past the limit)")
    ResponseEntity<?> check(
            @org.springframework.web.bind.annotation.RequestParam(required = false) String number,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String sm3,
            jakarta.servlet.http.HttpServletRequest request) {
        ReportRecords.requireCheckable(number, sm3); // bad input is a 400 naming the field, not a silent "no"
        ReportRecords.PublicAnswer a = records.publicCheck(request.getRemoteAddr(), number, sm3);
        if (a.throttled()) {
            long seconds =
                    Math.max(1, a.retryAfter().toSeconds() + (a.retryAfter().toMillisPart() > 0 ? 1 : 0));
            org.springframework.http.ProblemDetail p = org.springframework.http.ProblemDetail.forStatusAndDetail(
                    HttpStatus.TOO_MANY_REQUESTS, org.yunjian.shared.Texts.get("record.check.throttled", seconds));
            p.setType(java.net.URI.create("urn:yunjian:problem:too-many-attempts"));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(p);
        }
        return ResponseEntity.ok(a.match()
                .map(m -> new CheckResponse(
                        true,
                        m.reportNumber(),
                        m.revision(),
                        m.approvedAt(),
                        m.assessorOrgName(),
                        m.format().name(),
                        m.language(),
                        m.latestRevision(),
                        m.monitoring() ? "monitoring-report" : "assessment-report"))
                .orElse(new CheckResponse(false, null, null, null, null, null, null, null, null)));
    }

    private ResponseEntity<byte[]> file(UUID id, int revision, Reports.Format format) {
        return ReportApi.send(records.document(id, revision, format, "web").orElseThrow());
    }
}
