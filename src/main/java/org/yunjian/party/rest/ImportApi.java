package org.yunjian.party.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.party.internal.ImportService;
import org.yunjian.party.internal.ImportService.Format;
import org.yunjian.party.rest.Dtos.ImportResponse;
import org.yunjian.shared.FieldErrors;

/** Imports of organisations and systems; a refused file is an {@code ImportRejectedException}, answered as a problem. */
@RestController
@RequestMapping("/api/import")
@Tag(name = "import", description = "导入 Import")
class ImportApi {

    private final ImportService service;

    ImportApi(ImportService service) {
        this.service = service;
    }

    @PostMapping(path = "/organizations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Import organisations from CSV or JSON; all rows or none")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ImportResponse> organizations(
            @RequestParam("file") MultipartFile file, @RequestParam(name = "format", required = false) String format) {
        var r = service.importOrganizations(read(file, service.maxBytes()), format(format));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ImportResponse(r.kind(), r.count(), r.ids()));
    }

    @PostMapping(path = "/systems", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Import cloud systems from CSV or JSON (organisations by credit code); all rows or none")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ImportResponse> systems(
            @RequestParam("file") MultipartFile file, @RequestParam(name = "format", required = false) String format) {
        var r = service.importSystems(read(file, service.maxBytes()), format(format));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ImportResponse(r.kind(), r.count(), r.ids()));
    }

    static Format format(String format) {
        try {
            return Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new FieldErrors.ValidationException("format", "party.import.unknownFormat");
        }
    }

    /** Reads at most {@code max + 1} bytes, so an oversized upload is refused without buffering it whole. */
    static byte[] read(MultipartFile file, int max) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(max + 1);
        } catch (IOException e) {
            throw new FieldErrors.ValidationException("file", "party.import.unreadable");
        }
    }
}
