package org.yunjian.responsibility;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/**
 * A system's responsibility matrix in a few numbers, for other modules' documents (the assessment report's
 * 被测对象描述): the current version, whether it is approved, and per participant its roles and how many
 * applicable duties it is accountable for. Reads with the caller's rights (404 for a system the caller may not see).
 */
public interface MatrixSummaries {

    /** The summary of the system's current matrix version, or empty when the system has none. */
    Optional<MatrixSummary> of(UUID systemId);

    /**
     * The summary of the latest version approved at or before {@code asOf} (null: now) — what a report approved then
     * cites — or empty when no version was approved by then (or the system has no matrix).
     */
    Optional<MatrixSummary> approved(UUID systemId, java.time.Instant asOf);

    /**
     * @param version    the current version number
     * @param status     draft or approved
     * @param duties     the applicable duties (rows) of the version
     * @param shares     one per participant, in the matrix's order
     * @param approvedAt when both sides had signed the version off, or null for a draft
     */
    record MatrixSummary(
            int version, VersionStatus status, int duties, List<Share> shares, java.time.Instant approvedAt) {
        public MatrixSummary {
            shares = List.copyOf(shares);
        }

        public MatrixSummary(int version, VersionStatus status, int duties, List<Share> shares) {
            this(version, status, duties, shares, null);
        }
    }

    /** A participant's part: its roles and the number of duties it is accountable for (alone or jointly). */
    record Share(UUID organisation, String name, Set<PartyRole> roles, int accountableFor) {
        public Share {
            roles = Set.copyOf(roles);
        }
    }
}
