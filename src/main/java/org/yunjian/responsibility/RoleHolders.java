package org.yunjian.responsibility;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds which T/CCIA role on a system according to its current responsibility matrix (the participants as the
 * matrix records them, including roles decided with the Annex A assistant), for other modules that assign work by
 * role — the lifecycle plan assigns each duty to the organisations holding the roles it names.
 */
public interface RoleHolders {

    /**
     * The participants of the system's current matrix, or empty when the system has no matrix yet. The caller must
     * be allowed to see the system (404 otherwise).
     */
    Optional<List<Participant>> participants(UUID systemId);
}
