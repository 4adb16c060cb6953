package org.yunjian.catalog.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.catalog.CrosswalkExport;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Text;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versions;

/**
 * OSCAL (and CSV) export of the standards and the versions of imported catalogs for any signed-in user; OSCAL
 * import for the system administrator.
 */
@RestController
@RequestMapping("/api/catalog")
class CatalogExchangeApiController {

    private final CatalogExchange exchange;
    private final CrosswalkExport crosswalk;
    private final int maxBytes;

    CatalogExchangeApiController(
            CatalogExchange exchange,
            CrosswalkExport crosswalk,
            @Value("${yunjian.catalog.import-max-bytes:20000000}") int maxBytes) {
        this.exchange = exchange;
        this.crosswalk = crosswalk;
        this.maxBytes = maxBytes;
    }

    @GetMapping("/standards/{code}/oscal")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The standard as an OSCAL 1.1.3 catalog (format=json|xml), valid against the official schema")
    ResponseEntity<byte[]> oscal(@PathVariable String code, @RequestParam(defaultValue = "json") String format) {
        OscalFormat f = format(format);
        byte[] body = Text.safe(exchange.exportOscal(code, f)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType() + ";charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + code + "-oscal-catalog." + f.extension() + "\"")
                .body(body);
    }

    @GetMapping("/crosswalks/nist-sp800-53r5/oscal")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "The crosswalk from NIST SP 800-53 rev 5 to the Chinese items as an OSCAL 1.2.0 mapping collection "
                            + "(format=json|xml): one mapping per target standard, each map with its relationship, confidence, "
                            + "rationale and gap; the unmapped items as the target gap summary")
    ResponseEntity<byte[]> mappingCollection(@RequestParam(defaultValue = "json") String format) {
        OscalFormat f = format(format);
        byte[] body = Text.safe(crosswalk.mappingCollection(f)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + CrosswalkExport.fileName(f) + "\"")
                .body(body);
    }

    private static OscalFormat format(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> OscalFormat.JSON;
            case "xml" -> OscalFormat.XML;
            default -> throw new FieldErrors.ValidationException("format", "catalog.api.format");
        };
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

    @GetMapping("/standards/{code}/versions")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Every version of an imported catalog, newest (current) first: file, SHA-256, size, who and when "
                    + "imported it, who and when replaced it; ETag: the current version (If-Match of a replacing import); 404 "
                    + "for a code nothing was imported under")
    ResponseEntity<List<CatalogExchange.ImportVersion>> versions(@PathVariable String code) {
        List<CatalogExchange.ImportVersion> versions = exchange.versions(code);
        return ResponseEntity.ok()
                .eTag(Versions.etag(versions.get(0).version()))
                .body(versions);
    }

    @GetMapping("/standards/{code}/original")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One version of an imported catalog exactly as uploaded (version: default the current one)")
    ResponseEntity<byte[]> original(@PathVariable String code, @RequestParam(required = false) Integer version) {
        int v = version != null ? version : exchange.versions(code).get(0).version();
        CatalogExchange.Original o = exchange.original(code, v);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(o.format().mediaType() + ";charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(code + "-v" + v + "-" + o.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(o.content());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(
            summary = "Import an OSCAL catalog (JSON or XML), validated against the official schema and NIST's "
                    + "Metaschema constraints (400 naming path and rule; warnings listed in notices; linked documents are "
                    + "never fetched), as a further standard; a code already imported answers 409 (catalog-exists) unless replace=true, which keeps the "
                    + "replaced import as an earlier version and must name the version it replaces (If-Match or version: "
                    + "older 409, none 428)")
    CatalogExchange.ImportedStandard importCatalog(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "false") boolean replace,
            @RequestParam(required = false) Long version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new FieldErrors.ValidationException("file", "catalog.import.unreadable");
        }
        if (content.length > maxBytes) {
            throw new FieldErrors.ValidationException("file", "catalog.import.tooLarge", maxBytes / 1_000_000);
        }
        try {
            return exchange.importOscal(
                    file.getOriginalFilename(), content, code, replace ? ExpectedVersion.of(ifMatch, version) : null);
        } catch (CatalogLoadException e) {
            throw new FieldErrors.ValidationException(Map.of("file", e.text()));
        }
    }
}
