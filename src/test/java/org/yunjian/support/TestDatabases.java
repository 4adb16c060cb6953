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

    private TestDatabases() {
    }

    public static void fresh(String name, DynamicPropertyRegistry registry) {
        fresh(name, registry, false);
    }

    /**
     * As {@link #fresh(String, DynamicPropertyRegistry)}, but in the H2 run the embedded file database the
     * platform itself uses, inside the class's data directory — for tests of what needs a real file database
     * (a backup copies it).
     */
    public static void freshFile(String name, DynamicPropertyRegistry registry) {
        fresh(name, registry, true);
    }

    private static void fresh(String name, DynamicPropertyRegistry registry, boolean h2File) {
        String db = name.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        // a data directory of its own too: the audit head witness and the keys belong to the database, and a
        // witness shared with another database's context makes that log look truncated
        try {
            Path dataDir = Files.createTempDirectory("yunjian-" + db + "-");
            registry.add("yunjian.data-dir", dataDir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String adminUrl = System.getProperty(PostgresForTests.ADMIN_URL);
        if (adminUrl == null) {
            if (!h2File) {
                registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1");
            }
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db + " OWNER " + PostgresForTests.OWNER + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + db, e);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + db;
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.flyway.url", () -> url);
        registry.add("yunjian.test.pg.owner-url", () -> url);
        registry.add("yunjian.test.pg.app-url", () -> url);
    }
}
