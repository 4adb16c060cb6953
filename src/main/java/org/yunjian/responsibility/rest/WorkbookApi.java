package org.yunjian.responsibility.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.responsibility.internal.exchange.MatrixWorkbook;
import org.yunjian.responsibility.internal.exchange.MatrixWorkbookImport;
import org.yunjian.responsibility.internal.exchange.StatementDocx;

/**
 * The matrix as documents: the XLSX responsibility workbook (download, and re-import of the delegation chains
 * edited offline) and the DOCX 《云服务安全责任分工说明》. Same callers as {@link ResponsibilityApi}: the parties of
 * the system read (others get 404); importing is an edit (customer; provider for its own delegations).
 */
@RestController
@Tag(name = "responsibility", description = "责任矩阵 Responsibility matrices after T/CCIA 004-2024")
class WorkbookApi {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final MatrixWorkbook workbook;
    private final MatrixWorkbookImport importer;
    private final StatementDocx statement;

    WorkbookApi(MatrixWorkbook workbook, MatrixWorkbookImport importer, StatementDocx statement) {
        this.workbook = workbook;
        this.importer = importer;
        this.statement = statement;
    }

    @GetMapping(ResponsibilityApi.BASE + "/workbook.xlsx")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "The current (or the given) version as an XLSX responsibility workbook: one row per duty and "
                    + "accountable party, editable delegation hops with drop-downs, participants and agreements")
    ResponseEntity<byte[]> exportWorkbook(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, workbook.contentDisposition(id, version))
                .body(workbook.export(id, version));
    }

    @PostMapping(path = ResponsibilityApi.BASE + "/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "Import an edited workbook: the changed delegation chains become one new draft version; rows "
                    + "also changed on the platform since the export are listed as conflicts and not applied. All or nothing: "
                    + "a 400 lists every problem by sheet, row and column and nothing is stored")
    MatrixWorkbookImport.ImportReport importWorkbook(
            @PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        return importer.importWorkbook(id, file == null ? null : file.getBytes());
    }

    @GetMapping(ResponsibilityApi.BASE + "/statement.docx")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "The current (or the given) version as the DOCX statement of responsibilities for annexing "
                    + "to the contract: participants and roles, agreements, the matrix by layer and phase, the rule check, "
                    + "signatures")
    ResponseEntity<byte[]> statement(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, statement.contentDisposition(id, version))
                .body(statement.render(id, version));
    }
}
