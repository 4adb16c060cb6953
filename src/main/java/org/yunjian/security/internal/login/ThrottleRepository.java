package org.yunjian.security.internal.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.security.internal.SecurityProperties;
import org.yunjian.shared.Jdbc;

/**
 * The address throttle's entries in {@code login_throttle}, shared by every node on the database: an entry is
 * read with {@code SELECT … FOR UPDATE} and written in the same transaction, so concurrent failures on two nodes
 * are counted one after the other (the same SQL on H2 and PostgreSQL). Entries quiet for longer than the window and
 * the longest block are deleted when a new address is first recorded.
 */
final class ThrottleRepository implements AddressThrottle.Store {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecurityProperties.Throttle config;
    private final Clock clock;

    ThrottleRepository(
            JdbcClient jdbc, PlatformTransactionManager transactions, SecurityProperties.Throttle config, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        // its own transaction: a failed login's own transaction rolls back, the count must stay
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Optional<AddressThrottle.Entry> get(String address) {
        return jdbc.sql("""
                SELECT * FROM login_throttle WHERE address = ?""").param(address).query(this::row).optional();
    }

    @Override
    public AddressThrottle.Entry update(String address, UnaryOperator<AddressThrottle.Entry> change) {
        try {
            return tx.execute(status -> updateLocked(address, change));
        } catch (DataIntegrityViolationException anotherNodeInsertedFirst) {
            return tx.execute(status -> updateLocked(address, change)); // the row exists now: lock it
        }
    }

    private AddressThrottle.Entry updateLocked(String address, UnaryOperator<AddressThrottle.Entry> change) {
        Optional<AddressThrottle.Entry> current =
                jdbc.sql("""
                SELECT * FROM login_throttle WHERE address = ? FOR UPDATE""").param(address).query(this::row).optional();
        AddressThrottle.Entry next = change.apply(current.orElse(AddressThrottle.Entry.NONE));
        if (current.isPresent()) {
            jdbc.sql("""
                            UPDATE login_throttle SET failures = ?, window_start = ?, last_failure = ?, blocked_until = ?,
                            block_level = ? WHERE address = ?""")
                    .param(next.failures())
                    .param(Jdbc.utc(next.windowStart()))
                    .param(Jdbc.utc(next.last()))
                    .param(Jdbc.utc(next.blockedUntil()))
                    .param(next.level())
                    .param(address)
                    .update();
        } else {
            Instant stale = clock.instant().minus(config.window()).minus(config.maxDelay());
            jdbc.sql("""
                    DELETE FROM login_throttle WHERE last_failure < ?""").param(Jdbc.utc(stale)).update();
            jdbc.sql("""
                            INSERT INTO login_throttle (address, failures, window_start, last_failure, blocked_until,
                            block_level) VALUES (?, ?, ?, ?, ?, ?)""")
                    .param(address)
                    .param(next.failures())
                    .param(Jdbc.utc(next.windowStart()))
                    .param(Jdbc.utc(next.last()))
                    .param(Jdbc.utc(next.blockedUntil()))
                    .param(next.level())
                    .update();
        }
        return next;
    }

    @Override
    public void clear() {
        jdbc.sql("""
                DELETE FROM login_throttle""").update();
    }

    private AddressThrottle.Entry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AddressThrottle.Entry(
                rs.getInt("failures"),
                Jdbc.instant(rs, "window_start"),
                Jdbc.instant(rs, "last_failure"),
                Jdbc.instant(rs, "blocked_until"),
                rs.getInt("block_level"));
    }
}
