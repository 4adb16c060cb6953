package org.yunjian.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.yunjian.security.internal.SecurityProperties;

/**
 * The address throttle kept in {@code login_throttle} (sessions in the database): two nodes, each with its own
 * {@link AddressThrottle} on one database, count one address's failures (and one account name's failed logins at an
 * address) together, so it is refused after the limit, not after twice the limit. The table is the migrations' own
 * DDL.
 */
class SharedAddressThrottleTests {

    static final int LIMIT = 4;
    static final int ADDRESS_LIMIT = 12;
    final Instant now = Instant.parse("2026-11-24T06:00:00Z");
    final List<Object> events = new ArrayList<>();
    JdbcClient jdbc;
    AddressThrottle first;
    AddressThrottle second;

    @BeforeEach
    void twoNodesOnOneDatabase() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(ds);
        for (String migration : new String[] {
            "V202611270600__cluster_nodes_and_login_throttle.sql", "V202612010400__login_throttle_per_account.sql"
        }) {
            String ddl = Files.readString(Path.of("src/main/resources/db/migration/" + migration));
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement).update();
                }
            }
        }
        JdbcTransactionManager tx = new JdbcTransactionManager(ds);
        SecurityProperties properties = new SecurityProperties(
                null,
                null,
                "",
                null,
                null,
                new SecurityProperties.Throttle(
                        LIMIT, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(1), ADDRESS_LIMIT));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        first = new AddressThrottle(
                properties, clock, events::add, new ThrottleRepository(jdbc, tx, properties.throttle(), clock));
        second = new AddressThrottle(
                properties, clock, events::add, new ThrottleRepository(jdbc, tx, properties.throttle(), clock));
    }

    @Test
    void failuresOnTwoNodesCountTogetherAndBothRefuseTheAddress() {
        for (int i = 0; i < LIMIT - 1; i++) {
            (i % 2 == 0 ? first : second).failed("203.0.113.7");
        }
        assertThat(first.retryAfter("203.0.113.7")).isEmpty();
        assertThat(second.retryAfter("203.0.113.7")).isEmpty();

        second.failed("203.0.113.7");

        assertThat(first.retryAfter("203.0.113.7")).contains(Duration.ofSeconds(30));
        assertThat(second.retryAfter("203.0.113.7")).contains(Duration.ofSeconds(30));
        assertThat(first.retryAfter("203.0.113.8")).as("another address").isEmpty();
        assertThat(events).as("one block, audited once").hasSize(1);
    }

    @Test
    void aFurtherFailureOnTheOtherNodeDoublesTheBlock() {
        for (int i = 0; i < LIMIT; i++) {
            first.failed("203.0.113.9");
        }
        second.failed("203.0.113.9");
        assertThat(first.retryAfter("203.0.113.9")).contains(Duration.ofSeconds(60));
        assertThat(jdbc.sql("SELECT block_level FROM login_throttle WHERE address = ?")
                        .param("203.0.113.9")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    /** Issue 33: an attempt reserves its place before it is checked; one that does not fail gives it back. */
    @Test
    void aReservationThatDoesNotFailGivesBackItsCountAndTheBlockItStarted() {
        for (int i = 0; i < LIMIT - 1; i++) {
            failLogin(i % 2 == 0 ? first : second, "192.0.2.33", "alice");
        }
        assertThat(first.reserve("192.0.2.33", "alice"))
                .as("the last place, reserved")
                .isEmpty();
        assertThat(second.reserve("192.0.2.33", "alice"))
                .as("meanwhile, on the other node")
                .contains(new AddressThrottle.Refusal(Duration.ofSeconds(30), AddressThrottle.Count.ACCOUNT));
        first.settle();
        assertThat(failures("login@192.0.2.33/alice")).isEqualTo(LIMIT - 1);
        assertThat(failures("login@192.0.2.33"))
                .as("the refused attempt gave its place back")
                .isEqualTo(LIMIT - 1);
        assertThat(events).as("no block happened").isEmpty();
        // a reservation that fails keeps its place: the block, audited once
        failLogin(second, "192.0.2.33", "alice");
        assertThat(first.reserve("192.0.2.33", "alice"))
                .map(AddressThrottle.Refusal::retryAfter)
                .contains(Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
    }

    /**
     * Issue 35: one person's failed logins block their account name at their address on both nodes, while another
     * account at the same address (an office behind one NAT address) still logs in, until the address's own, much
     * higher ceiling over all names is reached.
     */
    @Test
    void oneNamesFailuresOnTwoNodesBlockItButNotAnotherNameFromTheSameAddress() {
        for (int i = 0; i < LIMIT; i++) {
            failLogin(i % 2 == 0 ? first : second, "203.0.113.50", "alice");
        }
        assertThat(first.reserve("203.0.113.50", "alice"))
                .map(AddressThrottle.Refusal::count)
                .contains(AddressThrottle.Count.ACCOUNT);
        assertThat(second.reserve("203.0.113.50", "alice")).isPresent();
        assertThat(second.reserve("203.0.113.50", "bob"))
                .as("a colleague behind the same address")
                .isEmpty();
        second.settle();
        assertThat(first.reserve("198.51.100.50", "alice"))
                .as("the same name elsewhere")
                .isEmpty();
        first.settle();
        assertThat(first.retryAfter("203.0.113.50"))
                .as("tokens and other requests from the address")
                .isEmpty();

        // spraying over many names from the address stops at the address's ceiling, counted on both nodes
        for (int i = LIMIT; i < ADDRESS_LIMIT; i++) {
            failLogin(i % 2 == 0 ? first : second, "203.0.113.50", "name-" + i);
        }
        assertThat(second.reserve("203.0.113.50", "bob"))
                .map(AddressThrottle.Refusal::count)
                .contains(AddressThrottle.Count.ADDRESS);
        assertThat(first.reserve("203.0.113.51", "bob")).as("another address").isEmpty();
        first.settle();
        assertThat(failures("login@203.0.113.50/bob"))
                .as("the refused attempt gave its place back")
                .isZero();
    }

    private void failLogin(AddressThrottle node, String address, String name) {
        assertThat(node.reserve(address, name)).isEmpty();
        node.failed(address);
        node.settle();
    }

    private int failures(String key) {
        return jdbc.sql("SELECT failures FROM login_throttle WHERE address = ?")
                .param(key)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    @Test
    void concurrentFailuresOnTwoNodesAreAllCounted() throws Exception {
        Thread a = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                first.failed("198.51.100.1");
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                second.failed("198.51.100.1");
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        // LIMIT failures start the block; each of the other 36 raises its level by one
        assertThat(jdbc.sql("SELECT block_level FROM login_throttle WHERE address = ?")
                        .param("198.51.100.1")
                        .query(Integer.class)
                        .single())
                .isEqualTo(40 - LIMIT + 1);
    }
}
