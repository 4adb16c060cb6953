package org.yunjian.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A data migration check: what was compared between the source and the migrated data, by which method, and the two
 * values. Whether it passed is computed from the values, never stored as a flag that could disagree with them.
 *
 * @param sourceValue the value measured on the source (a record count, a hash, a sample's result)
 * @param targetValue the same measured on the migrated data
 */
public record MigrationCheck(
        UUID id,
        UUID systemId,
        String subject,
        MigrationCheckMethod method,
        String sourceValue,
        String targetValue,
        LocalDate checkedOn,
        String recordedBy,
        Instant recordedAt) {

    /** The two values agree (hashes compared without regard to letter case). */
    public boolean matches() {
        String s = sourceValue.strip();
        String t = targetValue.strip();
        return method == MigrationCheckMethod.HASH
                ? s.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))
                : s.equals(t);
    }
}
