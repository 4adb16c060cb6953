package org.yunjian.notification.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.SealedText;
import org.yunjian.shared.outbound.OutboundPolicies;
import org.yunjian.shared.outbound.OutboundPolicy;

/**
 * An organisation's group-chat robots: added, scoped and removed by its administrators, address and signing secret
 * sealed (the address of a 企业微信 or 钉钉 robot carries its key), shown only by kind, name, host and scope. A robot
 * hears its whole organisation or the systems of it its administrators name ({@link RobotScope}).
 */
@Service
public class Webhooks {

    static final String KEY_FILE = "notification-webhooks.key";

    /**
     * A robot as pages and the API show it: never its address's path and query, never its secret; its scope — the
     * whole organisation, or the systems it hears of by name.
     */
    public record View(
            UUID id,
            UUID organizationId,
            RobotKind kind,
            String name,
            String host,
            boolean signed,
            String language,
            boolean wholeOrganization,
            List<RobotSystem> systems) {}

    /** A system a robot may hear of, by name (its own schema name: the membership API has a SystemRef of its own). */
    public record RobotSystem(UUID id, String name) {}

    /** A robot as the delivery job uses it. */
    record Target(
            UUID id,
            UUID organizationId,
            RobotKind kind,
            String name,
            String url,
            String secret,
            Locale language,
            RobotScope scope) {}

    private final WebhookRepository rows;
    private final OrganizationAdministrators admins;
    private final SealedText sealed;
    private final OutboundPolicy policy;
    private final ApplicationEventPublisher events;
    private final Parties parties;
    private final Clock clock;

    Webhooks(
            JdbcClient jdbc,
            OrganizationAdministrators admins,
            KeyDirectory keys,
            OutboundPolicies outbound,
            ApplicationEventPublisher events,
            Parties parties,
            Clock clock) {
        this.rows = new WebhookRepository(jdbc);
        this.parties = parties;
        this.policy = outbound.webhooks();
        this.admins = admins;
        this.events = events;
        this.clock = clock;
        this.sealed = new SealedText(keys, KEY_FILE, "yunjian.notification-webhook", rows::none);
    }

    @Transactional(readOnly = true)
    public List<View> list(UUID organizationId) {
        admins.require(organizationId);
        Map<UUID, String> names = systemNames();
        return targets(organizationId).stream().map(t -> view(t, names)).toList();
    }

    /** The systems the organisation takes part in, by name: those a robot may be scoped to (its administrators). */
    @Transactional(readOnly = true)
    public List<RobotSystem> systems(UUID organizationId) {
        admins.require(organizationId);
        return systemNames().entrySet().stream()
                .map(e -> new RobotSystem(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Adds a robot; every field checked at once (kind, name, address, secret, language, scope: the named systems of
     * the organisation, or the whole organisation when none are named).
     */
    @Transactional
    public View add(
            UUID organizationId,
            String kind,
            String name,
            String url,
            String secret,
            String language,
            Boolean wholeOrganization,
            Collection<String> systems) {
        admins.require(organizationId);
        Map<UUID, String> names = systemNames();
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
        Optional<RobotScope> scope = RobotScope.of(wholeOrganization, systems, names.keySet(), errors);
        errors.throwIfAny();
        RobotScope sc = scope.orElseThrow();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        rows.insert(
                id,
                organizationId,
                k.name(),
                n,
                sealed.seal(id, u),
                sealed.seal(id, s),
                lang,
                sc.wholeOrganization(),
                now);
        rows.scope(id, sc.wholeOrganization(), sc.systems());
        Msg robot = Msg.of("notification.robot." + k.name());
        events.publishEvent(AuditableEvent.success(
                "notification.webhook.add",
                "notification-webhook",
                id,
                sc.wholeOrganization()
                        ? Msg.of("notification.audit.webhookAdded", robot, n, admins.name(organizationId))
                        : Msg.of(
                                "notification.audit.webhookAddedForSystems",
                                robot,
                                n,
                                admins.name(organizationId),
                                systemList(sc, names))));
        return view(new Target(id, organizationId, k, n, u, s, Locale.forLanguageTag(lang), sc), names);
    }

    /**
     * Changes which of the organisation's work a robot hears: the whole organisation, or the named systems of it
     * (checked as on {@link #add}); audited. An unknown robot, or another organisation's, is 404.
     */
    @Transactional
    public View scope(UUID organizationId, UUID webhookId, Boolean wholeOrganization, Collection<String> systems) {
        admins.require(organizationId);
        Target t = targets(organizationId).stream()
                .filter(w -> w.id().equals(webhookId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("notification-webhook", webhookId));
        Map<UUID, String> names = systemNames();
        FieldErrors errors = new FieldErrors();
        Optional<RobotScope> scope = RobotScope.of(wholeOrganization, systems, names.keySet(), errors);
        errors.throwIfAny();
        RobotScope sc = scope.orElseThrow();
        rows.scope(webhookId, sc.wholeOrganization(), sc.systems());
        Msg robot = Msg.of("notification.robot." + t.kind().name());
        events.publishEvent(AuditableEvent.success(
                "notification.webhook.scope",
                "notification-webhook",
                webhookId,
                sc.wholeOrganization()
                        ? Msg.of("notification.audit.webhookScopeWhole", robot, t.name(), admins.name(organizationId))
                        : Msg.of(
                                "notification.audit.webhookScopeSystems",
                                robot,
                                t.name(),
                                admins.name(organizationId),
                                systemList(sc, names))));
        return view(
                new Target(t.id(), organizationId, t.kind(), t.name(), t.url(), t.secret(), t.language(), sc), names);
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
        Map<UUID, Set<UUID>> scoped = rows.systemsOfOrganization(organizationId);
        return rows.ofOrganization(organizationId, (rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            boolean whole = rs.getBoolean("whole_organization");
            return new Target(
                    id,
                    organizationId,
                    RobotKind.valueOf(rs.getString("kind")),
                    rs.getString("name"),
                    sealed.openIfIntact(id, rs.getString("url")).orElse(""),
                    sealed.openIfIntact(id, rs.getString("secret_sealed")).orElse(null),
                    Locale.forLanguageTag(rs.getString("language")),
                    whole ? RobotScope.WHOLE_ORGANIZATION : new RobotScope(false, scoped.getOrDefault(id, Set.of())));
        });
    }

    /** The systems the caller (an administrator of the organisation) sees — all the organisation's — by name. */
    private Map<UUID, String> systemNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (CloudSystem c : parties.visibleSystems()) {
            names.put(c.id(), c.name());
        }
        return names;
    }

    private static Msg systemList(RobotScope scope, Map<UUID, String> names) {
        return Msg.joined(
                "notification.webhook.scope.join",
                scope.systems().stream()
                        .map(names::get)
                        .filter(java.util.Objects::nonNull)
                        .sorted()
                        .map(n -> Msg.of(Texts.VERBATIM, n))
                        .toList());
    }

    Optional<Target> target(UUID webhookId) {
        return rows.organizationOf(webhookId).flatMap(org -> targets(org).stream()
                .filter(t -> t.id().equals(webhookId))
                .findFirst());
    }

    private static View view(Target t, Map<UUID, String> names) {
        String host = t.url().isEmpty() ? "" : URI.create(t.url()).getHost();
        return new View(
                t.id(),
                t.organizationId(),
                t.kind(),
                t.name(),
                host,
                t.secret() != null,
                t.language().toLanguageTag(),
                t.scope().wholeOrganization(),
                names.entrySet().stream()
                        .filter(e -> t.scope().systems().contains(e.getKey()))
                        .map(e -> new RobotSystem(e.getKey(), e.getValue()))
                        .toList());
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
