package org.yunjian.security.internal.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yunjian.shared.Msg;

/**
 * Whether the directory still counts a directory-managed account's person as the organisation's, asked when a session
 * is used and when an API token is presented, at most once per {@code yunjian.security.directory.recheck} (default 60
 * s) per account and node: LDAP by looking the entry and the group up ({@link LdapDirectories#isMember}), OIDC by
 * redeeming the stored refresh token at the provider ({@link OidcMembership}). A person the directory no longer counts
 * is {@link DirectoryAccounts#removed removed} here at once (account disabled, sessions ended, tokens revoked). When the
 * directory cannot be asked, or its connection was switched off, the request is refused but nothing is disabled (fail
 * closed, no harm done); a local account is never asked about.
 */
@Component
public class DirectoryMembership {

    /** What the directory said about an account. */
    public enum Answer {
        /** Not a directory account: local rules alone apply. */
        LOCAL,
        MEMBER,
        /** No longer a member: the account is now disabled. */
        REMOVED,
        /** The directory could not be asked, or its connection is switched off: refuse this request. */
        UNCONFIRMED,
        /** An OIDC account whose provider gave no refresh token: a session may go on, an API token may not. */
        UNCHECKABLE
    }

    private static final Logger log = LoggerFactory.getLogger(DirectoryMembership.class);

    private record Checked(Answer answer, Instant at) {}

    private final DirectoryAccountRepository links;
    private final DirectoryConnectionRepository connections;
    private final LdapDirectories ldap;
    private final OidcMembership oidc;
    private final DirectoryAccounts accounts;
    private final Clock clock;
    private final Duration recheck;
    private final Cache<UUID, Checked> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    DirectoryMembership(
            DirectoryAccountRepository links,
            DirectoryConnectionRepository connections,
            LdapDirectories ldap,
            OidcMembership oidc,
            DirectoryAccounts accounts,
            Clock clock,
            @Value("${yunjian.security.directory.recheck:60s}") Duration recheck) {
        this.links = links;
        this.connections = connections;
        this.ldap = ldap;
        this.oidc = oidc;
        this.accounts = accounts;
        this.clock = clock;
        this.recheck = recheck;
    }

    /** The directory's answer for {@code accountId}, asked again once the last answer is older than the period. */
    public Answer check(UUID accountId) {
        Instant now = clock.instant();
        Checked kept = cache.getIfPresent(accountId);
        if (kept != null && now.isBefore(kept.at().plus(recheck)) && !now.isBefore(kept.at())) {
            return kept.answer();
        }
        Answer answer = ask(accountId);
        // an answer that could not be had is asked again on the next request
        if (answer != Answer.UNCONFIRMED) {
            cache.put(accountId, new Checked(answer, now));
        } else {
            cache.invalidate(accountId);
        }
        return answer;
    }

    /** Forgets what is known of {@code accountId} (it signed in again, or was changed). */
    void forget(UUID accountId) {
        cache.invalidate(accountId);
    }

    private Answer ask(UUID accountId) {
        Optional<DirectoryAccountRepository.Link> link = links.find(accountId);
        if (link.isEmpty()) {
            return Answer.LOCAL;
        }
        Optional<DirectoryConnection> c = connections.findById(link.get().connectionId());
        if (c.isEmpty() || !c.get().enabled()) {
            return Answer.UNCONFIRMED;
        }
        DirectoryConnection connection = c.get();
        try {
            boolean member;
            if (connection.kind() == DirectoryConnection.Kind.LDAP) {
                member = ldap.isMember(connection, link.get().subject());
            } else {
                Optional<Boolean> said = oidc.isMember(connection, link.get());
                if (said.isEmpty()) {
                    return Answer.UNCHECKABLE;
                }
                member = said.get();
            }
            if (member) {
                return Answer.MEMBER;
            }
            accounts.removed(accountId, Msg.of("directory.audit.removed.recheck", connection.loginDomain()));
            return Answer.REMOVED;
        } catch (DirectoryUnreachableException e) {
            log.warn(
                    "directory of {} could not be asked about an account: {}",
                    connection.loginDomain(),
                    e.getMessage());
            return Answer.UNCONFIRMED;
        }
    }
}
