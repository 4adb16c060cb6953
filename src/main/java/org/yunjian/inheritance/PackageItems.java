package org.yunjian.inheritance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.responsibility.ProviderPackages;
import org.yunjian.responsibility.ProviderPackages.PackageItem;

/**
 * The test items of an assessment that a provider's plan imported for the assessed system speaks of (issue 60): which
 * the customer inherits from the provider, which stay the customer's, under which control of which plan. Shown next
 * to the inherited items; the verdicts are still the assessors' (inheriting is {@link Inheritances}').
 */
@Component
public class PackageItems {

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final ProviderPackages packages;

    PackageItems(AssessmentService assessments, AssessmentReads repo, ProviderPackages packages) {
        this.assessments = assessments;
        this.repo = repo;
        this.packages = packages;
    }

    /** One item of the assessment with what a plan says of it. */
    public record Row(UUID itemId, String requirementId, String controlPoint, PackageItem item) {}

    /** The assessment's items the imported plans speak of, in the plans' order (404 as the assessment). */
    public List<Row> of(UUID assessmentId) {
        Access access = assessments.access(assessmentId);
        List<PackageItem> items = packages.items(access.system().id());
        if (items.isEmpty()) {
            return List.of();
        }
        List<TestItem> tests = repo.items(assessmentId);
        List<Row> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PackageItem p : items) {
            for (TestItem t : tests) {
                if (t.requirementId().equals(p.item().value())
                        && seen.add(t.id() + "/" + p.packageId() + "/" + p.controlId())) {
                    out.add(new Row(t.id(), t.requirementId(), t.controlPoint(), p));
                }
            }
        }
        return out;
    }
}
