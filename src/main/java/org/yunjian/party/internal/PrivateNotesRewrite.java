package org.yunjian.party.internal;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration {@value #VERSION}, after the private notes were sealed and their clear column dropped
 * ({@link PrivateNotesSealing}): on PostgreSQL, {@code VACUUM FULL} rewrites the table, because {@code DROP COLUMN}
 * only hides the column — every row kept its clear notes in the table's files, as did the row versions the sealing
 * replaced. Outside a transaction (PostgreSQL refuses {@code VACUUM} inside one); it can run again without harm. H2
 * cannot rewrite its file while it is open: there an offline {@code SHUTDOWN COMPACT} does it
 * ({@code docs/operations.md}).
 */
@Component
class PrivateNotesRewrite implements JavaMigration {

    static final String VERSION = "202611290330";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "rewrite private notes table";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if ("PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM FULL cloud_system_private_note");
            }
        }
    }
}
