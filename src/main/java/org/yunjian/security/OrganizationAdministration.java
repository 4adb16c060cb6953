package org.yunjian.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.OrganizationAdminRepository;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * 组织管理员: a business user flagged as its organisation's administrator manages that organisation's business accounts
 * — creates them, disables and enables them, resets passwords, unlocks, names further organisation administrators —
 * under the platform's password policy, without the platform's 安全管理员. It never touches another organisation's
 * accounts (answered like unknown ones), never an administrator account, and cannot grant any platform role: every
 * account it creates is a {@link Role#USER} of its own organisation, so the 三权分立 of the three administrator roles
 * is untouched. Every step is audited by {@link UserAdministration}, whose checks it reuses; granting and revoking the
 * flag is audited here.
 */
@Service
public class OrganizationAdministration {

    /**
     * An account of the caller's organisation as its administrator sees it; {@code directoryManaged}: it signs in
     * through the organisation's directory and has no local password.
     */
    public record Member(
            UUID id,
            String username,
            String displayName,
            boolean enabled,
            boolean locked,
            boolean orgAdmin,
            boolean mustChangePassword,
            Instant createdAt,
            long version,
            boolean directoryManaged) {}

    private final AccountRepository accounts;
    private final OrganizationAdminRepository flags;
    private final UserAdministration users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.yunjian.security.internal.password.PasswordPolicy policy;
    private final org.yunjian.security.internal.directory.DirectoryAccounts directoryAccounts;

    OrganizationAdministration(
            AccountRepository accounts,
            OrganizationAdminRepository flags,
            UserAdministration users,
            ApplicationEventPublisher events,
            Clock clock,
            org.yunjian.security.internal.password.PasswordPolicy policy,
            org.yunjian.security.internal.directory.DirectoryAccounts directoryAccounts) {
        this.directoryAccounts = directoryAccounts;
        this.policy = policy;
        this.accounts = accounts;
        this.flags = flags;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The platform's password rules in the caller's language, for forms that set a password. */
    public String passwordPolicy() {
        return policy.summary();
    }

    /** Whether the caller is an organisation administrator (a business user of an organisation, flagged). */
    public boolean isOrgAdmin() {
        return CurrentUser.current()
                .filter(u -> u.is(Role.USER) && u.organizationId() != null)
                .map(u -> flags.isOrgAdmin(u.userId()))
                .orElse(false);
    }

    /** Whether {@code userId} is an organisation administrator (an enabled, flagged business account). */
    public boolean isOrgAdmin(UUID userId) {
        return flags.isOrgAdmin(userId);
    }

    /**
     * The enabled administrators of {@code organizationId} (who must decide what is asked of the organisation), by
     * user name; none for an organisation without one.
     */
    public List<UUID> administratorsOf(UUID organizationId) {
        return flags.orgAdminsOf(organizationId).stream()
                .filter(flags::isOrgAdmin)
                .sorted()
                .toList();
    }

    /** The caller, if an organisation administrator; else an audited {@link AccessDeniedException}. */
    public CurrentUser requireOrgAdmin(String action) {
        CurrentUser u = CurrentUser.require();
        if (!isOrgAdmin()) {
            events.publishEvent(AuditableEvent.denied(
                    action, "organization", u.organizationId(), Msg.of("security.orgadmin.audit.denied")));
            throw new AccessDeniedException("security.orgadmin.denied");
        }
        return u;
    }

    /** The accounts of the caller's organisation, by user name. */
    @Transactional(
            readOnly = true,
            noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public List<Member> members() {
        CurrentUser me = requireOrgAdmin("orgadmin.list");
        Instant now = clock.instant();
        return accounts.findAll().stream()
                .filter(a -> a.role() == Role.USER && me.belongsTo(a.organizationId()))
                .map(a -> member(a, now))
                .toList();
    }

    @Transactional(
            readOnly = true,
            noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public Member member(UUID id) {
        return member(own(requireOrgAdmin("orgadmin.read"), id, "orgadmin.read"), clock.instant());
    }

    /** A new business account of the caller's organisation, with an initial password to change at first login. */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public Member create(String username, String displayName, String password) {
        CurrentUser me = requireOrgAdmin("orgadmin.user.create");
        UserView v = users.createMember(
                new UserAdministration.NewUser(username, displayName, Role.USER, me.organizationId(), password));
        tellAdministrators(me.organizationId(), "work.membership.added", v.displayName(), me.userId());
        return member(accounts.findById(v.id()).orElseThrow(), clock.instant());
    }

    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public void setEnabled(UUID id, boolean enabled) {
        CurrentUser me = requireOrgAdmin("orgadmin.user.update");
        Account a = own(me, id, "orgadmin.user.update");
        users.updateMember(
                a.id(), ExpectedVersion.exactly(a.version()), new UserAdministration.Change(null, null, null, enabled));
        if (enabled != a.enabled()) {
            tellAdministrators(
                    a.organizationId(),
                    enabled ? "work.membership.enabled" : "work.membership.disabled",
                    a.displayName(),
                    me.userId());
        }
        if (flags.orgAdminsOf(a.organizationId()).contains(a.id())) {
            events.publishEvent(new OrganizationAdministratorsChanged(a.organizationId()));
        }
    }

    /**
     * Removes a member of the caller's organisation (never the caller): the account is deleted, its sessions and API
     * tokens end at once ({@link UserAdministration#delete}, audited there).
     */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public void remove(UUID id) {
        CurrentUser me = requireOrgAdmin("orgadmin.user.delete");
        Account a = own(me, id, "orgadmin.user.delete");
        if (a.id().equals(me.userId())) {
            throw new AccessDeniedException("security.error.ownDelete");
        }
        boolean wasAdmin = flags.isOrgAdmin(a.id());
        users.deleteMember(a.id());
        tellAdministrators(a.organizationId(), "work.membership.removed", a.displayName(), me.userId());
        if (wasAdmin) {
            events.publishEvent(new OrganizationAdministratorsChanged(a.organizationId()));
        }
    }

    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public void resetPassword(UUID id, String password) {
        own(requireOrgAdmin("orgadmin.user.password"), id, "orgadmin.user.password");
        if (directoryAccounts.isManaged(id)) {
            // its password is the directory's: a local one would never be asked for
            throw new org.yunjian.shared.FieldErrors.ValidationException("password", "directory.error.managedPassword");
        }
        users.resetMemberPassword(id, password);
    }

    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public void unlock(UUID id) {
        own(requireOrgAdmin("orgadmin.user.unlock"), id, "orgadmin.user.unlock");
        users.unlockMember(id);
    }

    /** Names another account of the organisation its administrator, or withdraws that (never the caller's own). */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public void setOrgAdmin(UUID id, boolean orgAdmin) {
        CurrentUser me = requireOrgAdmin("orgadmin.grant");
        Account a = own(me, id, "orgadmin.grant");
        if (a.id().equals(me.userId())) {
            throw new AccessDeniedException("security.orgadmin.ownFlag");
        }
        flags.setOrgAdmin(id, orgAdmin);
        events.publishEvent(AuditableEvent.success(
                orgAdmin ? "orgadmin.grant" : "orgadmin.revoke",
                "user",
                id,
                Msg.of(
                        orgAdmin ? "security.orgadmin.audit.granted" : "security.orgadmin.audit.revoked",
                        a.username())));
        events.publishEvent(new OrganizationAdministratorsChanged(a.organizationId()));
        tellAdministrators(
                a.organizationId(),
                orgAdmin ? "work.membership.adminGranted" : "work.membership.adminRevoked",
                a.displayName(),
                me.userId());
    }

    /**
     * An account for the invitee of an accepted invitation: a business user of {@code organizationId} with the password
     * it chose (checked against the policy; no change forced), flagged organisation administrator if {@code orgAdmin}.
     * The invitation is the authority, so there is no caller; the audit names the inviter.
     */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public UUID createInvited(
            String username,
            String displayName,
            String password,
            UUID organizationId,
            boolean orgAdmin,
            String invitedBy) {
        return createInvitee(username, displayName, password, organizationId, orgAdmin, invitedBy)
                .id();
    }

    /** The account an invitation created, under the user name it got (another than chosen where that was taken). */
    public record Invitee(UUID id, String username) {}

    /**
     * As {@link #createInvited}, telling the user name the account got: a taken name chosen is no error (a refused
     * form would tell that the name exists) but is resolved as {@link UserAdministration#insertInvited} does.
     */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public Invitee createInvitee(
            String username,
            String displayName,
            String password,
            UUID organizationId,
            boolean orgAdmin,
            String invitedBy) {
        Account a = users.insertInvited(
                new UserAdministration.NewUser(username, displayName, Role.USER, organizationId, password));
        if (orgAdmin) {
            flags.setOrgAdmin(a.id(), true);
            events.publishEvent(new OrganizationAdministratorsChanged(organizationId));
        }
        events.publishEvent(AuditableEvent.success(
                        "user.create",
                        "user",
                        a.id(),
                        Msg.of(
                                orgAdmin ? "security.orgadmin.audit.invitedAdmin" : "security.orgadmin.audit.invited",
                                a.username(),
                                invitedBy))
                .withActor(a.username()));
        tellAdministrators(organizationId, "work.membership.joined", a.displayName(), a.id());
        return new Invitee(a.id(), a.username());
    }

    /** Flags an existing business account as its organisation's administrator (demo data, first set-up). */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public void grantBySystem(UUID userId, String actor) {
        Account a = accounts.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (a.role() != Role.USER) {
            throw new AccessDeniedException("security.orgadmin.denied"); // business users only
        }
        if (!flags.isOrgAdmin(userId)) {
            flags.setOrgAdmin(userId, true);
            events.publishEvent(AuditableEvent.success(
                            "orgadmin.grant", "user", userId, Msg.of("security.orgadmin.audit.granted", a.username()))
                    .withActor(actor));
            events.publishEvent(new OrganizationAdministratorsChanged(a.organizationId()));
        }
    }

    /**
     * Tells the organisation's administrators (but the one who acted) of a change of its membership (issue 57): a
     * notice each, linking to the membership page; nothing waits in 我的待办 for it.
     */
    private void tellAdministrators(UUID organizationId, String kind, String who, UUID actor) {
        Instant now = clock.instant();
        for (UUID admin : administratorsOf(organizationId)) {
            if (admin.equals(actor)) {
                continue;
            }
            events.publishEvent(new org.yunjian.shared.work.Notice(
                    UUID.randomUUID(),
                    "membership:" + organizationId,
                    new org.yunjian.shared.work.WorkTask(
                            "membership:" + admin,
                            kind,
                            List.of(who),
                            "/organization/membership",
                            org.yunjian.shared.work.WorkAddressee.user(admin),
                            null),
                    now,
                    actor));
        }
    }

    /** An account of the caller's organisation; another's (or an administrator's) is answered as unknown, audited. */
    private Account own(CurrentUser me, UUID id, String action) {
        Account a = accounts.findById(id).orElse(null);
        if (a == null || a.role() != Role.USER || !me.belongsTo(a.organizationId())) {
            if (a != null) {
                events.publishEvent(
                        AuditableEvent.denied(action, "user", id, Msg.of("security.orgadmin.audit.otherOrganization")));
            }
            throw new NotFoundException("user", id);
        }
        return a;
    }

    private Member member(Account a, Instant now) {
        return new Member(
                a.id(),
                a.username(),
                a.displayName(),
                a.enabled(),
                a.lockedAt(now),
                flags.isOrgAdmin(a.id()),
                a.mustChangePassword(),
                a.createdAt(),
                a.version(),
                directoryAccounts.isManaged(a.id()));
    }
}
