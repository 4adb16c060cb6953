package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yunjian.assessment.AssessmentCompleted;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Industry;

/**
 * Issue 59, "Periodic duties fall due at the wrong time": the domain rules without Spring, each test citing the clause
 * it follows (docs/standards/*.txt). The same findings on a running system and on the demo data are
 * {@code DutiesFallDueTests}.
 */
class DutiesFallDueTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoading.fromClasspath();
    }

    static CloudSystem gov() {
        return PeriodicDutiesTest.system(Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC);
    }

    /**
     * gov 8.5 b) "每两年至少开展各典型类别安全事件的应急演练一次" (gov-website-cloud-security-guide.txt line 329): the
     * per-category drills fall due 24 months after the last one — the text's interval is their default, whatever the
     * platform's configured drill default (12 months) — so a drill held 14 months ago is not overdue.
     */
    @Test
    @DisplayName("gov 8.5 b): a category's drill is due 24 months after the last, not on the 12-month platform default")
    void gov8_5b_perCategoryDrillsFallDueAfterTwoYears() {
        ObligationPolicy configured12 = new ObligationPolicy(Map.of(3, 12), 12, 1, 12, 12);
        for (DrillCategory c : DrillCategory.values()) {
            if (c == DrillCategory.OTHER || c == DrillCategory.INDUSTRY_JOINT) {
                continue;
            }
            ObligationKind k = c.obligation().orElseThrow();
            assertThat(configured12.defaultMonths(k, gov())).as(k.name()).isEqualTo(24);
            assertThat(configured12.months(k, gov(), null)).as(k.name()).isEqualTo(24);
            assertThat(k.intervalStated(Industry.GOVERNMENT_WEBSITE)).isTrue();
        }
        // an organisation may still choose a shorter interval of its own
        assertThat(configured12.months(ObligationKind.DRILL_MALWARE, gov(), 12)).isEqualTo(12);
        Obligation drill = new Obligation(
                UUID.randomUUID(),
                UUID.randomUUID(),
                ObligationKind.DRILL_INFORMATION_DESTRUCTION,
                UUID.randomUUID(),
                TODAY.minusMonths(20),
                configured12.months(ObligationKind.DRILL_INFORMATION_DESTRUCTION, gov(), null),
                TODAY.minusMonths(14),
                "customer",
                Instant.EPOCH);
        assertThat(drill.nextDue()).isEqualTo(TODAY.minusMonths(14).plusMonths(24));
        assertThat(drill.status(TODAY)).isEqualTo(ObligationStatus.UPCOMING);
        assertThat(drill.completed(TODAY.minusMonths(26), TODAY.minusMonths(26), "c", Instant.EPOCH)
                        .status(TODAY))
                .isEqualTo(ObligationStatus.UPCOMING); // an older completion leaves the later one standing
        Obligation old = new Obligation(
                UUID.randomUUID(),
                UUID.randomUUID(),
                ObligationKind.DRILL_NETWORK_ATTACK,
                UUID.randomUUID(),
                TODAY.minusMonths(30),
                24,
                TODAY.minusMonths(26),
                "customer",
                Instant.EPOCH);
        assertThat(old.status(TODAY)).isEqualTo(ObligationStatus.OVERDUE);
        // where the text states no number the configured default stays, and is the platform's (labelled so)
        assertThat(configured12.defaultMonths(ObligationKind.VULNERABILITY_SCAN, gov()))
                .isEqualTo(3);
        assertThat(ObligationKind.VULNERABILITY_SCAN.intervalStated(Industry.GOVERNMENT_WEBSITE))
                .isFalse();
    }

    /**
     * 等级测评 is an assessment under 等保 performed by a 测评机构 (third-party assessor): only such a completed
     * assessment completes the 等保 assessment obligation — not a customer's or provider's self-assessment, nor a
     * third party's assessment against another catalog only (an imported NIST catalog, a sector guide).
     */
    @Test
    @DisplayName("等级测评: only a third-party 测评机构's assessment under 等保 (MLPS-L3) completes the 等保 obligation")
    void onlyAThirdPartyMlpsAssessmentCompletesTheMlpsObligation() {
        UUID system = UUID.randomUUID();
        assertThat(ObligationPolicy.completedBy(completed(system, AssessorKind.THIRD_PARTY, "MLPS-L3")))
                .containsExactly(ObligationKind.MLPS_ASSESSMENT);
        assertThat(ObligationPolicy.completedBy(
                        completed(system, AssessorKind.THIRD_PARTY, "MLPS-L3", "GOVWEB:OPERATION")))
                .containsExactly(ObligationKind.MLPS_ASSESSMENT);
        assertThat(ObligationPolicy.completedBy(completed(system, AssessorKind.CUSTOMER_SELF, "MLPS-L3")))
                .as("a customer's self-assessment is no 等级测评")
                .isEmpty();
        assertThat(ObligationPolicy.completedBy(completed(system, AssessorKind.PROVIDER_SELF, "MLPS-L3")))
                .as("nor a provider's")
                .isEmpty();
        assertThat(ObligationPolicy.completedBy(completed(system, AssessorKind.THIRD_PARTY, "CATALOG:NIST-800-53")))
                .as("a NIST-only assessment is not under 等保")
                .isEmpty();
        assertThat(ObligationPolicy.completedBy(completed(system, AssessorKind.THIRD_PARTY, "JRT-SF", "GBT31167")))
                .isEmpty();
    }

    static AssessmentCompleted completed(UUID system, AssessorKind kind, String... scope) {
        return new AssessmentCompleted(UUID.randomUUID(), system, Instant.EPOCH, kind, List.of(scope));
    }
}
