package org.yunjian.report.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.assessment.spi.Access;
import org.yunjian.report.Reports;

/**
 * The documents of an assessment: the Chinese report (DOCX, PDF) and the OSCAL assessment results. Anyone who
 * sees the assessment may download them (evidence they may not see is not referenced); before completion the
 * report is marked 草稿. Each download is audited as an export. The assessment page links here.
 */
@RestController
@Tag(name = "assessments", description = "测评 Assessments")
class ReportApi {

    private final Reports reports;

    ReportApi(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/assessments/{id}/report.docx")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "The assessment report as a Word document (Chinese; headings, tables, charts, evidence hashes)")
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        return send(reports.export(id, Reports.Format.DOCX, "web"));
    }

    @GetMapping("/api/assessments/{id}/report.pdf")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The assessment report as PDF with an embedded CJK font; 503 when no CJK font is installed")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return send(reports.export(id, Reports.Format.PDF, "web"));
    }

    @GetMapping("/api/assessments/{id}/oscal-results.json")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The assessment as OSCAL 1.1.3 assessment-results (verdicts as namespaced properties)")
    ResponseEntity<byte[]> oscal(@PathVariable UUID id) {
        return send(reports.export(id, Reports.Format.OSCAL_JSON, "web"));
    }

    static ResponseEntity<byte[]> send(Reports.Document d) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, d.name().contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }
}
