package org.yunjian.security.internal.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.Role;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.session.SessionRevocations;
import org.yunjian.security.internal.token.ApiTokens;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * The local accounts of people who sign in through their organisation's directory. The first sign-in of a member
 * creates a business account ({@link Role#USER}) of the directory's organisation, named {@code <name>@<login domain>},
 * with no usable local password, or links the organisation's business account of that name that no directory manages
 * yet; later sign-ins find it by who the person is there (OIDC subject, LDAP DN). Platform administrators never come
 * this way: an account that holds an administrator role, or belongs to another organisation, is refused. When the
 * directory says a person is no longer a member, {@link #removed} disables the account, ends its sessions and revokes
 * its API tokens (audited); the next sign-in of a member enables it again. An account an administrator disabled here
 * stays disabled.
 */
@Service
public class DirectoryAccounts {

    /** Why a directory sign-in was refused (each has a message on the directory sign-in page). */
    public enum Refusal {
        NOT_MEMBER,
        UNKNOWN_DOMAIN,
        BAD_CREDENTIALS,
        NAME_UNUSABLE,
        NAME_TAKEN,
        ACCOUNT_DISABLED,
        NOT_BUSINESS_USER,
        /** The provider declined (the person cancelled there) or its answer did not verify. */
        PROVIDER_REFUSED,
        UNREACHABLE
    }

    /** A refused directory sign-in (an {@link AuthenticationException}, so the failure handlers receive it). */
    public static final class Refused extends AuthenticationException {
        private final transient Refusal reason;

        Refused(Refusal reason) {
            super("directory sign-in refused: " + reason);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** Who the directory says signed in. */
    record Person(String subject, String name, String displayName, boolean member) {}

    private final AccountRepository accounts;
    private final DirectoryAccountRepository links;
    private final SessionRevocations revocations;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryAccounts(
            AccountRepository accounts,
            DirectoryAccountRepository links,
            SessionRevocations revocations,
            ApiTokens tokens,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.revocations = revocations;
        this.tokens = tokens;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /** Whether {@code accountId} is managed by a directory (then it has no usable local password). */
    public boolean isManaged(UUID accountId) {
        return links.isManaged(accountId);
    }

    /**
     * The session principal of the person {@code c}'s directory vouched for, creating or linking the account on the
     * first sign-in; a {@link Refused} (audited) if the person is not a member of the organisation's group or the
     * account cannot be theirs.
     */
    @Transactional(noRollbackFor = Refused.class)
    AccountPrincipal signIn(DirectoryConnection c, Person p) {
        Instant now = clock.instant();
        Optional<DirectoryAccountRepository.Link> link = links.findBySubject(c.id(), p.subject());
        if (!p.member()) {
            // a person the directory no longer counts as the organisation's: their access here ends too
            link.ifPresent(l -> removed(l.accountId(), Msg.of("directory.audit.removed.notMember", c.loginDomain())));
            throw refuse(
                    Refusal.NOT_MEMBER,
                    p.name(),
                    link.map(DirectoryAccountRepository.Link::accountId).orElse(null),
                    c);
        }
        Account a;
        if (link.isPresent()) {
            a = accounts.findById(link.get().accountId()).orElseThrow(() -> new Refused(Refusal.ACCOUNT_DISABLED));
            checkBusinessUser(a, c, p);
            if (!a.enabled()) {
                if (link.get().removedAt() == null) {
                    throw refuse(Refusal.ACCOUNT_DISABLED, p.name(), a.id(), c);
                }
                a = enable(a);
                events.publishEvent(AuditableEvent.success(
                                "directory.account.restore",
                                "user",
                                a.id(),
                                Msg.of("directory.audit.restored", a.username(), c.loginDomain()))
                        .withActor(a.username()));
            }
        } else {
            String username =
                    c.localUsername(p.name()).orElseThrow(() -> refuse(Refusal.NAME_UNUSABLE, p.name(), null, c));
            Optional<Account> existing = accounts.findByUsername(username);
            if (existing.isPresent()) {
                a = existing.get();
                if (links.isManaged(a.id())) {
                    throw refuse(Refusal.NAME_TAKEN, p.name(), a.id(), c); // another person of the directory has it
                }
                checkBusinessUser(a, c, p);
                if (!a.enabled()) {
                    throw refuse(Refusal.ACCOUNT_DISABLED, p.name(), a.id(), c);
                }
                links.link(a.id(), c.id(), p.subject(), now);
                events.publishEvent(AuditableEvent.success(
                                "directory.account.link",
                                "user",
                                a.id(),
                                Msg.of("directory.audit.linked", a.username(), c.loginDomain()))
                        .withActor(a.username()));
            } else {
                a = create(c, username, p.displayName(), now);
                links.link(a.id(), c.id(), p.subject(), now);
                events.publishEvent(AuditableEvent.success(
                                "user.create",
                                "user",
                                a.id(),
                                Msg.of("directory.audit.created", a.username(), c.loginDomain()))
                        .withActor(a.username()));
            }
        }
        links.signedIn(a.id(), now);
        events.publishEvent(
                AuditableEvent.success("user.login", "user", a.id(), Msg.of("directory.audit.login", c.loginDomain()))
                        .withActor(a.username()));
        return new AccountPrincipal(a.toCurrentUser(), null, true, false, true);
    }

    /**
     * The directory says the person of {@code accountId} is no longer the organisation's: the account is disabled, its
     * sessions end and its API tokens are revoked (audited once, when it was still enabled).
     */
    @Transactional
    public void removed(UUID accountId, Msg why) {
        Optional<Account> found = accounts.findById(accountId);
        if (found.isEmpty()) {
            return;
        }
        Account a = found.get();
        Instant now = clock.instant();
        links.removed(accountId, now);
        if (!a.enabled()) {
            return;
        }
        accounts.update(a.withEnabled(false));
        revocations.revoke(accountId, now);
        tokens.revokeAllOf(accountId, "directory");
        events.publishEvent(AuditableEvent.success("directory.account.remove", "user", accountId, why)
                .withActor("directory"));
    }

    private void checkBusinessUser(Account a, DirectoryConnection c, Person p) {
        if (a.role() != Role.USER || !c.organizationId().equals(a.organizationId())) {
            // platform administrators keep local login with TOTP; another organisation's account is not this one's
            throw refuse(Refusal.NOT_BUSINESS_USER, p.name(), a.id(), c);
        }
    }

    private Account create(DirectoryConnection c, String username, String displayName, Instant now) {
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        // no local password: a random one nobody knows, and local login refuses directory accounts anyway
        String hash = encoder.encode(UUID.randomUUID() + "-" + UUID.randomUUID());
        Account a = new Account(
                UUID.randomUUID(),
                username,
                name,
                Role.USER,
                c.organizationId(),
                hash,
                now,
                false,
                0,
                null,
                null,
                true,
                false,
                now,
                false);
        accounts.insert(a);
        return a;
    }

    private Account enable(Account a) {
        Account on = a.withEnabled(true);
        accounts.update(on);
        return on;
    }

    /** A refused sign-in, audited with the reason and the directory. */
    Refused refuse(Refusal reason, String name, UUID accountId, DirectoryConnection c) {
        events.publishEvent(AuditableEvent.failure(
                        "user.login",
                        "user",
                        accountId,
                        Msg.of(
                                "directory.audit.refused",
                                c == null ? "" : c.loginDomain(),
                                Msg.of("directory.refusal." + reason.name())))
                .withActor(name == null ? "" : name));
        return new Refused(reason);
    }
}
