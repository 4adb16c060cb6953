package org.yunjian.notification.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.notification.internal.NotificationSettings;
import org.yunjian.notification.internal.Notifications;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** The caller's notifications and notification settings over REST. */
@RestController
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
class NotificationApi {

    /**
     * The caller's settings: {@code IMMEDIATE}, {@code DIGEST} or {@code OFF}; {@code zh-CN} or {@code en}; the
     * confirmed address mail goes to, and one waiting for its owner to confirm the link mailed to it.
     */
    @Schema(name = "NotificationSettings")
    record SettingsBody(
            @Schema(allowableValues = {"IMMEDIATE", "DIGEST", "OFF"})
            String emailMode,

            @Schema(allowableValues = {"zh-CN", "en"}) String language,

            @Schema(
                    description = "The confirmed address. In a request: the address wanted — a new one waits "
                            + "for confirmation, the confirmed one again drops a waiting one, blank removes both")
            String email,

            @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "An address waiting for confirmation")
            String pendingEmail) {}

    private final Notifications notifications;
    private final NotificationSettings settings;

    NotificationApi(Notifications notifications, NotificationSettings settings) {
        this.notifications = notifications;
        this.settings = settings;
    }

    @GetMapping("/api/notifications")
    @Operation(
            summary = "The caller's notifications, newest first, each in the caller's language with the path it "
                    + "links to; unread=true for the unread ones only; one page (page from 1, size 1-200, default 50)")
    Paged<Notifications.NotificationItem> list(
            @RequestParam(required = false) String unread,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return notifications.list("true".equals(unread), PageRequest.of(page, size));
    }

    @GetMapping("/api/notifications/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/api/notifications/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read (another person's is unknown: 404)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> read(@PathVariable UUID id) {
        notifications.markRead(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/notifications/read-all")
    @Operation(summary = "Mark all the caller's notifications read; answers how many were unread")
    Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead());
    }

    @GetMapping("/api/notifications/settings")
    @Operation(summary = "The caller's notification settings")
    SettingsBody settings() {
        return body(settings.mine());
    }

    @PutMapping("/api/notifications/settings")
    @Operation(
            summary = "Set the caller's notification settings (all fields; the address, which the obligations "
                    + "calendar's reminders share, takes effect when its owner confirms the link mailed to it; "
                    + "a blank e-mail removes it)")
    SettingsBody update(@RequestBody(required = false) SettingsBody body) {
        SettingsBody b = body == null ? new SettingsBody(null, null, null, null) : body;
        return body(settings.update(b.emailMode(), b.language(), b.email()));
    }

    private static SettingsBody body(NotificationSettings.Settings s) {
        return new SettingsBody(s.emailMode().name(), s.language(), s.email(), s.pendingEmail());
    }
}
