package org.yunjian.monitoring.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import org.yunjian.documents.DocumentFormat;
import org.yunjian.monitoring.IssuedReport;
import org.yunjian.monitoring.internal.IssuedReports;
import org.yunjian.monitoring.internal.OperationReports;

/**
 * The monthly 安全运行报告 of a system's website monitoring (政府网站指南 8.4) as Word or PDF, for whoever sees the
 * system (others get 404): rendered on request, or — once the customer issued the month as a record — the stored
 * bytes with their SM3 ({@value #SM3}) and a signed manifest.
 */
@RestController
@Tag(name = "monitoring", description = "网站安全监测 Website security monitoring")
class OperationReportApi {

    /** The header carrying the SM3 (hex) of a stored file or manifest. */
    static final String SM3 = "X-Content-SM3";

    private final OperationReports reports;
    private final IssuedReports issued;

    OperationReportApi(OperationReports reports, IssuedReports issued) {
        this.reports = reports;
        this.issued = issued;
    }

    @GetMapping("/api/systems/{id}/monitoring/reports/{month}")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "The system's 安全运行报告 for a month (yyyy-MM, users' zone; the current month up to now): per "
                    + "monitor probes, availability, mean and P95 response time, longest outage; the month's alerts by "
                    + "kind with their handling; alerts open at its end. format=docx|pdf, else the Accept header, else "
                    + "PDF; language=zh|en, else the reader's; 400 naming month (malformed or to come), format or "
                    + "language. An issued month answers the stored bytes of its latest revision (revision=n: that "
                    + "one; 404 if none) with their SM3 in X-Content-SM3; a month not issued is rendered on request")
    ResponseEntity<byte[]> report(
            @PathVariable String month,
            @PathVariable UUID id,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) Integer revision,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return send(reports.render(id, month, format, fromAccept(accept), language, revision));
    }

    @GetMapping("/api/systems/{id}/monitoring/reports")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "The system's issued 安全运行报告, newest month first, each revision with its number, issuer, "
                    + "time, reason (corrections), whether superseded, manifest SM3 and files (format, language, "
                    + "name, SM3, size)")
    List<IssuedReport> issued(@PathVariable UUID id) {
        return issued.list(id);
    }

    @PostMapping("/api/systems/{id}/monitoring/reports/{month}/issue")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary =
                    "Issues a closed month's 安全运行报告 as a record (customer users who may set up the monitors; "
                            + "irreversible, so {\"confirm\":true}): DOCX and PDF in zh and en stored with their SM3 and a "
                            + "manifest signed with the platform's SM2 key; the provider and the security service agents are "
                            + "notified. 201; 400 naming month (malformed, to come, not over) or confirm; 409 if issued already")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IssuedReport> issue(
            @PathVariable UUID id, @PathVariable String month, @RequestBody(required = false) IssueRequest body) {
        IssueRequest b = body == null ? new IssueRequest(null, null) : body;
        IssuedReport r = issued.issue(id, month, Boolean.TRUE.equals(b.confirm()), null);
        return created(r);
    }

    @PostMapping("/api/systems/{id}/monitoring/reports/{month}/revisions")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "Corrects an issued month: a new revision rendered now, with a reason, superseding the latest "
                    + "(which stays downloadable). {\"confirm\":true,\"reason\":…}; 201; 400 naming confirm or reason; "
                    + "409 if the month was not issued")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IssuedReport> revise(
            @PathVariable UUID id, @PathVariable String month, @RequestBody(required = false) IssueRequest body) {
        IssueRequest b = body == null ? new IssueRequest(null, null) : body;
        IssuedReport r =
                issued.issue(id, month, Boolean.TRUE.equals(b.confirm()), b.reason() == null ? "" : b.reason());
        return created(r);
    }

    @GetMapping("/api/systems/{id}/monitoring/reports/{month}/manifest")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "The signed manifest (*.seal.json, SM3withSM2 by the platform key) of the month's latest issued "
                    + "revision, or revision=n; its SM3 in X-Content-SM3; 404 if not issued. Check a file offline: "
                    + "yunjian report verify FILE --seal MANIFEST --pubkey platform.pub.pem")
    ResponseEntity<byte[]> manifest(
            @PathVariable UUID id, @PathVariable String month, @RequestParam(required = false) Integer revision) {
        OperationReports.Document d = issued.manifest(id, month, revision);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, d.name().contentDisposition())
                .header(SM3, d.sm3())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }

    private ResponseEntity<IssuedReport> created(IssuedReport r) {
        return ResponseEntity.created(URI.create("/api/systems/" + r.systemId() + "/monitoring/reports/" + r.month()
                        + "/manifest?revision=" + r.revision()))
                .body(r);
    }

    /** The bytes as a download under the report's name, with their SM3 when they are a record's. */
    static ResponseEntity<byte[]> send(OperationReports.Document d) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, d.name().contentDisposition())
                .header("X-Content-Type-Options", "nosniff");
        if (d.sm3() != null) {
            b.header(SM3, d.sm3());
        }
        return b.body(d.content());
    }

    private static DocumentFormat fromAccept(String accept) {
        return accept != null
                        && accept.contains(DocumentFormat.DOCX.mediaType())
                        && !accept.contains(DocumentFormat.PDF.mediaType())
                ? DocumentFormat.DOCX
                : DocumentFormat.PDF;
    }

    /** {@code {"confirm": true}}, and for a correction its {@code reason}. */
    record IssueRequest(Boolean confirm, String reason) {}
}
