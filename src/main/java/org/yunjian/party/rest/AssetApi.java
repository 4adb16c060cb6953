package org.yunjian.party.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yunjian.party.AssetImportance;
import org.yunjian.party.AssetType;
import org.yunjian.party.SystemAsset;
import org.yunjian.party.internal.SystemAssets;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versioned;

/**
 * A cloud system's 测评对象 list: read by whoever sees the system, changed by whoever may edit it. The list has one
 * version (its ETag); replacing the list or changing an asset names it in If-Match.
 */
@RestController
@RequestMapping("/api/systems/{id}/assets")
@Tag(name = "systems", description = "云系统 Cloud systems")
class AssetApi {

    private final SystemAssets service;

    AssetApi(SystemAssets service) {
        this.service = service;
    }

    @Schema(
            description =
                    "测评对象: type (AssetType), name, version, importance (KEY 关键 / IMPORTANT 重要 / GENERAL 一般), note")
    record AssetRequest(String type, String name, String version, String importance, String note) {
        SystemAsset.Input toInput() {
            return new SystemAsset.Input(type, name, version, importance, note);
        }
    }

    record AssetListRequest(
            List<AssetRequest> assets,

            @Schema(description = "the list version this update replaces, if no If-Match header is sent")
            Long version) {}

    record AssetResponse(
            UUID id,
            AssetType type,
            String typeLabel,
            String name,
            String version,
            AssetImportance importance,
            String importanceLabel,
            String note) {
        static AssetResponse of(SystemAsset a) {
            return new AssetResponse(
                    a.id(),
                    a.type(),
                    a.type().text().text(),
                    a.name(),
                    a.version(),
                    a.importance(),
                    a.importance().text().text(),
                    a.note());
        }
    }

    record AssetListResponse(UUID systemId, List<AssetResponse> assets, long version) implements Versioned {
        static AssetListResponse of(SystemAsset.Inventory i) {
            return new AssetListResponse(
                    i.systemId(), i.assets().stream().map(AssetResponse::of).toList(), i.version());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "The system's 测评对象 list (assets: type, name, version, importance, note) and its version")
    AssetListResponse list(@PathVariable UUID id) {
        return AssetListResponse.of(service.list(id));
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(
            summary = "Replace the whole 测评对象 list (the system's customer or a system administrator); If-Match: "
                    + "the list version read, else 428; a changed list 409; a bad value 400 naming assets[i].field")
    AssetListResponse replace(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AssetListRequest body) {
        List<SystemAsset.Input> in = body == null || body.assets() == null
                ? List.of()
                : body.assets().stream()
                        .map(a -> a == null ? null : a.toInput())
                        .toList();
        return AssetListResponse.of(
                service.replace(id, ExpectedVersion.of(ifMatch, body == null ? null : body.version()), in));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Add one asset at the end of the list (the system's customer or a system administrator)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AssetResponse> add(@PathVariable UUID id, @RequestBody AssetRequest body) {
        SystemAsset a =
                service.add(id, body == null ? new SystemAsset.Input(null, null, null, null, null) : body.toInput());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{asset}")
                .buildAndExpand(a.id())
                .toUri();
        return ResponseEntity.created(location).body(AssetResponse.of(a));
    }

    @PutMapping("/{assetId}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Change one asset; If-Match: the list version read, else 428; a changed list 409")
    AssetResponse update(
            @PathVariable UUID id,
            @PathVariable UUID assetId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AssetRequest body) {
        return AssetResponse.of(service.update(
                id,
                assetId,
                ExpectedVersion.of(ifMatch, null),
                body == null ? new SystemAsset.Input(null, null, null, null, null) : body.toInput()));
    }

    @DeleteMapping("/{assetId}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    @Operation(summary = "Remove one asset from the list (the system's customer or a system administrator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID assetId) {
        service.remove(id, assetId);
        return ResponseEntity.noContent().build();
    }
}
