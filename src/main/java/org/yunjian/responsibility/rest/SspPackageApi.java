package org.yunjian.responsibility.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.responsibility.internal.exchange.SspPackages;
import org.yunjian.responsibility.internal.exchange.SspService;
import org.yunjian.shared.FieldErrors.ValidationException;

/**
 * Inheritance packages in and out (issue 60): the provider's leveraged-authorization package of its platform as an
 * OSCAL 1.1.3 SSP, and providers' plans imported into a customer's system, shown with the Chinese duties and items
 * each control lands on and the controls that land nowhere. An import never changes the matrix.
 */
@RestController
@Tag(name = "responsibility", description = "责任矩阵 Responsibility matrices after T/CCIA 004-2024")
class SspPackageApi {

    static final String PACKAGE = SspApi.PATH + "/package";
    static final String PACKAGES = SspApi.PATH + "/packages";

    private final SspPackages packages;
    private final SspService ssp;

    SspPackageApi(SspPackages packages, SspService ssp) {
        this.packages = packages;
        this.ssp = ssp;
    }

    @GetMapping(PACKAGE)
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "The system's leveraged-authorization package: an OSCAL 1.1.3 SSP whose by-components export "
                    + "what the provider provides (provided, with the platform's latest completed assessment's verdicts) "
                    + "and what every customer must do (responsibilities with responsible-roles), format=json|xml. The "
                    + "system's customer or provider; 403 for other parties")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(defaultValue = "json") String format) {
        SspService.Document d = packages.export(id, format(format));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.format().mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, d.name().contentDisposition())
                .body(d.content());
    }

    @PostMapping(PACKAGES)
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "Import a provider's OSCAL system security plan (JSON or XML, told by content; multipart 'file' "
                    + "or the request body) — Yunjian's package, a leveraged or leveraging plan, NIST SP 800-53 "
                    + "controls — for the system: stored and shown with each control's Chinese duties and items "
                    + "(relationship, rationale) and the unmapped controls. Changes nothing on the matrix. 400 naming "
                    + "every schema problem. The system's customer; 403 for other parties")
    @ApiResponse(responseCode = "201", description = "The plan as imported")
    ResponseEntity<PackageResponse> importPackage(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            HttpServletRequest request) {
        byte[] content;
        try (InputStream in = file != null ? file.getInputStream() : request.getInputStream()) {
            content = in.readNBytes(ssp.maxBytes() + 1);
        } catch (IOException e) {
            throw new ValidationException("file", "responsibility.ssp.error.unreadable");
        }
        SspPackages.Shown s = packages.importPackage(id, file == null ? null : file.getOriginalFilename(), content);
        return ResponseEntity.status(HttpStatus.CREATED).body(PackageResponse.of(s));
    }

    @GetMapping(PACKAGES)
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "The plans imported into the system, the latest first, each as read now. Whoever sees the "
                    + "whole matrix")
    List<PackageResponse> list(@PathVariable UUID id) {
        return packages.list(id).stream().map(PackageResponse::of).toList();
    }

    @GetMapping(PACKAGES + "/{packageId}")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "One imported plan: every control implementation with what it provides, leaves to the "
                    + "customer, inherits or satisfies, its Chinese duties and items, and the unmapped controls")
    PackageResponse one(@PathVariable UUID id, @PathVariable UUID packageId) {
        return PackageResponse.of(packages.show(id, packageId));
    }

    private static OscalFormat format(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> OscalFormat.JSON;
            case "xml" -> OscalFormat.XML;
            default -> throw new ValidationException("format", "responsibility.ssp.error.format");
        };
    }

    /**
     * An imported plan.
     *
     * @param kind     LEVERAGED (exports provided / responsibilities), LEVERAGING (inherits / satisfies) or PLAN
     * @param controls every control implementation, in the plan's order
     * @param unmapped the control ids that land on no Chinese duty or item
     */
    record PackageResponse(
            UUID id,
            String fileName,
            String format,
            String title,
            String kind,
            String importedBy,
            Instant importedAt,
            List<PackageControl> controls,
            List<String> unmapped) {

        static PackageResponse of(SspPackages.Shown s) {
            var r = s.reading();
            return new PackageResponse(
                    s.id(),
                    s.fileName(),
                    s.format().name(),
                    r.title(),
                    r.kind().name(),
                    s.importedBy(),
                    s.importedAt(),
                    r.implementations().stream()
                            .map(i -> new PackageControl(
                                    i.controlId(),
                                    i.mapped(),
                                    i.carrier() == null ? null : i.carrier().name(),
                                    i.statements().stream()
                                            .map(x -> new PackageStatement(
                                                    x.kind().name(), x.component(), x.text(), x.roles()))
                                            .toList(),
                                    i.targets().stream()
                                            .map(t -> new PackageTarget(
                                                    t.item().value(),
                                                    t.label(),
                                                    t.duty(),
                                                    t.relationship(),
                                                    t.rationale()))
                                            .toList()))
                            .toList(),
                    r.unmapped().stream().map(i -> i.controlId()).toList());
        }
    }

    /**
     * One control implementation.
     *
     * @param carrier INHERITED, CUSTOMER, SHARED, or null where the plan states its own implementation only
     */
    record PackageControl(
            String controlId,
            boolean mapped,
            String carrier,
            List<PackageStatement> statements,
            List<PackageTarget> targets) {}

    /** What a component says: PROVIDED, RESPONSIBILITY, INHERITED, SATISFIED or IMPLEMENTED. */
    record PackageStatement(String kind, String component, String text, List<String> roles) {}

    /** A Chinese duty (T/CCIA 004, a matrix row) or item the control lands on. */
    record PackageTarget(String item, String label, boolean duty, String relationship, String rationale) {}
}
