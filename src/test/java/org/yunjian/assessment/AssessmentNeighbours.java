package org.yunjian.assessment;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For module tests that start {@code assessment} without the modules above it: the two hooks its service calls, which
 * the workbench ({@link AssessmentChanges}) and the risk register ({@link VerdictRemediation}) implement, as no-ops.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AssessmentNeighbours {

    @Bean
    AssessmentChanges assessmentChanges() {
        return assessmentId -> {};
    }

    @Bean
    VerdictRemediation verdictRemediation() {
        return (item, system, verdict, retest, tasks, now) -> {};
    }
}
