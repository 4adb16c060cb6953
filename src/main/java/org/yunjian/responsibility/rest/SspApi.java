package org.yunjian.responsibility.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.internal.exchange.MatrixImports;
import org.yunjian.responsibility.internal.exchange.SspService;
import org.yunjian.responsibility.rest.Dtos.MatrixResponse;
import org.yunjian.shared.FieldErrors.ValidationException;

/**
 * The matrix as an OSCAL 1.1.3 system security plan (docs/modules/responsibility.md, "OSCAL SSP exchange"): export
 * for whoever may read the matrix, import for the customer (the provider for its own parts). Who may call: as
 * {@link ResponsibilityApi}.
 */
@RestController
@Tag(name = "responsibility", description = "责任矩阵 Responsibility matrices after T/CCIA 004-2024")
class SspApi {

    static final String PATH = ResponsibilityApi.BASE + "/oscal-ssp";

    private final SspService ssp;

    SspApi(SspService ssp) {
        this.ssp = ssp;
    }

    @GetMapping(PATH)
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "The current (or the given) version of the matrix as an OSCAL 1.1.3 system security plan, "
                    + "valid against the official schema: format=json|xml, side=provider (by-components with export → "
                    + "provided / responsibilities) or customer (inherited / satisfied, leveraged authorization of the "
                    + "provider's platform). Parties of the system")
    ResponseEntity<byte[]> export(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "customer") String side,
            @RequestParam(required = false) Integer version) {
        SspService.Document d = ssp.export(id, version, side(side), format(format));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.format().mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, d.name().contentDisposition())
                .body(d.content());
    }

    @PostMapping(PATH)
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "Import an OSCAL system security plan (JSON or XML, told by content; uploaded as multipart "
                    + "'file' or sent as the request body) into the matrix as a new draft version, all or nothing: 400 naming "
                    + "the path of every problem (schema, unknown duty, organisation not taking part, role not held, "
                    + "agreement not recorded). 201 with the new draft; 200 when the plan allocates as the current version "
                    + "does (nothing stored). Customer; the provider only for its own parts (403 otherwise)")
    @ApiResponse(responseCode = "201", description = "A new draft version")
    @ApiResponse(responseCode = "200", description = "Allocated as the current version: nothing stored")
    ResponseEntity<MatrixResponse> importSsp(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Integer baseVersion,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        byte[] content;
        try (InputStream in = file != null ? file.getInputStream() : request.getInputStream()) {
            content = in.readNBytes(ssp.maxBytes() + 1);
        } catch (IOException e) {
            throw new ValidationException("file", "responsibility.ssp.error.unreadable");
        }
        MatrixImports.Imported r = ssp.importSsp(
                id, file == null ? null : file.getOriginalFilename(), content, Dtos.base(ifMatch, baseVersion));
        // 201: a new draft version; 200: the plan allocates as the current version does, nothing was stored
        return Dtos.tagged(r.changed() ? 201 : 200, r.view());
    }

    private static OscalFormat format(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> OscalFormat.JSON;
            case "xml" -> OscalFormat.XML;
            default -> throw new ValidationException("format", "responsibility.ssp.error.format");
        };
    }

    private static SignOffSide side(String side) {
        return switch (side.toLowerCase(Locale.ROOT)) {
            case "provider" -> SignOffSide.PROVIDER;
            case "customer" -> SignOffSide.CUSTOMER;
            default -> throw new ValidationException("side", "responsibility.ssp.error.side");
        };
    }
}
