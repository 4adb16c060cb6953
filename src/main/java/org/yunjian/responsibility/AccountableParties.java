package org.yunjian.responsibility;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who the system's current responsibility matrix makes accountable (责任主体) for the T/CCIA duties the catalog maps a
 * requirement of another standard onto (an 等保 item, say), for modules that route work by responsibility — the
 * assessment module sends each line of an evidence request to the party responsible for its items.
 */
public interface AccountableParties {

    /**
     * Per requirement id that the catalog maps onto at least one T/CCIA duty with an assignment in the matrix, the
     * accountable organisations of those duties; requirements without such a mapping are absent. Empty when the
     * system has no matrix yet. The caller must be allowed to see the system (404 otherwise).
     */
    Optional<Map<String, Set<UUID>>> of(UUID systemId, Collection<String> requirementIds);

    /**
     * The organisations the newest <em>approved</em> version of the system's matrix makes accountable (责任主体) for
     * any of the T/CCIA {@code duties}, read as the platform — for work routed without a caller, such as a probe's
     * alert. Empty when the system has no approved matrix or the duties no assignment in it: the caller then routes by
     * what the standards say without a matrix.
     */
    Set<UUID> approvedAccountableForPlatformWork(UUID systemId, Collection<org.yunjian.catalog.RequirementId> duties);
}
