package org.yunjian.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.security.internal.SecurityProperties;

/**
 * The per-node cache of session revocations: a revocation another node wrote is seen once the cached answer is
 * older than the bound; one this node wrote is seen at once.
 */
class SessionRevocationCacheTests {

    static final Duration BOUND = Duration.ofMillis(400);
    JdbcClient jdbc;
    SessionRevocations thisNode;
    SessionRevocations otherNode;
    final UUID user = UUID.randomUUID();
    final Instant sessionStart = Instant.now().minusSeconds(60);

    @BeforeEach
    void twoNodes() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:revocations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(ds);
        jdbc.sql("CREATE TABLE session_revocation (user_id UUID NOT NULL PRIMARY KEY, "
                        + "revoked_at TIMESTAMP WITH TIME ZONE NOT NULL)")
                .update();
        SecurityProperties properties = new SecurityProperties(null, null, "", null, null);
        thisNode = new SessionRevocations(jdbc, properties, BOUND);
        otherNode = new SessionRevocations(jdbc, properties, BOUND);
    }

    @Test
    void aRevocationOnAnotherNodeIsSeenWithinTheCacheBound() throws Exception {
        assertThat(thisNode.isRevoked(user, sessionStart)).isFalse(); // cached: not revoked
        otherNode.revoke(user, Instant.now());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session_revocation")
                        .query(Integer.class)
                        .single())
                .isOne();
        assertThat(thisNode.isRevoked(user, sessionStart))
                .as("still the cached answer")
                .isFalse();
        Thread.sleep(BOUND.toMillis() + 100);
        assertThat(thisNode.isRevoked(user, sessionStart)).isTrue();
    }

    @Test
    void aRevocationOnThisNodeIsSeenAtOnce() {
        assertThat(thisNode.isRevoked(user, sessionStart)).isFalse();
        thisNode.revoke(user, Instant.now());
        assertThat(thisNode.isRevoked(user, sessionStart)).isTrue();
        assertThat(thisNode.isRevoked(user, Instant.now().plusSeconds(1)))
                .as("a session begun later")
                .isFalse();
    }

    @Test
    void theCacheHoldsAtMostItsBoundOfAccounts() {
        for (int i = 0; i < SessionRevocations.MAX_ACCOUNTS + 500; i++) {
            thisNode.isRevoked(UUID.randomUUID(), sessionStart);
        }
        assertThat(thisNode.cachedAccounts()).isLessThanOrEqualTo(SessionRevocations.MAX_ACCOUNTS);
    }
}
