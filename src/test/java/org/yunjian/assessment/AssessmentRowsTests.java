package org.yunjian.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yunjian.assessment.internal.AssessmentRepository;

/**
 * Issue 61: a feature module never writes the assessment's rows; it asks {@link Assessments} (the guarded aggregate
 * API), whose domain type {@link Assessment} checks the rule once. Only the assessment module itself calls the writes
 * of {@link AssessmentRepository}; the old way (a feature moving the status by a row write) fails the rule, as the
 * fixture shows. Nothing outside the module uses {@code assessment.internal} (its repositories and SQL): other
 * modules read through {@link AssessmentReads}.
 */
@org.yunjian.support.RunsBesideTheSuite
class AssessmentRowsTests {

    /** The methods of {@link AssessmentRepository} that change a row (or lock one for a change). */
    static final Set<String> WRITES = Set.of(
            "insert",
            "insertMembers",
            "replaceMembers",
            "updateReportSetup",
            "updateStatus",
            "claimVersion",
            "requireVersion",
            "lockStatus",
            "markFollowUp",
            "insertItem",
            "updateVerdict",
            "updateFindingTexts",
            "updateObservations",
            "insertVerdict",
            "insertInterview");

    static final ArchRule ONLY_THE_ASSESSMENT_WRITES_ITS_ROWS = noClasses()
            .that()
            .resideOutsideOfPackage("org.yunjian.assessment..")
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "a row write of AssessmentRepository",
                    (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(AssessmentRepository.class)
                            && WRITES.contains(call.getName())))
            .because("a feature changes the assessment through Assessments, whose domain type checks the rule");

    static final ArchRule ONLY_THE_ASSESSMENT_SEES_ITS_INTERNALS = noClasses()
            .that()
            .resideOutsideOfPackage("org.yunjian.assessment..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.yunjian.assessment.internal..")
            .because("other modules read the assessment through AssessmentReads and change it through Assessments;"
                    + " its repositories and SQL are its own");

    @Test
    @DisplayName("no class outside the assessment module uses assessment.internal (its repositories and SQL)")
    void nothingOutsideUsesTheInternals() {
        ONLY_THE_ASSESSMENT_SEES_ITS_INTERNALS.check(org.yunjian.support.MainClasses.get());
    }

    @Test
    @DisplayName(
            "a feature that reads the repository itself fails the internals rule; one that asks AssessmentReads passes")
    void readingTheRepositoryFailsTheInternalsRule() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("fixtures.assessmentwrites");
        assertThatThrownBy(() -> ONLY_THE_ASSESSMENT_SEES_ITS_INTERNALS.check(fixtures))
                .hasMessageContaining("FeatureThatReads")
                .hasMessageNotContaining("FeatureThatReadsThroughTheApi");
    }

    @Test
    @DisplayName("no class outside the assessment module writes the assessment's rows")
    void onlyTheAssessmentWritesItsRows() {
        ONLY_THE_ASSESSMENT_WRITES_ITS_ROWS.check(org.yunjian.support.MainClasses.get());
    }

    @Test
    @DisplayName("a feature that moves the status by a row write fails the rule; one that only reads passes")
    void theOldWayFailsTheRule() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("fixtures.assessmentwrites");
        assertThatThrownBy(() -> ONLY_THE_ASSESSMENT_WRITES_ITS_ROWS.check(fixtures))
                .hasMessageContaining("FeatureThatMovesTheStatus")
                .hasMessageContaining("updateStatus")
                .hasMessageNotContaining("FeatureThatReads");
    }
}
