package org.yunjian.assessment;

import java.util.List;
import java.util.UUID;

/**
 * The assessments the current user may see, for other modules (search, the cloud system's page): the same visibility
 * as the assessment pages — a party sees the assessments of the systems it takes part in and its own relations
 * allow; a security or audit administrator sees none.
 */
public interface AssessmentDirectory {

    /** Visible assessments of one system, or of every visible system when {@code systemId} is {@code null}. */
    List<Summary> visible(UUID systemId);

    /**
     * One page of the visible assessments whose name or system's name contains {@code q} (any case), newest first,
     * with the total: visibility, match and paging in SQL (global search).
     */
    org.yunjian.shared.paging.Paged<Match> search(String q, org.yunjian.shared.paging.PageRequest page);

    /** An assessment found by {@link #search}, with its system's name. */
    record Match(UUID id, String name, UUID systemId, String systemName, AssessmentStatus status) {}

    /**
     * An assessment as other modules show it; {@code completedAt} is null until it is completed; who assessed
     * ({@code assessorKind}) and what ({@code scope}: the scope selections).
     */
    record Summary(
            UUID id,
            String name,
            UUID systemId,
            AssessmentStatus status,
            java.time.Instant completedAt,
            AssessorKind assessorKind,
            List<String> scope) {

        /** Its completion as the application announced it (null until completed). */
        public AssessmentCompleted completion() {
            return completedAt == null ? null : new AssessmentCompleted(id, systemId, completedAt, assessorKind, scope);
        }
    }
}
