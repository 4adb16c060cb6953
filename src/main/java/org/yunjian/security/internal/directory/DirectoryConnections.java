package org.yunjian.security.internal.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.security.Role;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * An organisation's directory connection, kept by its own 组织管理员: only they see and change it (anyone else is
 * refused, audited); every change is audited, secrets never shown back. The platform's 安全管理员 sees every
 * organisation's connection and may switch one off (a directory that misbehaves), never edit it or switch it on: that
 * stays the organisation's. Switching a connection off stops its sign-ins, and the sessions and API tokens of its
 * people are refused from their next check ({@link DirectoryMembership}) until it is on again.
 */
@Service
public class DirectoryConnections {

    private final DirectoryConnectionRepository connections;
    private final DirectoryAccountRepository links;
    private final org.yunjian.security.internal.AccountRepository accounts;
    private final OrganizationAdministration orgAdmins;
    private final ObjectProvider<OrganizationDirectory> organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryConnections(
            DirectoryConnectionRepository connections,
            DirectoryAccountRepository links,
            org.yunjian.security.internal.AccountRepository accounts,
            OrganizationAdministration orgAdmins,
            ObjectProvider<OrganizationDirectory> organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.connections = connections;
        this.links = links;
        this.accounts = accounts;
        this.orgAdmins = orgAdmins;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's organisation's connection, if it has one (organisation administrators only). */
    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    public Optional<DirectoryConnectionView> mine() {
        CurrentUser me = orgAdmins.requireOrgAdmin("directory.read");
        return connections.findByOrganization(me.organizationId()).map(this::view);
    }

    /**
     * Creates or changes the caller's organisation's connection (a blank secret keeps the stored one); a {@link
     * FieldErrors.ValidationException} naming each wrong field.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public DirectoryConnectionView save(DirectoryConnection.Settings settings) {
        CurrentUser me = orgAdmins.requireOrgAdmin("directory.connection.update");
        Optional<DirectoryConnection> existing = connections.findByOrganization(me.organizationId());
        Instant now = clock.instant();
        DirectoryConnection c = DirectoryConnection.of(
                existing.map(DirectoryConnection::id).orElseGet(UUID::randomUUID),
                me.organizationId(),
                settings,
                existing.orElse(null),
                now,
                me.username(),
                existing.map(DirectoryConnection::version).orElse(0L));
        FieldErrors errors = new FieldErrors();
        if (connections.domainTakenByOther(c.loginDomain(), me.organizationId())) {
            errors.add("loginDomain", "directory.error.domainTaken");
        }
        if (existing.isPresent() && existing.get().kind() != c.kind() && links.countByConnection(c.id()) > 0) {
            // who a person is there (OIDC subject, LDAP DN) would no longer mean the same
            errors.add("kind", "directory.error.kindLocked");
        }
        errors.throwIfAny();
        if (existing.isEmpty()) {
            connections.insert(c);
        } else {
            connections.update(c);
        }
        events.publishEvent(AuditableEvent.success(
                existing.isEmpty() ? "directory.connection.create" : "directory.connection.update",
                "directory",
                c.id(),
                Msg.of(
                        "directory.audit.saved",
                        c.loginDomain(),
                        Msg.of("directory.kind." + c.kind().name()),
                        Msg.of(c.enabled() ? "directory.state.enabled" : "directory.state.disabled"),
                        changedSecrets(existing.orElse(null), c))));
        return view(connections.findById(c.id()).orElseThrow());
    }

    /** Switches the caller's organisation's connection on or off. */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public DirectoryConnectionView setEnabled(boolean enabled) {
        CurrentUser me = orgAdmins.requireOrgAdmin("directory.connection.update");
        DirectoryConnection c = connections
                .findByOrganization(me.organizationId())
                .orElseThrow(() -> new NotFoundException("directory", me.organizationId()));
        return switched(c, enabled, me.username());
    }

    /** Every organisation's connection, for the platform's security administrators. */
    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    public List<DirectoryConnectionView> all() {
        requireSecurityAdmin("directory.read");
        return connections.findAll().stream().map(this::view).toList();
    }

    /** A security administrator switches an organisation's connection off. */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public DirectoryConnectionView disable(UUID id) {
        CurrentUser me = requireSecurityAdmin("directory.connection.disable");
        DirectoryConnection c = connections.findById(id).orElseThrow(() -> new NotFoundException("directory", id));
        return switched(c, false, me.username());
    }

    private DirectoryConnectionView switched(DirectoryConnection c, boolean enabled, String by) {
        if (c.enabled() != enabled) {
            connections.update(c.enabled(enabled, clock.instant(), by));
            events.publishEvent(AuditableEvent.success(
                    enabled ? "directory.connection.enable" : "directory.connection.disable",
                    "directory",
                    c.id(),
                    Msg.of(enabled ? "directory.audit.enabled" : "directory.audit.disabled", c.loginDomain())));
        }
        return view(connections.findById(c.id()).orElseThrow());
    }

    private CurrentUser requireSecurityAdmin(String action) {
        CurrentUser u = CurrentUser.require();
        if (!u.is(Role.SECURITY_ADMIN)) {
            events.publishEvent(
                    AuditableEvent.denied(action, "directory", null, Msg.of("directory.audit.deniedPlatform")));
            throw new AccessDeniedException("directory.error.securityAdminOnly");
        }
        return u;
    }

    private static Msg changedSecrets(DirectoryConnection before, DirectoryConnection after) {
        String secretBefore = before == null ? null : secretOf(before);
        String secretAfter = secretOf(after);
        return Msg.of(
                java.util.Objects.equals(secretBefore, secretAfter)
                        ? "directory.audit.secretKept"
                        : "directory.audit.secretReplaced");
    }

    private static String secretOf(DirectoryConnection c) {
        return c.oidc() != null
                ? c.oidc().clientSecret()
                : c.ldap() != null ? c.ldap().bindPassword() : null;
    }

    private DirectoryConnectionView view(DirectoryConnection c) {
        OrganizationDirectory directory = organizations.getIfAvailable();
        String name = directory == null
                ? ""
                : directory
                        .find(c.organizationId())
                        .map(OrganizationDirectory.OrganizationRef::name)
                        .orElse("");
        String by = accounts.findByUsername(c.updatedBy())
                .map(org.yunjian.security.internal.Account::displayName)
                .orElse(c.updatedBy());
        return DirectoryConnectionView.of(c, name, by, links.countByConnection(c.id()));
    }
}
