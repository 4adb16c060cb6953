package org.yunjian.inheritance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.PlatformResults;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/**
 * The verdicts of a platform's latest completed (COMPLETED / ARCHIVED) assessment, for the provider's
 * leveraged-authorization package (issue 60) — the same assessments a tenant's assessment inherits from
 * ({@link InheritanceSources}). Callers check access to the system first.
 */
@Component
class PlatformVerdicts implements PlatformResults {

    private final AssessmentReads repo;
    private final AssessmentReads inherited;

    PlatformVerdicts(AssessmentReads repo, AssessmentReads inherited) {
        this.repo = repo;
        this.inherited = inherited;
    }

    @Override
    public Optional<Results> of(UUID systemId) {
        // completed() lists the latest completion first
        Optional<AssessmentInfo> latest = inherited.completed().stream()
                .filter(row -> row[1].equals(systemId))
                .findFirst()
                .flatMap(row -> repo.find(row[0]))
                .filter(a -> a.completedAt() != null);
        return latest.map(a -> {
            Map<RequirementId, Verdict> verdicts = new LinkedHashMap<>();
            for (TestItem i : repo.items(a.id())) {
                if (i.verdict() != null && RequirementId.isWellFormed(i.requirementId())) {
                    verdicts.putIfAbsent(
                            RequirementId.of(i.requirementId()),
                            new Verdict(i.verdict().name(), Msg.of(i.verdict())));
                }
            }
            return new Results(a.name(), a.completedAt().atZone(Formats.zone()).toLocalDate(), Map.copyOf(verdicts));
        });
    }
}
