package org.yunjian.findings.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.findings.FindingDecisions;
import org.yunjian.findings.FindingImports;
import org.yunjian.findings.FindingRecords.Import;
import org.yunjian.findings.FindingRecords.Target;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.version.ExpectedVersion;

/** REST for imported OSCAL assessment results and POA&amp;M files and the decisions on their findings. */
@RestController
@Tag(name = "imported-findings", description = "导入的测评发现 Imported findings")
class FindingImportApi {

    private final FindingImports imports;
    private final FindingDecisions decisions;

    FindingImportApi(FindingImports imports, FindingDecisions decisions) {
        this.imports = imports;
        this.decisions = decisions;
    }

    /** An imported file: kind (RESULTS or POAM), format, the source's title and OSCAL version, who and when. */
    record FindingImportResponse(
            UUID id,
            UUID assessmentId,
            String kind,
            String format,
            String title,
            String oscalVersion,
            String fileName,
            long size,
            String sm3,
            String importedBy,
            Instant importedAt) {
        static FindingImportResponse of(Import i) {
            return new FindingImportResponse(
                    i.id(),
                    i.assessmentId(),
                    i.kind().name(),
                    i.format(),
                    i.title(),
                    i.oscalVersion(),
                    i.file().displayName(),
                    i.file().size(),
                    i.file().sm3(),
                    i.importedBy(),
                    i.importedAt());
        }
    }

    /** Where an entry goes: the Chinese item, the assessment's test item (null: out of scope), the decision. */
    record FindingPlacementResponse(
            UUID id,
            String requirementId,
            UUID itemId,
            String relationship,
            int confidence,
            String state,
            String decidedBy,
            Instant decidedAt,
            String reason,
            long version) {
        static FindingPlacementResponse of(Target t) {
            return new FindingPlacementResponse(
                    t.id(),
                    t.requirementId(),
                    t.itemId(),
                    t.relationship().oscal(),
                    t.confidence(),
                    t.state().name(),
                    t.decidedBy(),
                    t.decidedAt(),
                    t.reason(),
                    t.version());
        }
    }

    /** One entry of the source: FINDING, OBSERVATION or POAM_ITEM, with its placements (none: unmapped). */
    record ImportedEntryResponse(
            UUID id,
            String kind,
            String sourceUuid,
            String title,
            String description,
            String controlId,
            String sourceStatus,
            LocalDate deadline,
            String detail,
            List<FindingPlacementResponse> placements) {
        static ImportedEntryResponse of(FindingImports.Placed p) {
            var f = p.finding();
            return new ImportedEntryResponse(
                    f.id(),
                    f.kind().name(),
                    f.sourceUuid(),
                    f.title(),
                    f.description(),
                    f.controlId(),
                    f.sourceStatus(),
                    f.deadline(),
                    f.detail(),
                    p.targets().stream().map(FindingPlacementResponse::of).toList());
        }
    }

    record FindingImportViewResponse(
            FindingImportResponse source, List<ImportedEntryResponse> mapped, List<ImportedEntryResponse> unmapped) {
        static FindingImportViewResponse of(FindingImports.View v) {
            return new FindingImportViewResponse(
                    FindingImportResponse.of(v.source()),
                    v.mapped().stream().map(ImportedEntryResponse::of).toList(),
                    v.unmapped().stream().map(ImportedEntryResponse::of).toList());
        }
    }

    /** The assessor's adoption: the verdict (and risk for a finding); for a POA&amp;M item the due date. */
    record FindingAdoptRequest(
            Verdict verdict, String reason, RiskLevel riskLevel, String riskReason, LocalDate dueDate, Long version) {}

    /** The assessor's dismissal with its reason. */
    record FindingDismissRequest(String reason, Long version) {}

    /** The test item as recorded after an adoption. */
    record AdoptedItemResponse(UUID itemId, String requirementId, Verdict verdict, RiskLevel riskLevel, long version) {}

    @PostMapping(path = "/api/assessments/{id}/finding-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "Import an OSCAL assessment-results (kind=RESULTS) or POA&M (kind=POAM) file, JSON or XML told by "
                            + "content, OSCAL 1.0.4-1.1.x, uploaded as multipart 'file' (at most 5 MiB): each finding is placed "
                            + "on the test items its NIST SP 800-53 control maps to, unmapped ones are listed; nothing sets a "
                            + "verdict. The file is kept sealed as evidence. 400 naming the problem (size, format, DTD, model, "
                            + "version, schema path and line) with nothing stored. Assessors of the open assessment")
    @ApiResponse(responseCode = "201", description = "The import with its mapped and unmapped entries")
    ResponseEntity<FindingImportViewResponse> importFile(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", defaultValue = "RESULTS") String kind) {
        byte[] content = null;
        if (file != null && !file.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                content = in.readNBytes(FindingImports.MAX_BYTES + 1);
            } catch (IOException e) {
                throw new ValidationException(
                        "file", "findings.error.malformed", e.getClass().getSimpleName());
            }
        }
        var v = imports.importFile(id, kind, file == null ? null : file.getOriginalFilename(), content);
        return ResponseEntity.created(
                        URI.create("/api/finding-imports/" + v.source().id()))
                .body(FindingImportViewResponse.of(v));
    }

    @GetMapping("/api/assessments/{id}/finding-imports")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The assessment's imported files, newest first (the assessor organisation)")
    List<FindingImportResponse> list(@PathVariable UUID id) {
        return imports.imports(id).stream().map(FindingImportResponse::of).toList();
    }

    @GetMapping("/api/finding-imports/{id}")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "One import with its mapped and unmapped entries and the decisions (the assessor organisation)")
    FindingImportViewResponse view(@PathVariable UUID id) {
        return FindingImportViewResponse.of(imports.view(id));
    }

    @GetMapping("/api/finding-imports/{id}/file")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The imported file as it was uploaded, verified against its SM3 hash")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        var v = imports.view(id);
        byte[] content = imports.file(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(v.source().file().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(v.source().file().servedName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    @PostMapping("/api/imported-findings/{id}/adoption")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "Adopt an imported finding into its test item's record: the verdict given here (a finding needs "
                    + "its risk level and reason), the finding's text and origin added to the observations; a POA&M "
                    + "item also plans the item's remediation (source deadline or dueDate). If-Match or version: the "
                    + "placement's version. 409 once decided or outside the scope. Assessors of the open assessment")
    AdoptedItemResponse adopt(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody FindingAdoptRequest body) {
        var i = decisions.adopt(
                id,
                ExpectedVersion.of(ifMatch, body.version()),
                new FindingDecisions.AdoptInput(
                        body.verdict(), body.reason(), body.riskLevel(), body.riskReason(), body.dueDate()));
        return new AdoptedItemResponse(i.id(), i.requirementId(), i.verdict(), i.riskLevel(), i.version());
    }

    @PostMapping("/api/imported-findings/{id}/dismissal")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "Dismiss an imported finding with a reason (required); nothing of the item changes")
    @ApiResponse(responseCode = "204", description = "Dismissed")
    ResponseEntity<Void> dismiss(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody FindingDismissRequest body) {
        decisions.dismiss(id, ExpectedVersion.of(ifMatch, body.version()), body.reason());
        return ResponseEntity.noContent().build();
    }
}
