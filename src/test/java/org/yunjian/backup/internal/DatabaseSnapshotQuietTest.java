package org.yunjian.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.tools.Restore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.backup.BackupException;

/**
 * H2's {@code BACKUP TO} copies the live store file; taken while statements ran, 6 of 60 copies held one table's
 * uncommitted row without the undo record that rolls it back (an evidence row without its key). The snapshot holds
 * the pool still: it waits for the open transactions, and refuses after its timeout rather than copy under them.
 */
class DatabaseSnapshotQuietTest {

    @TempDir
    Path tmp;

    private HikariDataSource pool;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void open() throws Exception {
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:file:" + tmp.resolve("db/yunjian") + ";WRITE_DELAY=0;REUSE_SPACE=FALSE");
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(6);
        pool.setAllowPoolSuspension(true);
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE ev (id UUID PRIMARY KEY, blob VARCHAR(40) NOT NULL UNIQUE, pad VARCHAR(2000));
                    CREATE TABLE ev_key (id UUID PRIMARY KEY REFERENCES ev (id) ON DELETE CASCADE, w VARCHAR(20));
                    CREATE TABLE ev_link (id UUID PRIMARY KEY REFERENCES ev (id) ON DELETE CASCADE)""");
        }
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        pool.close();
    }

    private DatabaseSnapshot snapshot(Duration quiet) {
        return new DatabaseSnapshot(pool, "pg_dump", "jdbc:h2:unused", "", "", quiet);
    }

    @Test
    void theCopyWaitsForAnOpenTransactionAndHoldsWhatItCommitted() throws Exception {
        Connection open = pool.getConnection();
        open.setAutoCommit(false);
        UUID id = insert(open);
        Path dir = tmp.resolve("b1");
        Future<String> taken =
                threads.submit(() -> snapshot(Duration.ofSeconds(30)).take(dir));
        Thread.sleep(400);
        assertThat(taken).as("the copy waits while a transaction is open").isNotDone();
        open.commit();
        open.close();
        assertThat(taken.get(30, TimeUnit.SECONDS)).isEqualTo("h2");
        try (Connection restored = restore(dir);
                PreparedStatement q = restored.prepareStatement("SELECT COUNT(*) FROM ev_key WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isOne();
            }
        }
        try (Connection again = pool.getConnection()) {
            assertThat(again.isValid(1)).as("the pool lends again").isTrue();
        }
    }

    @Test
    void aBackupTakenInsideTheCallersOwnTransactionDoesNotWaitForIt() {
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(pool));
        String kind = tx.execute(status -> {
            org.springframework.jdbc.datasource.DataSourceUtils.getConnection(pool);
            try {
                return snapshot(Duration.ofSeconds(2)).take(tmp.resolve("b3"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(kind).isEqualTo("h2");
    }

    @Test
    void aTransactionThatDoesNotEndRefusesTheBackupAndThePoolLendsAgain() throws Exception {
        try (Connection open = pool.getConnection()) {
            open.setAutoCommit(false);
            insert(open);
            assertThatThrownBy(() -> snapshot(Duration.ofMillis(300)).take(tmp.resolve("b2")))
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.key()).isEqualTo("backup.error.busy");
                        assertThat(e.problemStatus()).isEqualTo(503);
                    });
            assertThat(threads.submit(() -> {
                                try (Connection c = pool.getConnection()) {
                                    return c.isValid(1);
                                }
                            })
                            .get(5, TimeUnit.SECONDS))
                    .as("a request after the refusal gets its connection")
                    .isTrue();
            open.rollback();
        }
    }

    @Test
    void copiesTakenUnderThreeWritersHoldWholeTransactionsOnly() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Integer>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            writers.add(threads.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    try (Connection c = pool.getConnection()) {
                        c.setAutoCommit(false);
                        insert(c);
                        c.commit();
                        n++;
                    }
                }
                return n;
            }));
        }
        try {
            for (int i = 0; i < 4; i++) {
                Thread.sleep(60);
                Path dir = tmp.resolve("s" + i);
                snapshot(Duration.ofSeconds(30)).take(dir);
                try (Connection restored = restore(dir);
                        Statement s = restored.createStatement();
                        ResultSet rs = s.executeQuery("""
                                SELECT (SELECT COUNT(*) FROM ev), (SELECT COUNT(*) FROM ev_key), (SELECT COUNT(*) FROM ev_link),
                                (SELECT COUNT(*) FROM ev WHERE id NOT IN (SELECT id FROM ev_key))""")) {
                    rs.next();
                    assertThat(List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                            .as("copy %d: keys, links, evidence without a key", i)
                            .containsExactly(rs.getLong(1), rs.getLong(1), 0L);
                }
            }
        } finally {
            stop.set(true);
        }
        for (Future<Integer> w : writers) {
            assertThat(w.get(30, TimeUnit.SECONDS)).isPositive();
        }
    }

    private static UUID insert(Connection c) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ev VALUES (?, ?, ?)")) {
            p.setObject(1, id);
            p.setString(2, id.toString());
            p.setString(3, "x".repeat(300));
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ev_key VALUES (?, 'key')")) {
            p.setObject(1, id);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ev_link VALUES (?)")) {
            p.setObject(1, id);
            p.executeUpdate();
        }
        return id;
    }

    private Connection restore(Path backupDir) throws Exception {
        Path into = tmp.resolve("r-" + backupDir.getFileName());
        Restore.execute(backupDir.resolve(DatabaseSnapshot.H2_FILE).toString(), into.toString(), "yunjian");
        return DriverManager.getConnection("jdbc:h2:file:" + into.resolve("yunjian"), "sa", "");
    }
}
