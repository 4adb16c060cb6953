package org.yunjian.security.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.ApiTokenScope;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * API tokens: an account creates, lists and revokes its own; security and system administrators list and revoke
 * anyone's; {@link #authenticate} turns a presented token into the owner's identity for one request. Creation,
 * first use, revocation and every refused token are audited; the token value never is.
 */
@Service
public class ApiTokens {

    /** Active tokens one account may hold at once. */
    static final int MAX_ACTIVE = 20;
    /** The last use is written at most this often per token. */
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ApiTokenCache accepted;

    ApiTokens(
            ApiTokenRepository tokens,
            AccountRepository accounts,
            Clock clock,
            ApplicationEventPublisher events,
            ApiTokenCache accepted) {
        this.accepted = accepted;
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /** Why a presented token was refused (the 401 problem and the audit entry say it). */
    public enum Refusal {
        MALFORMED,
        UNKNOWN,
        EXPIRED,
        REVOKED,
        ACCOUNT_DISABLED
    }

    /** The outcome of presenting a token. */
    public sealed interface Outcome {}

    public record Accepted(ApiTokenAuthentication authentication, String tokenName) implements Outcome {}

    public record Refused(Refusal reason) implements Outcome {}

    /** Creates a token for the caller, who must be logged in interactively (a token cannot make tokens). */
    @Transactional
    public ApiToken.Issued create(String name, ApiTokenScope scope, Integer validDays) {
        CurrentUser me = CurrentUser.require();
        if (ApiTokenAuthentication.current()) {
            throw new AccessDeniedException("apitoken.error.interactiveOnly");
        }
        Instant now = clock.instant();
        ApiToken.Issued issued = ApiToken.issue(me.userId(), name, scope, validDays, now);
        if (tokens.countActive(me.userId(), now) >= MAX_ACTIVE) {
            new FieldErrors().add("name", "apitoken.error.tooMany", MAX_ACTIVE).throwIfAny();
        }
        tokens.insert(issued.token());
        ApiToken t = issued.token();
        events.publishEvent(AuditableEvent.success(
                "apitoken.create",
                "apitoken",
                t.id(),
                Msg.of(
                        "apitoken.audit.created",
                        t.name(),
                        Msg.of(t.scope()),
                        org.yunjian.shared.Formats.minute(t.expiresAt()))));
        return issued;
    }

    /** How the owner and administrators see {@code t} now. */
    public ApiTokenView viewOf(ApiToken t) {
        return view(t, clock.instant());
    }

    /** One page of the caller's tokens whose name contains {@code q} (null = all), newest first, with the total. */
    public Paged<ApiTokenView> mine(String q, PageRequest page) {
        return viewsOf(CurrentUser.require().userId(), q, page);
    }

    /** The caller's own token, or 404 (another account's token is not disclosed). */
    @Transactional
    public ApiTokenView revokeMine(UUID tokenId) {
        CurrentUser me = CurrentUser.require();
        ApiToken t = tokens.findById(tokenId)
                .filter(x -> x.userId().equals(me.userId()))
                .orElseThrow(() -> new NotFoundException("apitoken", tokenId));
        return revoke(t, me.username());
    }

    /** One page of an account's tokens whose name contains {@code q}, for a security or system administrator. */
    public Paged<ApiTokenView> of(UUID userId, String q, PageRequest page) {
        requireAdministrator();
        accounts.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        return viewsOf(userId, q, page);
    }

    @Transactional
    public ApiTokenView revokeOf(UUID userId, UUID tokenId) {
        CurrentUser admin = requireAdministrator();
        ApiToken t = tokens.findById(tokenId)
                .filter(x -> x.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("apitoken", tokenId));
        return revoke(t, admin.username());
    }

    /** An account's tokens, for the installation's operator ({@code yunjian users tokens}). */
    public List<ApiTokenView> ofAccount(String username) {
        Account a = accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("user", username));
        return viewsOf(a.id());
    }

    /** Revokes an account's token for the operator ({@code yunjian users revoke-token}), recorded as {@code cli:<os user>}. */
    @Transactional
    public ApiTokenView revokeOfAccount(String username, UUID tokenId) {
        Account a = accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("user", username));
        ApiToken t = tokens.findById(tokenId)
                .filter(x -> x.userId().equals(a.id()))
                .orElseThrow(() -> new NotFoundException("apitoken", tokenId));
        return revoke(
                t,
                CurrentUser.current()
                        .map(CurrentUser::username)
                        .orElse("cli:" + System.getProperty("user.name", "unknown")));
    }

    /**
     * Revokes every active token of an account, recorded as revoked by {@code by} (a directory that removed the
     * person: security.internal.directory); how many it revoked.
     */
    @Transactional
    public int revokeAllOf(UUID userId, String by) {
        int n = 0;
        for (ApiToken t : tokens.findByUser(userId)) {
            if (t.revokedAt() == null) {
                revoke(t, by);
                n++;
            }
        }
        return n;
    }

    private ApiTokenView revoke(ApiToken t, String by) {
        Instant now = clock.instant();
        accepted.evict(t.id());
        if (t.revokedAt() == null && tokens.revoke(t.id(), now, by)) {
            events.publishEvent(AuditableEvent.success(
                    "apitoken.revoke",
                    "apitoken",
                    t.id(),
                    Msg.of("apitoken.audit.revoked", t.name(), owner(t.userId()))));
            t = t.revoked(now, by);
        }
        return view(t, now);
    }

    /**
     * The identity a presented token stands for, or why it is refused (audited). An accepted token is kept for a few
     * seconds ({@link ApiTokenCache}: expiry exact, revocation and a disabled or changed owner at once on this node);
     * its last use is written at most once a minute.
     */
    public Outcome authenticate(String value) {
        Optional<String> lookup = ApiToken.lookupIdOf(value);
        if (lookup.isEmpty()) {
            return refuse(Refusal.MALFORMED, null, null);
        }
        Instant now = clock.instant();
        Optional<ApiTokenCache.Entry> kept = accepted.valid(ApiToken.hash(value), now);
        if (kept.isPresent()) {
            ApiTokenCache.Entry e = kept.get();
            Instant noted = e.useNoted().get();
            if (!now.isBefore(noted.plus(USE_RESOLUTION)) && e.useNoted().compareAndSet(noted, now)) {
                tokens.noteUse(e.token().id(), now, now.minus(USE_RESOLUTION));
            }
            return accepted(e.token(), e.owner());
        }
        Optional<ApiToken> found = tokens.findByLookupId(lookup.get());
        if (found.isEmpty() || !found.get().matches(value)) {
            // a lookup id with a wrong secret is an unknown token too: the row's existence is not disclosed
            return refuse(Refusal.UNKNOWN, found.map(ApiToken::id).orElse(null), null);
        }
        ApiToken t = found.get();
        Optional<Account> owner = accounts.findById(t.userId());
        String username = owner.map(Account::username).orElse(null);
        switch (t.status(now)) {
            case REVOKED -> {
                return refuse(Refusal.REVOKED, t.id(), username);
            }
            case EXPIRED -> {
                return refuse(Refusal.EXPIRED, t.id(), username);
            }
            default -> {}
        }
        if (owner.isEmpty() || !owner.get().enabled() || owner.get().awaitingApproval()) {
            return refuse(Refusal.ACCOUNT_DISABLED, t.id(), username);
        }
        AccountPrincipal principal = new AccountPrincipal(owner.get().toCurrentUser(), null, true, false, true);
        boolean noted = tokens.noteUse(t.id(), now, now.minus(USE_RESOLUTION));
        if (noted && t.lastUsedAt() == null) {
            events.publishEvent(AuditableEvent.success(
                            "apitoken.first-use", "apitoken", t.id(), Msg.of("apitoken.audit.firstUse", t.name()))
                    .withActor(username));
        }
        Instant lastWritten = noted || t.lastUsedAt() == null ? now : t.lastUsedAt();
        accepted.keep(new ApiTokenCache.Entry(
                t, principal, now, new java.util.concurrent.atomic.AtomicReference<>(lastWritten)));
        return accepted(t, principal);
    }

    private static Accepted accepted(ApiToken t, AccountPrincipal owner) {
        return new Accepted(new ApiTokenAuthentication(owner, t.id(), t.name(), t.scope()), t.name());
    }

    private Refused refuse(Refusal reason, UUID tokenId, String owner) {
        AuditableEvent event = AuditableEvent.failure(
                "apitoken.refused", "apitoken", tokenId, Msg.of("apitoken.audit.refused." + reason.name()));
        events.publishEvent(owner == null ? event : event.withActor(owner));
        return new Refused(reason);
    }

    private static CurrentUser requireAdministrator() {
        CurrentUser u = CurrentUser.require();
        if (!(u.is(Role.SECURITY_ADMIN) || u.is(Role.SYSTEM_ADMIN))) {
            throw new AccessDeniedException("apitoken.error.administratorsOnly");
        }
        return u;
    }

    private List<ApiTokenView> viewsOf(UUID userId) {
        Instant now = clock.instant();
        return tokens.findByUser(userId).stream().map(t -> view(t, now)).toList();
    }

    private Paged<ApiTokenView> viewsOf(UUID userId, String q, PageRequest page) {
        Instant now = clock.instant();
        return tokens.findByUser(userId, q, page).map(t -> view(t, now));
    }

    private ApiTokenView view(ApiToken t, Instant now) {
        String revokedBy = t.revokedBy() == null
                ? null
                : accounts.findByUsername(t.revokedBy())
                        .map(Account::displayName)
                        .orElse(t.revokedBy());
        return new ApiTokenView(
                t.id(),
                t.name(),
                t.scope(),
                t.status(now),
                t.createdAt(),
                t.expiresAt(),
                t.lastUsedAt(),
                t.revokedAt(),
                revokedBy);
    }

    private String owner(UUID userId) {
        return accounts.findById(userId).map(Account::displayName).orElse("");
    }
}
