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
import org.yunjian.assessment.Access;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.report.OscalDocuments;
import org.yunjian.report.Reports;

/**
 * The documents of an assessment: the Chinese report (DOCX, PDF), the OSCAL assessment results and, beside them,
 * the OSCAL assessment plan and plan of action and milestones ({@link OscalDocuments}). Anyone who
 * sees the assessment may download them (evidence they may not see is not referenced); before completion the
 * report is marked 草稿. Each download is audited as an export. The assessment page links here.
 */
@RestController
@Tag(name = "assessments", description = "测评 Assessments")
class ReportApi {

    private final Reports reports;
    private final OscalDocuments documents;

    ReportApi(Reports reports, OscalDocuments documents) {
        this.reports = reports;
        this.documents = documents;
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

    @GetMapping("/api/assessments/{id}/oscal-plan.json")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "The assessment as an OSCAL 1.1.3 assessment-plan in JSON: the 测评项' requirements as reviewed controls, the 测评对象 as subjects, assessor organisation, team, customer and provider as parties, the schedule; import-ssp names the system's responsibility plan (customer side) or, without a matrix, the assessment's system plan. What the assessment results' import-ap names")
    ResponseEntity<byte[]> oscalPlanJson(@PathVariable UUID id) {
        return send(documents.export(id, OscalDocuments.Kind.PLAN, OscalFormat.JSON, "web"));
    }

    @GetMapping("/api/assessments/{id}/oscal-plan.xml")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "The assessment as an OSCAL 1.1.3 assessment-plan in XML: the 测评项' requirements as reviewed controls, the 测评对象 as subjects, assessor organisation, team, customer and provider as parties, the schedule; import-ssp names the system's responsibility plan (customer side) or, without a matrix, the assessment's system plan. What the assessment results' import-ap names")
    ResponseEntity<byte[]> oscalPlanXml(@PathVariable UUID id) {
        return send(documents.export(id, OscalDocuments.Kind.PLAN, OscalFormat.XML, "web"));
    }

    @GetMapping("/api/assessments/{id}/oscal-poam.json")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "The assessment's risk register as an OSCAL 1.1.3 plan-of-action-and-milestones in JSON: per finding a risk (status, deadline, response with the responsible organisation and milestones), the finding on its 测评项, its observation and the poam-item")
    ResponseEntity<byte[]> oscalPoamJson(@PathVariable UUID id) {
        return send(documents.export(id, OscalDocuments.Kind.POAM, OscalFormat.JSON, "web"));
    }

    @GetMapping("/api/assessments/{id}/oscal-poam.xml")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "The assessment's risk register as an OSCAL 1.1.3 plan-of-action-and-milestones in XML: per finding a risk (status, deadline, response with the responsible organisation and milestones), the finding on its 测评项, its observation and the poam-item")
    ResponseEntity<byte[]> oscalPoamXml(@PathVariable UUID id) {
        return send(documents.export(id, OscalDocuments.Kind.POAM, OscalFormat.XML, "web"));
    }

    @GetMapping("/api/assessments/{id}/oscal-ssp.json")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "The assessed system as a minimal OSCAL 1.1.3 system-security-plan in JSON importing the catalog of the 测评项: what the assessment plan imports when the system has no responsibility matrix")
    ResponseEntity<byte[]> oscalSspJson(@PathVariable UUID id) {
        return send(documents.export(id, OscalDocuments.Kind.SSP, OscalFormat.JSON, "web"));
    }

    @GetMapping("/api/assessments/{id}/oscal-ssp.xml")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "The assessed system as a minimal OSCAL 1.1.3 system-security-plan in XML importing the catalog of the 测评项: what the assessment plan imports when the system has no responsibility matrix")
    ResponseEntity<byte[]> oscalSspXml(@PathVariable UUID id) {
        return send(documents.export(id, OscalDocuments.Kind.SSP, OscalFormat.XML, "web"));
    }

    static ResponseEntity<byte[]> send(OscalDocuments.Document d) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        (d.format() == OscalFormat.XML ? "application/xml" : "application/json") + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, d.name().contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }

    static ResponseEntity<byte[]> send(Reports.Document d) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, d.name().contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }
}
