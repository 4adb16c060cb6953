package org.yunjian.notification.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.notification.internal.DeliveryRecordQueries;
import org.yunjian.notification.internal.Webhooks;

/** An organisation's group-chat robots and deliveries over REST, for its administrators. */
@RestController
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
class WebhookApi {

    /** A new robot; {@code secret} is required for DINGTALK and GENERIC, optional for FEISHU, unused by WECOM. */
    @Schema(name = "NewWebhook")
    record NewWebhook(
            @Schema(allowableValues = {"WECOM", "DINGTALK", "FEISHU", "GENERIC"})
            String kind,

            String name,
            String url,
            String secret,
            @Schema(allowableValues = {"zh-CN", "en"}) String language) {
        @Override
        public String toString() {
            return "NewWebhook[" + kind + ", " + name + "]";
        }
    }

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
    ResponseEntity<Webhooks.View> add(@PathVariable UUID id, @RequestBody(required = false) NewWebhook body) {
        NewWebhook b = body == null ? new NewWebhook(null, null, null, null, null) : body;
        Webhooks.View v = webhooks.add(id, b.kind(), b.name(), b.url(), b.secret(), b.language());
        return ResponseEntity.created(URI.create("/api/organizations/" + id + "/webhooks/" + v.id()))
                .body(v);
    }

    @DeleteMapping("/api/organizations/{id}/webhooks/{webhookId}")
    @Operation(summary = "Remove one of the organisation's robots")
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
