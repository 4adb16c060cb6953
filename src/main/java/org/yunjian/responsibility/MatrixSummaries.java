package org.yunjian.responsibility;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.yunjian.party.PartyRole;

/**
 * A system's responsibility matrix in a few numbers, for other modules' documents (the assessment report's
 * 被测对象描述): the current version, whether it is approved, and per participant its roles and how many
 * applicable duties it is accountable for. Reads with the caller's rights (404 for a system the caller may not see).
 */
public interface MatrixSummaries {

    /** The summary of the system's current matrix version, or empty when the system has none. */
    Optional<MatrixSummary> of(UUID systemId);

    /**
     * @param version    the current version number
     * @param status     draft or approved
     * @param duties     the applicable duties (rows) of the version
     * @param shares     one per participant, in the matrix's order
     */
    record MatrixSummary(int version, VersionStatus status, int duties, List<Share> shares) {
        public MatrixSummary {
            shares = List.copyOf(shares);
        }
    }

    /** A participant's part: its roles and the number of duties it is accountable for (alone or jointly). */
    record Share(UUID organisation, String name, Set<PartyRole> roles, int accountableFor) {
        public Share {
            roles = Set.copyOf(roles);
        }
    }
}
