package org.yunjian.security.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.ApiTokenScope;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.internal.SecurityProperties;
import org.yunjian.security.internal.session.SessionRevocations;

/**
 * The per-node cache of accepted API tokens (issue 33): keyed by the token's digest, an expired token stops at its
 * expiry instant, a revoked token and a revoked owner (disabled, role changed…) on this node at once, anything else
 * once the cache period has passed; never more than its bound of tokens.
 */
class ApiTokenCacheTests {

    static final Duration BOUND = Duration.ofMillis(400);
    SessionRevocations revocations;
    ApiTokenCache cache;
    final UUID owner = UUID.randomUUID();
    final Instant now = Instant.now();

    @BeforeEach
    void node() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:tokens-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("CREATE TABLE session_revocation (user_id UUID NOT NULL PRIMARY KEY, "
                        + "revoked_at TIMESTAMP WITH TIME ZONE NOT NULL)")
                .update();
        revocations = new SessionRevocations(jdbc, new SecurityProperties(null, null, "", null, null), BOUND);
        cache = new ApiTokenCache(revocations, BOUND);
    }

    private ApiToken.Issued kept(int validDays) {
        ApiToken.Issued issued = ApiToken.issue(
                owner,
                "nightly",
                ApiTokenScope.READ_ONLY,
                validDays,
                now.minus(Duration.ofDays(validDays)).plusSeconds(60));
        AccountPrincipal p = new AccountPrincipal(
                new CurrentUser(owner, "ci", UUID.randomUUID(), Role.USER), null, true, false, true);
        cache.keep(new ApiTokenCache.Entry(issued.token(), p, now, new AtomicReference<>(now)));
        return issued;
    }

    @Test
    void keepsAnAcceptedTokenUnderItsDigestNeverItsValue() {
        ApiToken.Issued t = kept(1);
        assertThat(cache.valid(ApiToken.hash(t.value()), now)).isPresent();
        assertThat(cache.valid(t.value(), now)).isEmpty();
    }

    @Test
    void anExpiredTokenStopsAtItsExpiryInstant() {
        ApiToken.Issued t = kept(1);
        Instant expiry = t.token().expiresAt();
        assertThat(cache.valid(ApiToken.hash(t.value()), expiry.minusMillis(1))).isPresent();
        assertThat(cache.valid(ApiToken.hash(t.value()), expiry)).isEmpty();
    }

    @Test
    void aTokenRevokedOnThisNodeStopsAtOnce() {
        ApiToken.Issued t = kept(1);
        cache.evict(t.token().id());
        assertThat(cache.valid(ApiToken.hash(t.value()), now)).isEmpty();
    }

    @Test
    void aDisabledOrChangedOwnerStopsTheKeptTokenAtOnce() {
        ApiToken.Issued t = kept(1);
        revocations.revoke(owner, now.plusMillis(1));
        assertThat(cache.valid(ApiToken.hash(t.value()), now.plusMillis(2))).isEmpty();
    }

    @Test
    void anythingElseIsReadAgainOnceTheCachePeriodHasPassed() throws Exception {
        ApiToken.Issued t = kept(1);
        Thread.sleep(BOUND.toMillis() + 100);
        assertThat(cache.valid(ApiToken.hash(t.value()), now)).isEmpty();
    }

    @Test
    void holdsAtMostItsBoundOfTokens() {
        for (int i = 0; i < ApiTokenCache.MAX_TOKENS + 500; i++) {
            kept(1);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(ApiTokenCache.MAX_TOKENS);
    }
}
