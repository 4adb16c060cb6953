package org.yunjian.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The assessment was completed; verdicts and evidence are frozen (now {@link AssessmentStatus#COMPLETED}).
 *
 * @param assessorKind who assessed: a third-party 测评机构, or the customer or provider assessing itself
 * @param scope        what was assessed: the scope selections ({@code MLPS-L3}, {@code GOVWEB:…}, an imported
 *                     catalog {@code CATALOG:…})
 */
public record AssessmentCompleted(
        UUID assessmentId, UUID systemId, Instant at, AssessorKind assessorKind, List<String> scope)
        implements AssessmentEvent {

    public AssessmentCompleted {
        Objects.requireNonNull(assessorKind, "assessorKind");
        scope = List.copyOf(scope);
    }

    /**
     * Whether it is a 等级测评: an assessment under 等保 (its scope holds the 等保 2.0 level-3 cloud-extension
     * requirements, {@link ItemGenerator#MLPS}) performed by a third-party assessor organisation (测评机构,
     * {@link AssessorKind#THIRD_PARTY}, whose organisation holds that role on the system). A self-assessment of the
     * customer or the provider, or an assessment against another catalog only (an imported NIST catalog, the sector
     * guides), is none.
     */
    public boolean isGradedMlpsAssessment() {
        return assessorKind == AssessorKind.THIRD_PARTY && scope.contains(ItemGenerator.MLPS);
    }
}
