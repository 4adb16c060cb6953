package org.yunjian.monitoring.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.monitoring.internal.OperationReports;
import org.yunjian.monitoring.internal.OperationReports.Format;

/**
 * The monthly 安全运行报告 of a system's website monitoring (政府网站指南 8.4) as Word or PDF, for whoever sees the
 * system (others get 404).
 */
@RestController
@Tag(name = "monitoring", description = "网站安全监测 Website security monitoring")
class OperationReportApi {

    private final OperationReports reports;

    OperationReportApi(OperationReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/systems/{id}/monitoring/reports/{month}")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "The system's 安全运行报告 for a month (yyyy-MM, users' zone; the current month up to now): per "
                    + "monitor probes, availability, mean and P95 response time, longest outage; the month's alerts by "
                    + "kind with their handling; alerts open at its end. format=docx|pdf, else the Accept header, else "
                    + "PDF; 400 naming month (malformed or to come) or format; rendered on request")
    ResponseEntity<byte[]> report(
            @PathVariable String month,
            @PathVariable UUID id,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        OperationReports.Document d = reports.render(id, month, format, fromAccept(accept));
        return send(d);
    }

    /** The bytes as a download under the report's name. */
    static ResponseEntity<byte[]> send(OperationReports.Document d) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, d.name().contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }

    private static Format fromAccept(String accept) {
        return accept != null && accept.contains(Format.DOCX.mediaType()) && !accept.contains(Format.PDF.mediaType())
                ? Format.DOCX
                : Format.PDF;
    }
}
