package org.yunjian.security;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.Messages;
import org.yunjian.security.internal.admin.AdminRequest;
import org.yunjian.security.internal.admin.AdministratorApprovals;
import org.yunjian.security.internal.password.PasswordPolicy;
import org.yunjian.security.internal.password.PasswordService;
import org.yunjian.security.internal.session.SessionRevocations;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;

/**
 * User administration under separation of duties (等保 2.0 三权分立): one role per account; the three
 * administrator roles have no organisation, business users always have one; the last enabled security
 * or audit administrator cannot be disabled, demoted or deleted; a security administrator cannot change
 * its own role. Web and REST callers are restricted to {@code SECURITY_ADMIN} by their controllers; the
 * CLI runs with the operator's local authority.
 *
 * <p>A business account is its organisation's (issue 57): the platform's administrators, here and on the CLI, create,
 * change, unlock, reset and delete administrator accounts only; an organisation's 组织管理员 do the same for its
 * members through {@link OrganizationAdministration}, which uses the {@code …Member} methods.
 */
@Service
public class UserAdministration {

    /** Roles of which at least one enabled account must always remain. */
    static final Set<Role> INDISPENSABLE = EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

    /** A new account. */
    public record NewUser(String username, String displayName, Role role, UUID organizationId, String password) {}

    /**
     * Changes to an account; {@code null} leaves a value as it is. The organisation follows the role: it
     * is required for {@link Role#USER} (kept if not given) and must be absent for administrators.
     */
    public record Change(String displayName, Role role, UUID organizationId, Boolean enabled) {}

    private final AccountRepository accounts;
    private final PasswordService passwords;
    private final PasswordPolicy policy;
    private final ObjectProvider<OrganizationDirectory> organizations;
    private final SessionRevocations revocations;
    private final Messages messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AdministratorApprovals approvals;
    private final boolean demoMode;

    UserAdministration(
            AccountRepository accounts,
            PasswordService passwords,
            PasswordPolicy policy,
            ObjectProvider<OrganizationDirectory> organizations,
            SessionRevocations revocations,
            Messages messages,
            Clock clock,
            ApplicationEventPublisher events,
            AdministratorApprovals approvals,
            @org.springframework.beans.factory.annotation.Value("${yunjian.demo:false}") boolean demoMode) {
        this.approvals = approvals;
        this.demoMode = demoMode;
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.organizations = organizations;
        this.revocations = revocations;
        this.messages = messages;
        this.clock = clock;
        this.events = events;
    }

    /** One page of the accounts, filtered by name and role, by user name, with the total. */
    public org.yunjian.shared.paging.Paged<UserView> page(
            String q, Role role, org.yunjian.shared.paging.PageRequest page) {
        Instant now = clock.instant();
        return accounts.page(q, role, page).map(a -> view(a, now));
    }

    public List<UserView> list() {
        Instant now = clock.instant();
        return accounts.findAll().stream().map(a -> view(a, now)).toList();
    }

    public UserView get(UUID id) {
        return view(require(id), clock.instant());
    }

    /** Organisations a business user may be assigned to (empty if no directory is installed). */
    public List<OrganizationDirectory.OrganizationRef> organizations() {
        OrganizationDirectory directory = organizations.getIfAvailable();
        return directory == null ? List.of() : directory.all();
    }

    /**
     * Creates an account with an initial password that must be changed at the first login. An account
     * with an administrator role waits for a second administrator's approval (two-person rule) before it
     * can log in.
     */
    @Transactional
    public UserView create(NewUser user) {
        if (user.role() == Role.USER) {
            throw new FieldErrors.ValidationException(
                    "role", messages.get("security.user.error.businessAccountByOrganization"));
        }
        return createAccount(user);
    }

    /** A business account of an organisation, for its 组织管理员 ({@link OrganizationAdministration#create}). */
    UserView createMember(NewUser user) {
        if (user.role() != Role.USER) {
            throw misuse("a member is a business account");
        }
        return createAccount(user);
    }

    private UserView createAccount(NewUser user) {
        boolean admin = user.role() != null && user.role().isAdministrator();
        Account a = insert(user, true, false, null, admin, null, user.username());
        events.publishEvent(AuditableEvent.success(
                "user.create",
                "user",
                a.id(),
                Msg.of(
                        admin ? "security.audit.user.createdAwaiting" : "security.audit.user.created",
                        a.username(),
                        Msg.of("security.role." + a.role().name()))));
        if (admin) {
            approvals.file(a, AdminRequest.Kind.CREATE, a.role());
        }
        return view(a, clock.instant());
    }

    /**
     * Creates a demonstration account: marked {@code demo}, no forced password change, optionally with a
     * known TOTP secret. Returns the existing account if a demo account of that name exists already.
     */
    @Transactional
    public UserView createDemoAccount(
            String username,
            String displayName,
            Role role,
            UUID organizationId,
            String password,
            String totpSecretOrNull) {
        Optional<Account> existing = accounts.findByUsername(username == null ? "" : username.strip());
        if (existing.isPresent() && existing.get().demo()) {
            return view(existing.get(), clock.instant());
        }
        if (totpSecretOrNull != null) {
            try {
                Totp.base32Decode(totpSecretOrNull);
            } catch (IllegalArgumentException e) {
                throw new FieldErrors.ValidationException("totpSecret", "security.user.error.totpSecret");
            }
        }
        // demo accounts are seeded with the published demo password: it passes the deny-list in demo mode only
        Account a = insert(
                new NewUser(username, displayName, role, organizationId, password),
                false,
                true,
                totpSecretOrNull,
                false,
                demoMode ? org.yunjian.demo.DemoData.PASSWORD : null,
                username);
        events.publishEvent(AuditableEvent.success(
                "user.create",
                "user",
                a.id(),
                Msg.of(
                        "security.audit.user.createdDemo",
                        a.username(),
                        Msg.of("security.role." + a.role().name()))));
        return view(a, clock.instant());
    }

    /** Validates and inserts an account that needs no approval; the caller publishes the event. */
    public Account insert(NewUser user, boolean mustChange, boolean demo, String totpSecret) {
        return insert(user, mustChange, demo, totpSecret, false, null, user.username());
    }

    /**
     * An invitee's account, validated as {@link #insert} does except that a taken user name is no error: the answer
     * to a refused form must not tell whether a name exists (issue 56). Once the rest is valid, a taken name becomes
     * the first free {@code <name>-<n>}; the password is checked against the name chosen, as for a free one.
     */
    public Account insertInvited(NewUser user) {
        String wanted = user.username() == null ? "" : user.username().strip();
        String name = wanted;
        int n = 1;
        while (USERNAME.matcher(name).matches() && accounts.findByUsername(name).isPresent()) {
            String suffix = "-" + ++n;
            name = wanted.substring(0, Math.min(wanted.length(), 64 - suffix.length())) + suffix;
        }
        NewUser renamed = new NewUser(name, user.displayName(), user.role(), user.organizationId(), user.password());
        return insert(renamed, false, false, null, false, null, wanted);
    }

    /** {@code checkedName}: the name the password may not contain (the one chosen, where a clash renamed it). */
    private Account insert(
            NewUser user,
            boolean mustChange,
            boolean demo,
            String totpSecret,
            boolean awaitingApproval,
            String exemptPublished,
            String checkedName) {
        FieldErrors errors = new FieldErrors();
        String username = user.username() == null ? "" : user.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            errors.add("username", messages.get("security.user.error.username"));
        } else if (accounts.findByUsername(username).isPresent()) {
            errors.add("username", messages.get("security.user.error.usernameTaken"));
        }
        String displayName = checkDisplayName(errors, user.displayName());
        checkRoleAndOrganization(errors, user.role(), user.organizationId());
        passwords.check(errors, "password", checkedName, null, user.password(), exemptPublished, null);
        errors.throwIfAny();
        Instant now = clock.instant();
        String hash = exemptPublished != null && exemptPublished.equals(user.password())
                ? passwords.publishedHash(user.password())
                : passwords.hash(user.password());
        Account a = new Account(
                UUID.randomUUID(),
                username,
                displayName,
                user.role(),
                user.role() == Role.USER ? user.organizationId() : null,
                hash,
                now,
                mustChange,
                0,
                null,
                totpSecret,
                true,
                demo,
                now,
                awaitingApproval);
        accounts.insert(a);
        accounts.addHistory(a.id(), hash, now);
        return a;
    }

    @Transactional(noRollbackFor = ForbiddenException.class)
    public UserView update(UUID id, org.yunjian.shared.version.ExpectedVersion version, Change change) {
        Account a = requirePlatformAccount(id, "user.update");
        if (change.role() == Role.USER) {
            throw new FieldErrors.ValidationException(
                    "role", messages.get("security.user.error.businessAccountByOrganization"));
        }
        return update(a, version, change);
    }

    /** Enables or disables a member, for its organisation's 组织管理员 ({@link OrganizationAdministration}). */
    UserView updateMember(UUID id, org.yunjian.shared.version.ExpectedVersion version, Change change) {
        return update(requireMember(id), version, change);
    }

    private UserView update(Account a, org.yunjian.shared.version.ExpectedVersion version, Change change) {
        UUID id = a.id();
        boolean self = isSelf(id);
        Role role = change.role() == null ? a.role() : change.role();
        boolean enabled = change.enabled() == null ? a.enabled() : change.enabled();
        if (self && role != a.role()) {
            throw new AccessDeniedException("security.error.ownRole");
        }
        if (self && !enabled) {
            throw new AccessDeniedException("security.error.ownDisable");
        }
        FieldErrors errors = new FieldErrors();
        String displayName =
                change.displayName() == null ? a.displayName() : checkDisplayName(errors, change.displayName());
        // administrators have none (an organisation given for one is an error); users keep theirs unless changed
        UUID org = role != Role.USER || change.organizationId() != null ? change.organizationId() : a.organizationId();
        checkRoleAndOrganization(errors, role, org);
        if (lastOfItsRole(a) && (role != a.role() || !enabled)) {
            errors.add(
                    role != a.role() ? "role" : "enabled",
                    messages.get(
                            "security.user.error.lastAdmin",
                            messages.get("security.role." + a.role().name())));
        }
        errors.throwIfAny();
        // two-person rule: an administrator role is only requested here; the role changes on approval
        boolean promotion = role != a.role() && role.isAdministrator();
        if (promotion) {
            approvals.file(a, AdminRequest.Kind.PROMOTE, role);
            role = a.role();
            org = a.organizationId();
        }
        long expected = version.value();
        Account changed = new Account(
                a.id(),
                a.username(),
                displayName,
                role,
                org,
                a.passwordHash(),
                a.passwordChangedAt(),
                a.mustChangePassword(),
                a.failedAttempts(),
                a.lockedUntil(),
                a.totpSecret(),
                enabled,
                a.demo(),
                a.createdAt(),
                a.awaitingApproval(),
                expected + 1);
        accounts.update(changed, expected);
        Instant now = clock.instant();
        if (role != a.role()) {
            events.publishEvent(AuditableEvent.success(
                    "user.role.change",
                    "user",
                    id,
                    Msg.of(
                            "security.audit.user.roleChanged",
                            a.username(),
                            Msg.of("security.role." + a.role().name()),
                            Msg.of("security.role." + role.name()))));
        }
        events.publishEvent(AuditableEvent.success("user.update", "user", id, describeChange(a, changed)));
        if (role != a.role() || !enabled || !java.util.Objects.equals(org, a.organizationId())) {
            revocations.revoke(id, now);
        }
        return view(changed, now);
    }

    @Transactional(noRollbackFor = ForbiddenException.class)
    public void unlock(UUID id) {
        unlock(requirePlatformAccount(id, "user.unlock"));
    }

    void unlockMember(UUID id) {
        unlock(requireMember(id));
    }

    private void unlock(Account a) {
        UUID id = a.id();
        accounts.resetFailures(id);
        events.publishEvent(AuditableEvent.success(
                "user.unlock", "user", id, Msg.of("security.audit.user.unlocked", a.username())));
    }

    /** Sets a new password chosen by the administrator; the user must change it at the next login. */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public void resetPassword(UUID id, String password) {
        resetPassword(requirePlatformAccount(id, "user.password.reset"), password);
    }

    void resetMemberPassword(UUID id, String password) {
        resetPassword(requireMember(id), password);
    }

    private void resetPassword(Account a, String password) {
        UUID id = a.id();
        FieldErrors errors = new FieldErrors();
        passwords.check(errors, "password", a.username(), a, password);
        errors.throwIfAny();
        Instant now = clock.instant();
        passwords.store(a, password, true, now);
        revocations.revoke(id, now);
        events.publishEvent(AuditableEvent.success(
                "user.password.reset", "user", id, Msg.of("security.audit.user.passwordReset", a.username())));
    }

    @Transactional(noRollbackFor = ForbiddenException.class)
    public void delete(UUID id) {
        delete(requirePlatformAccount(id, "user.delete"));
    }

    void deleteMember(UUID id) {
        delete(requireMember(id));
    }

    private void delete(Account a) {
        UUID id = a.id();
        if (isSelf(id)) {
            throw new AccessDeniedException("security.error.ownDelete");
        }
        if (lastOfItsRole(a)) {
            throw new FieldErrors.ValidationException(
                    "role",
                    messages.get(
                            "security.user.error.lastAdmin",
                            messages.get("security.role." + a.role().name())));
        }
        accounts.delete(id);
        approvals.publishWaiting(id); // a pending administrator request went with the account
        revocations.revoke(id, clock.instant());
        events.publishEvent(AuditableEvent.success(
                "user.delete",
                "user",
                id,
                Msg.of(
                        "security.audit.user.deleted",
                        a.username(),
                        Msg.of("security.role." + a.role().name()))));
    }

    public UserView view(Account a, Instant now) {
        String orgName = a.organizationId() == null
                ? null
                : Optional.ofNullable(organizations.getIfAvailable())
                        .flatMap(d -> d.find(a.organizationId()))
                        .map(OrganizationDirectory.OrganizationRef::name)
                        .orElse(null);
        return new UserView(
                a.id(),
                a.username(),
                a.displayName(),
                a.role(),
                a.organizationId(),
                orgName,
                a.enabled(),
                a.lockedAt(now),
                a.lockedAt(now) ? a.lockedUntil() : null,
                a.mustChangePassword(),
                a.demo(),
                a.totpSecret() != null,
                a.passwordChangedAt(),
                policy.expiresAt(a),
                a.createdAt(),
                a.awaitingApproval(),
                approvals.pendingFor(a.id()).map(AdminRequest::id).orElse(null),
                a.version());
    }

    /**
     * Whether {@code a} is the only enabled administrator of an indispensable role: an account still awaiting
     * approval is none of them ({@link AccountRepository#countByRole} does not count it) and never the last.
     */
    private boolean lastOfItsRole(Account a) {
        return a.enabled()
                && !a.awaitingApproval()
                && INDISPENSABLE.contains(a.role())
                && accounts.countByRole(a.role()) <= 1;
    }

    private Account require(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    /**
     * An administrator account, which the platform's administrators run; a business account is refused with the reason
     * (it is its organisation's, issue 57) and the attempt audited as denied.
     */
    private Account requirePlatformAccount(UUID id, String action) {
        Account a = require(id);
        if (a.role() == Role.USER) {
            String organization = Optional.ofNullable(view(a, clock.instant()).organizationName())
                    .orElse("");
            events.publishEvent(AuditableEvent.denied(
                    action, "user", id, Msg.of("security.audit.user.businessAccountRefused", a.username())));
            throw new ForbiddenException(Msg.of("security.user.error.businessAccount", organization));
        }
        return a;
    }

    /** A programming error (the organisation's path handed over an administrator account): for the log. */
    private static IllegalArgumentException misuse(String developerText) {
        return new IllegalArgumentException(developerText);
    }

    private Account requireMember(UUID id) {
        Account a = require(id);
        if (a.role() != Role.USER) {
            throw misuse("a member is a business account");
        }
        return a;
    }

    private static boolean isSelf(UUID id) {
        return CurrentUser.current().map(u -> u.userId().equals(id)).orElse(false);
    }

    private String checkDisplayName(FieldErrors errors, String displayName) {
        String d = displayName == null ? "" : displayName.strip();
        if (d.isEmpty() || d.length() > 100) {
            errors.add("displayName", messages.get("security.user.error.displayName"));
        }
        Text.violation(d, Text.Kind.LINE)
                .ifPresent(v -> errors.add(
                        "displayName", messages.get(v.problem().messageCode(), v.messageArgs("displayName"))));
        return d;
    }

    private void checkRoleAndOrganization(FieldErrors errors, Role role, UUID organizationId) {
        if (role == null) {
            errors.add("role", messages.get("security.user.error.role"));
            return;
        }
        if (role.isAdministrator() && organizationId != null) {
            errors.add("organizationId", messages.get("security.user.error.adminOrganization"));
        } else if (role == Role.USER) {
            if (organizationId == null) {
                errors.add("organizationId", messages.get("security.user.error.organizationRequired"));
            } else if (Optional.ofNullable(organizations.getIfAvailable())
                    .flatMap(d -> d.find(organizationId))
                    .isEmpty()) {
                errors.add("organizationId", messages.get("security.user.error.organizationUnknown"));
            }
        }
    }

    private static Msg describeChange(Account before, Account after) {
        Object none = "";
        return Msg.of(
                "security.audit.user.updated",
                before.username(),
                before.displayName().equals(after.displayName()) ? none : Msg.of("security.audit.change.displayName"),
                before.role() == after.role()
                        ? none
                        : Msg.of(
                                "security.audit.change.role",
                                Msg.of("security.role." + before.role().name()),
                                Msg.of("security.role." + after.role().name())),
                java.util.Objects.equals(before.organizationId(), after.organizationId())
                        ? none
                        : Msg.of("security.audit.change.organization"),
                before.enabled() == after.enabled()
                        ? none
                        : Msg.of(after.enabled() ? "security.audit.change.enabled" : "security.audit.change.disabled"));
    }
}
