package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DataClassification;
import org.yunjian.party.Industry;
import org.yunjian.party.ServiceModel;

/** The next-due and overdue rule, and the interval limits, without Spring. */
class ObligationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static Obligation drill(LocalDate start, LocalDate last) {
        return new Obligation(
                UUID.randomUUID(),
                UUID.randomUUID(),
                ObligationKind.EMERGENCY_DRILL,
                UUID.randomUUID(),
                start,
                12,
                last,
                last == null ? null : "someone",
                last == null ? null : Instant.EPOCH);
    }

    static CloudSystem system(Industry industry, int level, DeploymentModel model) {
        return new CloudSystem(
                UUID.randomUUID(),
                "系统",
                UUID.randomUUID(),
                level,
                model,
                ServiceModel.IAAS,
                industry,
                DataClassification.IMPORTANT,
                List.of(),
                UUID.randomUUID(),
                List.of(),
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void neverDoneIsDueOnItsStartDate() {
        assertThat(drill(TODAY.plusDays(45), null).nextDue()).isEqualTo(TODAY.plusDays(45));
        assertThat(drill(TODAY.plusDays(45), null).status(TODAY)).isEqualTo(ObligationStatus.UPCOMING);
    }

    @Test
    void nextDueIsLastCompletionPlusInterval() {
        Obligation o = drill(TODAY.minusYears(3), TODAY.minusMonths(14));
        assertThat(o.nextDue()).isEqualTo(TODAY.minusMonths(2));
        assertThat(o.status(TODAY)).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(o.daysOverdue(TODAY)).isPositive();
    }

    @Test
    void dueSoonFromThirtyDaysBeforeAndOverdueTheDayAfter() {
        assertThat(drill(TODAY.plusDays(31), null).status(TODAY)).isEqualTo(ObligationStatus.UPCOMING);
        assertThat(drill(TODAY.plusDays(30), null).status(TODAY)).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(drill(TODAY, null).status(TODAY)).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(drill(TODAY.minusDays(1), null).status(TODAY)).isEqualTo(ObligationStatus.OVERDUE);
    }

    @Test
    void anOlderCompletionDoesNotMoveTheNextDueDateBack() {
        Obligation o = drill(TODAY, TODAY.minusMonths(2));
        assertThat(o.completed(TODAY.minusMonths(5), TODAY, "late", Instant.EPOCH)
                        .nextDue())
                .isEqualTo(TODAY.plusMonths(10));
    }

    @Test
    void refusesACompletionInTheFuture() {
        assertThatThrownBy(() -> drill(TODAY, null).completed(TODAY.plusDays(1), TODAY, "x", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesADrillIntervalLongerThanTheGovernmentWebsiteGuideAllows() {
        CloudSystem gov = system(Industry.GOVERNMENT_WEBSITE, 3, DeploymentModel.PUBLIC);
        ObligationPolicy p = ObligationPolicy.DEFAULT;
        assertThat(p.maximum(ObligationKind.DRILL_NETWORK_ATTACK, gov).months()).isEqualTo(24);
        assertThat(p.refusal(ObligationKind.DRILL_NETWORK_ATTACK, gov, 24)).isEmpty();
        assertThat(p.refusal(ObligationKind.DRILL_NETWORK_ATTACK, gov, 25))
                .get()
                .satisfies(m -> assertThat(m.args()).contains("GOVWEB-8.5-b"));
        // JR/T states no number for drills: only the general bound
        CloudSystem sf = system(Industry.SECURITIES_FUTURES, 3, DeploymentModel.PUBLIC);
        assertThat(p.refusal(ObligationKind.EMERGENCY_DRILL, sf, 36)).isEmpty();
        // ... but "每年评估受托方提供的云服务"
        assertThat(p.refusal(ObligationKind.PROVIDER_EVALUATION, sf, 13)).get().satisfies(m -> assertThat(m.args())
                .contains("JRT-SF-6.3.1-2"));
    }

    @Test
    void assessmentIntervalFollowsTheProtectionLevel() {
        ObligationPolicy p = ObligationPolicy.DEFAULT;
        assertThat(p.defaultMonths(ObligationKind.MLPS_ASSESSMENT, system(Industry.OTHER, 2, DeploymentModel.PUBLIC)))
                .isEqualTo(24);
        assertThat(p.defaultMonths(ObligationKind.MLPS_ASSESSMENT, system(Industry.OTHER, 3, DeploymentModel.PUBLIC)))
                .isEqualTo(12);
        assertThat(p.defaultMonths(ObligationKind.MLPS_ASSESSMENT, system(Industry.OTHER, 4, DeploymentModel.PUBLIC)))
                .isEqualTo(6);
        CloudSystem l3 = system(Industry.OTHER, 3, DeploymentModel.PUBLIC);
        assertThat(p.refusal(ObligationKind.MLPS_ASSESSMENT, l3, 18)).isPresent();
        // an organisation's own interval beyond the maximum is not used
        assertThat(p.months(ObligationKind.MLPS_ASSESSMENT, l3, 18)).isEqualTo(12);
        assertThat(p.months(ObligationKind.MLPS_ASSESSMENT, l3, 9)).isEqualTo(9);
    }

    @Test
    void refusesAConfiguredDefaultBeyondTheStandard() {
        assertThatThrownBy(() -> new ObligationPolicy(Map.of(3, 12), 30, 1, 12, 12))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
