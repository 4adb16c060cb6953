package org.yunjian.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yunjian.vault.Vault;

/**
 * One security compliance acceptance test after migration (安全合规验收, GOV 7.2.4 a) and 7.4.2), usually run by the
 * third-party assessor: the test, its result, by whom and when, and the evidence files.
 *
 * @param testerOrg the organisation of the person who recorded the result
 * @param testedBy  the user name of that person
 */
public record MigrationAcceptance(
        UUID id,
        UUID systemId,
        String test,
        MigrationAcceptanceResult result,
        UUID testerOrg,
        String testedBy,
        LocalDate testedOn,
        String notes,
        Instant recordedAt,
        List<Vault.Sealed> files) {

    public MigrationAcceptance {
        files = List.copyOf(files);
    }
}
