package org.yunjian.party.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.SealedText;

/**
 * How customers' private notes are sealed — SM4-GCM under {@code private-notes.key} in the key directory, the system
 * id as associated data ({@link SealedText}) — and the Flyway migration {@value #VERSION} that seals the notes older
 * versions kept in clear. Spring Boot hands this bean to Flyway with the SQL migrations, so it runs exactly once, in
 * version order: after {@code 202611290300} added {@code notes_sealed}, before {@code 202611290320} drops the clear
 * {@code notes} column and requires sealed values — the schema itself then holds no clear text, on H2 and on
 * PostgreSQL alike ({@link PrivateNotesRewrite} then rewrites PostgreSQL's table files). It runs in Flyway's
 * transaction for it; a crash rolls it back, and a run after a crash seals only rows not sealed yet.
 *
 * <p>Why not a start-up step like {@code TotpSecretUpgrade} (which runs at every start after Flyway and checks for
 * plaintext each time): that has to keep the clear column in the schema for ever, cannot let the database refuse
 * clear text, and runs after any later migration. Here the sealing is a recorded step of the schema's history.
 */
@Component
class PrivateNotesSealing implements JavaMigration {

    static final String KEY_FILE = "private-notes.key";
    static final String PURPOSE = "yunjian.private-note";
    static final String VERSION = "202611290310";
    private static final Logger log = LoggerFactory.getLogger(PrivateNotesSealing.class);

    private final KeyDirectory keys;

    PrivateNotesSealing(KeyDirectory keys) {
        this.keys = keys;
    }

    /** The notes' sealing; the key file may be created while {@code nothingSealed} (or the key directory allows it). */
    static SealedText sealedText(KeyDirectory keys, BooleanSupplier nothingSealed) {
        return new SealedText(keys, KEY_FILE, PURPOSE, nothingSealed);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "seal private notes";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        int n = seal(context.getConnection());
        if (n > 0) {
            log.info("Sealed {} private note(s) with the key in {}", n, keys.resolve(KEY_FILE));
        }
    }

    /** Seals every note not sealed yet into {@code notes_sealed}; returns how many. */
    int seal(Connection c) throws java.sql.SQLException {
        Map<UUID, String> clear = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                        SELECT system_id, notes FROM cloud_system_private_note WHERE notes_sealed IS NULL""");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                clear.put(rs.getObject(1, UUID.class), rs.getString(2));
            }
        }
        if (clear.isEmpty()) {
            return 0;
        }
        // nothing is sealed under the key before this step: a missing key file may be created now
        SealedText sealing = sealedText(keys, () -> true);
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE cloud_system_private_note SET notes_sealed = ?
                WHERE system_id = ? AND notes_sealed IS NULL""")) {
            for (Map.Entry<UUID, String> row : clear.entrySet()) {
                u.setString(1, sealing.seal(row.getKey(), row.getValue()));
                u.setObject(2, row.getKey());
                u.addBatch();
            }
            u.executeBatch();
        }
        return clear.size();
    }
}
