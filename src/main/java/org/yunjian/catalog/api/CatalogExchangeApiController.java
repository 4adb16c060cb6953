package org.yunjian.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Text;

/** OSCAL (and CSV) export of the standards for any signed-in user; OSCAL import for the system administrator. */
@RestController
@RequestMapping("/api/catalog")
class CatalogExchangeApiController {

    private final CatalogExchange exchange;
    private final int maxBytes;

    CatalogExchangeApiController(CatalogExchange exchange,
                                 @Value("${yunjian.catalog.import-max-bytes:20000000}") int maxBytes) {
        this.exchange = exchange;
        this.maxBytes = maxBytes;
    }

    @GetMapping("/standards/{code}/oscal")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The standard as an OSCAL 1.1.3 catalog (format=json|xml), valid against the official schema")
    ResponseEntity<byte[]> oscal(@PathVariable String code, @RequestParam(defaultValue = "json") String format) {
        OscalFormat f = switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> OscalFormat.JSON;
            case "xml" -> OscalFormat.XML;
            default -> throw new FieldErrors.ValidationException("format", "json or xml");
        };
        byte[] body = Text.safe(exchange.exportOscal(code, f)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-oscal-catalog." + f.extension() + "\"")
                .body(body);
    }

    @GetMapping("/standards/{code}/csv")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The standard's requirements as CSV")
    ResponseEntity<byte[]> csv(@PathVariable String code) {
        byte[] body = Text.safe(exchange.exportCsv(code)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + ".csv\"")
                .body(body);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Import an OSCAL catalog (JSON or XML), validated against the official schema, as a further standard")
    CatalogExchange.ImportedStandard importCatalog(@RequestParam("file") MultipartFile file,
                                                  @RequestParam(required = false) String code,
                                                  @RequestParam(defaultValue = "false") boolean replace) {
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new FieldErrors.ValidationException("file", "unreadable upload");
        }
        if (content.length > maxBytes) {
            throw new FieldErrors.ValidationException("file", "larger than " + maxBytes + " bytes");
        }
        try {
            return exchange.importOscal(file.getOriginalFilename(), content, code, replace);
        } catch (CatalogLoadException e) {
            throw new FieldErrors.ValidationException("file", e.getMessage());
        }
    }
}
