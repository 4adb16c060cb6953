package org.yunjian.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A database of an older version, for upgrade tests: migrated with Flyway up to the migration before a given one, then
 * filled with plain SQL as that version wrote its rows, before the platform starts on it and runs the rest.
 */
public final class OlderSchema {

    private OlderSchema() {}

    /**
     * Applies the migrations older than {@code version} — the SQL files and {@code javaMigrations} (those the
     * application would run among them): the schema of the version before it.
     */
    public static void migrateToJustBefore(
            String version, String url, String user, String password, JavaMigration... javaMigrations) {
        MigrationVersion first = MigrationVersion.fromVersion(version);
        var configuration = Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations);
        MigrationVersion before = java.util.Arrays.stream(
                        configuration.load().info().all())
                .map(m -> m.getVersion())
                .filter(v -> v != null && v.compareTo(first) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow();
        configuration.target(before).load().migrate();
    }

    /** One statement with its parameters. */
    public static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
