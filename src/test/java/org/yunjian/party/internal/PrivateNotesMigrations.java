package org.yunjian.party.internal;

import java.nio.file.Path;
import org.flywaydb.core.api.migration.JavaMigration;
import org.yunjian.shared.keys.KeyDirectory;

/**
 * The party module's Java migrations for a test that runs Flyway by hand (outside a Spring context): with the SQL
 * files alone, Flyway refuses a database on which the application already sealed the private notes
 * ({@code applied migration not resolved locally}), and one it migrated without them would be refused by the
 * application afterwards.
 */
public final class PrivateNotesMigrations {

    private PrivateNotesMigrations() {}

    /** Sealing under a key of {@code keyDir} (created there while nothing is sealed) and the table rewrite. */
    public static JavaMigration[] with(Path keyDir) {
        KeyDirectory keys = new KeyDirectory(keyDir, () -> true, true, false);
        return new JavaMigration[] {new PrivateNotesSealing(keys), new PrivateNotesRewrite()};
    }
}
