package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a test class's own, for tests that need an empty platform (no accounts yet): an in-memory
 * H2 database in the H2 run, a new PostgreSQL database (same owner and application roles) in the
 * PostgreSQL run, and a data directory (keys, audit head witness, evidence) of its own. Use from a {@code @DynamicPropertySource} method.
 */
public final class TestDatabases {

    private TestDatabases() {}

    /** Returns the class's own data directory. */
    public static Path fresh(String name, DynamicPropertyRegistry registry) {
        return fresh(name, registry, false).dataDir();
    }

    /** A fresh database and data directory, with the URL and the credentials of the user Flyway migrates as. */
    public record Database(Path dataDir, String url, String owner, String ownerPassword) {}

    /** As {@link #fresh(String, DynamicPropertyRegistry)}, telling how to reach the database (to prepare it). */
    public static Database freshDatabase(String name, DynamicPropertyRegistry registry) {
        return fresh(name, registry, false);
    }

    /**
     * As {@link #fresh(String, DynamicPropertyRegistry)}, but in the H2 run the embedded file database the
     * platform itself uses, inside the class's data directory — for tests of what needs a real file database
     * (a backup copies it). Returns the class's own data directory (the H2 file is {@code db/yunjian.mv.db} in it).
     */
    public static Path freshFile(String name, DynamicPropertyRegistry registry) {
        return fresh(name, registry, true).dataDir();
    }

    /**
     * A database and data directory of the class's own holding the demo, seeded once per test JVM and copied
     * ({@link DemoTemplate}): for classes that start the demo ({@code yunjian.demo=true}) on data nobody else changes.
     * Their context finds the demo in place, as on a second start, and seeds nothing.
     */
    public static Path freshDemo(String name, DynamicPropertyRegistry registry) {
        DemoTemplate template = DemoTemplate.get();
        Database db = fresh(name, registry, false);
        template.copyInto(db, System.getProperty(PostgresForTests.ADMIN_URL));
        return db.dataDir();
    }

    /**
     * A data directory holding the demo for a {@link ServerProcess} of the tests, copied from the one seeded per test
     * JVM ({@link DemoTemplate}) instead of seeded by the process (a demo seed is about two thirds of a server's first
     * start): in the H2 pass the embedded file database the platform opens itself ({@code db/yunjian} in the
     * directory, with a database password in the key directory, as the platform's first start leaves them), in the
     * PostgreSQL pass a database of its own, whose connection properties are added to {@code properties} for the
     * process. The server finds the demo in place and seeds nothing, as on a second start.
     */
    public static Path demoForServer(String name, java.util.Map<String, String> properties) {
        DemoTemplate template = DemoTemplate.get();
        String adminUrl = System.getProperty(PostgresForTests.ADMIN_URL);
        try {
            Path dataDir = Scratch.directory("yunjian-" + name + "-");
            if (adminUrl == null) {
                // the key directory's database password first: the platform makes one only at first set-up (an
                // empty audit log), and the copy's audit log is the demo's
                String password = UUID.randomUUID().toString();
                template.copyInto(
                        new Database(
                                dataDir,
                                "jdbc:h2:file:" + dataDir.resolve("db").resolve("yunjian"),
                                "yunjian",
                                password),
                        null);
                Files.writeString(dataDir.resolve("keys").resolve("db.password"), password);
                ownerOnly(dataDir);
                return dataDir;
            }
            java.util.Map<String, String> db = PostgresForTests.newDatabase(name);
            template.copyInto(new Database(dataDir, db.get("spring.datasource.url"), null, null), adminUrl);
            ownerOnly(dataDir);
            properties.putAll(db);
            return dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database of " + name, e);
        }
    }

    /** Owner-only, as the platform makes its data directory: a server or command outside demo mode refuses less. */
    private static void ownerOnly(Path dataDir) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(
                        p,
                        java.nio.file.attribute.PosixFilePermissions.fromString(
                                Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        }
    }

    private static Database fresh(String name, DynamicPropertyRegistry registry, boolean h2File) {
        return create(name, (key, value) -> registry.add(key, () -> value), h2File, true);
    }

    /**
     * As {@link #fresh(String, DynamicPropertyRegistry)}, handing the properties to {@code properties}; in the H2 run
     * the in-memory database stays until it is shut down ({@code DB_CLOSE_DELAY=-1}).
     */
    static Database create(String name, java.util.function.BiConsumer<String, String> properties) {
        return create(name, properties, false, false);
    }

    /**
     * The in-memory H2 databases of test contexts, each held open by one connection of its own until its context
     * closes ({@link FreshDatabaseRelease}); the context's own pool then closes the last connections and H2 drops the
     * database. Before, every such database stayed in the suite's heap to the end of the pass ({@code
     * DB_CLOSE_DELAY=-1}), with the contexts the cache had long closed: the heap filled, and full collections stopped
     * the pass for about a minute (docs/performance.md, "CI time").
     */
    private static final java.util.Map<String, Connection> HELD = new java.util.concurrent.ConcurrentHashMap<>();

    /** A class's own database and data directory ({@link #fresh}): dropped and deleted once its context has closed. */
    private record Owned(Path dataDir, String postgresDatabase) {}

    /** By data directory: what each class's own context owns. */
    private static final java.util.Map<String, Owned> OWNED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Of contexts that have closed, to drop and delete before the next database is made. */
    private static final java.util.Queue<Owned> RELEASED = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Lets the in-memory database at {@code url} go, if this class holds it, and marks the database and data
     * directory of a class's own context ({@code dataDir}) for deletion: the context has closed. They go before the
     * next database is made (the closing context is then closed: its pool, its last writes), or when the JVM ends.
     * The PostgreSQL pass kept every class's database to its end, and the data directories stayed in /tmp beyond it.
     */
    static void release(String url, String dataDir) {
        Connection held = url == null ? null : HELD.remove(url);
        if (held != null) {
            try {
                held.close();
            } catch (SQLException e) {
                throw new IllegalStateException("could not release " + url, e);
            }
        }
        Owned owned = dataDir == null ? null : OWNED.remove(dataDir);
        if (owned != null) {
            RELEASED.add(owned);
        }
    }

    private static void dropReleased(String adminUrl) {
        for (Owned owned; (owned = RELEASED.poll()) != null; ) {
            if (owned.postgresDatabase() != null && adminUrl != null) {
                try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
                        Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + owned.postgresDatabase() + " WITH (FORCE)");
                } catch (SQLException e) {
                    throw new IllegalStateException("could not drop " + owned.postgresDatabase(), e);
                }
            }
            Scratch.delete(owned.dataDir());
        }
    }

    private static Database create(
            String name, java.util.function.BiConsumer<String, String> registry, boolean h2File, boolean held) {
        String db = name.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        // a data directory of its own too: the audit head witness and the keys belong to the database, and a
        // witness shared with another database's context makes that log look truncated
        String adminUrl = System.getProperty(PostgresForTests.ADMIN_URL);
        dropReleased(adminUrl);
        Path dataDir = Scratch.directory("yunjian-" + db + "-");
        registry.accept("yunjian.data-dir", dataDir.toString());
        if (held) {
            OWNED.put(dataDir.toString(), new Owned(dataDir, adminUrl == null ? null : db));
        }
        if (adminUrl == null) {
            String url = "jdbc:h2:mem:" + db + (held ? "" : ";DB_CLOSE_DELAY=-1");
            if (!h2File) {
                if (held) {
                    try {
                        HELD.put(url, DriverManager.getConnection(url, "yunjian", ""));
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not create test database " + db, e);
                    }
                }
                registry.accept("spring.datasource.url", url);
            }
            return new Database(dataDir, h2File ? null : url, "yunjian", "");
        }
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db + " OWNER " + PostgresForTests.OWNER + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + db, e);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + db;
        registry.accept("spring.datasource.url", url);
        registry.accept("spring.flyway.url", url);
        registry.accept("yunjian.test.pg.owner-url", url);
        registry.accept("yunjian.test.pg.app-url", url);
        return new Database(
                dataDir, url, System.getProperty("spring.flyway.user"), System.getProperty("spring.flyway.password"));
    }
}
