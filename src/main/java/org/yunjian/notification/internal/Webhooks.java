package org.yunjian.notification.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.SealedText;
import org.yunjian.shared.outbound.OutboundPolicies;
import org.yunjian.shared.outbound.OutboundPolicy;

/**
 * An organisation's group-chat robots: added and removed by its administrators, address and signing secret sealed
 * (the address of a 企业微信 or 钉钉 robot carries its key), shown only by kind, name and host.
 */
@Service
public class Webhooks {

    static final String KEY_FILE = "notification-webhooks.key";

    /** A robot as pages and the API show it: never its address's path and query, never its secret. */
    public record View(
            UUID id, UUID organizationId, RobotKind kind, String name, String host, boolean signed, String language) {}

    /** A robot as the delivery job uses it. */
    record Target(
            UUID id, UUID organizationId, RobotKind kind, String name, String url, String secret, Locale language) {}

    private final WebhookRepository rows;
    private final OrganizationAdministrators admins;
    private final SealedText sealed;
    private final OutboundPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Webhooks(
            JdbcClient jdbc,
            OrganizationAdministrators admins,
            KeyDirectory keys,
            OutboundPolicies outbound,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = new WebhookRepository(jdbc);
        this.policy = outbound.webhooks();
        this.admins = admins;
        this.events = events;
        this.clock = clock;
        this.sealed = new SealedText(keys, KEY_FILE, "yunjian.notification-webhook", rows::none);
    }

    @Transactional(readOnly = true)
    public List<View> list(UUID organizationId) {
        admins.require(organizationId);
        return targets(organizationId).stream().map(Webhooks::view).toList();
    }

    /** Adds a robot; every field checked at once (kind, name, address, secret, language). */
    @Transactional
    public View add(UUID organizationId, String kind, String name, String url, String secret, String language) {
        admins.require(organizationId);
        FieldErrors errors = new FieldErrors();
        RobotKind k = null;
        try {
            k = RobotKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            errors.add("kind", "notification.webhook.error.kind");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            errors.add("name", "notification.webhook.error.name");
        }
        Text.violation(n, Text.Kind.LINE)
                .ifPresent(v -> errors.add("name", v.problem().messageCode(), v.messageArgs("name")));
        String u = url == null ? "" : url.strip();
        checkUrl(errors, u);
        String s = secret == null || secret.isBlank() ? null : secret.strip();
        if (k != null && s == null && k.secretRequired()) {
            errors.add("secret", "notification.webhook.error.secretRequired");
        } else if (k != null && s != null && !k.secretAllowed()) {
            errors.add("secret", "notification.webhook.error.secretNotUsed");
        } else if (s != null
                && (s.length() > 200 || Text.violation(s, Text.Kind.LINE).isPresent())) {
            errors.add("secret", "notification.webhook.error.secret");
        }
        String lang = language == null || language.isBlank() ? "zh-CN" : language.strip();
        if (!List.of("zh-CN", "en").contains(lang)) {
            errors.add("language", "notification.error.language");
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        rows.insert(id, organizationId, k.name(), n, sealed.seal(id, u), sealed.seal(id, s), lang, now);
        events.publishEvent(AuditableEvent.success(
                "notification.webhook.add",
                "notification-webhook",
                id,
                Msg.of(
                        "notification.audit.webhookAdded",
                        Msg.of("notification.robot." + k.name()),
                        n,
                        admins.name(organizationId))));
        return new View(id, organizationId, k, n, URI.create(u).getHost(), s != null, lang);
    }

    @Transactional
    public void remove(UUID organizationId, UUID webhookId) {
        admins.require(organizationId);
        Target t = targets(organizationId).stream()
                .filter(w -> w.id().equals(webhookId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("notification-webhook", webhookId));
        rows.delete(webhookId);
        events.publishEvent(AuditableEvent.success(
                "notification.webhook.remove",
                "notification-webhook",
                webhookId,
                Msg.of(
                        "notification.audit.webhookRemoved",
                        Msg.of("notification.robot." + t.kind().name()),
                        t.name(),
                        admins.name(organizationId))));
    }

    /** The organisation's robots with their opened addresses and secrets (no access check: the delivery job). */
    List<Target> targets(UUID organizationId) {
        return rows.ofOrganization(organizationId, (rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            return new Target(
                    id,
                    organizationId,
                    RobotKind.valueOf(rs.getString("kind")),
                    rs.getString("name"),
                    sealed.openIfIntact(id, rs.getString("url")).orElse(""),
                    sealed.openIfIntact(id, rs.getString("secret_sealed")).orElse(null),
                    Locale.forLanguageTag(rs.getString("language")));
        });
    }

    Optional<Target> target(UUID webhookId) {
        return rows.organizationOf(webhookId).flatMap(org -> targets(org).stream()
                .filter(t -> t.id().equals(webhookId))
                .findFirst());
    }

    private static View view(Target t) {
        String host = t.url().isEmpty() ? "" : URI.create(t.url()).getHost();
        return new View(
                t.id(),
                t.organizationId(),
                t.kind(),
                t.name(),
                host,
                t.secret() != null,
                t.language().toLanguageTag());
    }

    private void checkUrl(FieldErrors errors, String u) {
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            errors.add("url", "notification.webhook.error.url");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (u.length() > 1000
                || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            errors.add("url", "notification.webhook.error.url");
            return;
        }
        if (!allowedTarget(uri.getHost())) {
            errors.add("url", "notification.webhook.error.privateTarget");
        }
    }

    /**
     * Whether the platform may call {@code host}: every address it resolves to is allowed by the webhooks' purpose of
     * the outbound address policy (the server must not be made to call into its own network or a metadata service).
     * Checked when a robot is added; every call's socket judges the address it connects to again.
     */
    boolean allowedTarget(String host) {
        try {
            return policy.allowsAll(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
