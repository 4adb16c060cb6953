package org.yunjian.backup.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.backup.internal.BackupService;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * Backups for the system administrator: take one now (online, consistent), list the finished ones. A refused or
 * failed backup is a {@code BackupException}, answered as a problem in the caller's language.
 */
@RestController
@RequestMapping("/api/backups")
class BackupApiController {

    private final BackupService backups;

    BackupApiController(BackupService backups) {
        this.backups = backups;
    }

    record BackupDto(String name, String createdAt, String database, int files, long bytes, String manifestSm3) {
        static BackupDto of(BackupService.Backup b) {
            return new BackupDto(b.name(), b.createdAt(), b.database(), b.files(), b.bytes(), b.manifestSm3());
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(
            summary = "Take a backup now: database snapshot, evidence and exit-project files, SM3 manifest (no keys)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<BackupDto> create() {
        BackupService.Backup b = backups.create();
        return ResponseEntity.created(URI.create("/api/backups/" + b.name())).body(BackupDto.of(b));
    }

    @GetMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(
            summary = "The finished backups in the backup directory, newest first; one page (page from 1, size "
                    + "1-200, default 50) with the total")
    Paged<BackupDto> list(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        // the backups are folders of the backup directory, read and sorted there (not rows of a table)
        return Paged.slice(backups.list(), PageRequest.of(page, size)).map(BackupDto::of);
    }
}
