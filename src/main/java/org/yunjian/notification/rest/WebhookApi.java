package org.yunjian.notification.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.notification.internal.DeliveryRecordQueries;
import org.yunjian.notification.internal.Webhooks;

/** An organisation's group-chat robots and deliveries over REST, for its administrators. */
@RestController
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
class WebhookApi {

    /**
     * A new robot; {@code secret} is required for DINGTALK and GENERIC, optional for FEISHU, unused by WECOM. Its
     * scope: the named {@code systems} of the organisation, or every system of it when none are named.
     */
    @Schema(name = "NewWebhook")
    record NewWebhook(
            @Schema(allowableValues = {"WECOM", "DINGTALK", "FEISHU", "GENERIC"})
            String kind,

            String name,
            String url,
            String secret,
            @Schema(allowableValues = {"zh-CN", "en"}) String language,

            @Schema(
                    description = "true or absent: the robot hears of every system of the organisation; false with"
                            + " systems: only of those")
            Boolean wholeOrganization,

            @Schema(description = "ids of systems the organisation takes part in; none: the whole organisation")
            List<UUID> systems) {
        @Override
        public String toString() {
            return "NewWebhook[" + kind + ", " + name + "]";
        }
    }

    /** Which of the organisation's work a robot hears: every system of it, or the named systems. */
    @Schema(name = "WebhookScope")
    record Scope(
            @Schema(
                    description = "true or absent with no systems: every system of the organisation; false: only"
                            + " the named systems")
            Boolean wholeOrganization,

            @Schema(description = "ids of systems the organisation takes part in")
            List<UUID> systems) {}

    private final Webhooks webhooks;
    private final DeliveryRecordQueries deliveries;

    WebhookApi(Webhooks webhooks, DeliveryRecordQueries deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @GetMapping("/api/organizations/{id}/webhooks")
    @Operation(summary = "The organisation's group-chat robots (kind, name, host; never the address or secret)")
    List<Webhooks.View> list(@PathVariable UUID id) {
        return webhooks.list(id);
    }

    @PostMapping("/api/organizations/{id}/webhooks")
    @Operation(summary = "Add a group-chat robot to the organisation (address and secret stored sealed)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Webhooks.View> add(@PathVariable UUID id, @RequestBody(required = false) NewWebhook body) {
        NewWebhook b = body == null ? new NewWebhook(null, null, null, null, null, null, null) : body;
        Webhooks.View v = webhooks.add(
                id, b.kind(), b.name(), b.url(), b.secret(), b.language(), b.wholeOrganization(), ids(b.systems()));
        return ResponseEntity.created(URI.create("/api/organizations/" + id + "/webhooks/" + v.id()))
                .body(v);
    }

    @PutMapping("/api/organizations/{id}/webhooks/{webhookId}/scope")
    @Operation(
            summary = "Change which of the organisation's work a robot hears: every system of it, or only the named"
                    + " systems (audited)")
    Webhooks.View scope(
            @PathVariable UUID id, @PathVariable UUID webhookId, @RequestBody(required = false) Scope body) {
        Scope b = body == null ? new Scope(null, null) : body;
        return webhooks.scope(id, webhookId, b.wholeOrganization(), ids(b.systems()));
    }

    private static List<String> ids(List<UUID> systems) {
        return systems == null
                ? List.of()
                : systems.stream().map(s -> s == null ? "" : s.toString()).toList();
    }

    @DeleteMapping("/api/organizations/{id}/webhooks/{webhookId}")
    @Operation(summary = "Remove one of the organisation's robots")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID webhookId) {
        webhooks.remove(id, webhookId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/organizations/{id}/notification-deliveries")
    @Operation(
            summary = "The organisation's last 100 deliveries (e-mail and robots), failures first, with tries and "
                    + "the last error")
    List<DeliveryRecordQueries.Record> deliveries(@PathVariable UUID id) {
        return deliveries.of(id);
    }
}
