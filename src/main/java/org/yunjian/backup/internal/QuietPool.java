package org.yunjian.backup.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.yunjian.backup.BackupException;

/**
 * The embedded database held still while H2 copies its file: H2's {@code BACKUP TO} copies the live store, and a
 * store written while statements run can hold one table's uncommitted row without the undo record that rolls it back
 * (measured with H2 2.5.252: 6 of 60 copies taken under three writers held an evidence row without its key, or the
 * reverse; 0 of 60 with writers held). The pool stops lending connections and the copy waits until every connection
 * lent before has come back, that is until no transaction is open but the caller's; then no statement runs while the
 * file is read. Requests that ask for a connection meanwhile wait the moment the copy takes and go on.
 */
final class QuietPool implements AutoCloseable {

    private final HikariPoolMXBean pool;

    private QuietPool(HikariPoolMXBean pool) {
        this.pool = pool;
    }

    /**
     * Suspends the pool behind {@code dataSource} and waits until only {@code held} connections are lent (the
     * caller's own); a pool that cannot be suspended (not Hikari, or not configured to) is not held.
     *
     * @throws BackupException {@code backup.error.busy} when transactions still run after {@code timeout}; the pool is
     *     lending again by then
     */
    static QuietPool hold(DataSource dataSource, int held, Duration timeout) {
        HikariPoolMXBean pool = poolOf(dataSource);
        if (pool == null) {
            return new QuietPool(null);
        }
        pool.suspendPool();
        Instant until = Instant.now().plus(timeout);
        try {
            while (pool.getActiveConnections() > held) {
                if (Instant.now().isAfter(until)) {
                    throw new BackupException(
                            "backup.error.busy", pool.getActiveConnections() - held, timeout.toSeconds());
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.resumePool();
            throw new BackupException(e, "backup.error.busy", pool.getActiveConnections() - held, 0);
        } catch (RuntimeException e) {
            pool.resumePool();
            throw e;
        }
        return new QuietPool(pool);
    }

    private static HikariPoolMXBean poolOf(DataSource dataSource) {
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return null;
            }
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            return hikari.isAllowPoolSuspension() ? hikari.getHikariPoolMXBean() : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Whether connections are held back (false where the pool cannot be suspended). */
    boolean holding() {
        return pool != null;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.resumePool();
        }
    }
}
