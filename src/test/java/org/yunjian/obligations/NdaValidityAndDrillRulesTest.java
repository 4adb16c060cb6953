package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.party.Industry;

/**
 * The domain rules of issue 36's finishing session, without Spring: JR/T 6.3.4 / 6.4.4 "保密协议应有明确的有效周期。"
 * (jrt-securities-futures-cloud-security-spec.txt lines 448, 510) — the NDA renewal follows the NDA's recorded validity —
 * and 政府网站指南 8.5 b) "每两年至少开展各典型类别安全事件的应急演练一次" (gov-website-cloud-security-guide.txt line 329) — on
 * a government website a drill completes its own category's obligation only, never the single drill obligation of
 * before the per-category ones.
 */
class NdaValidityAndDrillRulesTest {

    static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoading.fromClasspath();
    }

    static Obligation nda(LocalDate start) {
        return new Obligation(
                UUID.randomUUID(),
                UUID.randomUUID(),
                ObligationKind.NDA_RENEWAL,
                UUID.randomUUID(),
                start,
                36,
                null,
                null,
                null);
    }

    @Test
    @DisplayName("JR/T 6.3.4 \"保密协议应有明确的有效周期。\": with the NDA's last day recorded, the renewal is due the "
            + "lead before it (not start + interval), overdue after that, 已过期 after the last day")
    void ndaRenewalFollowsTheRecordedValidity_JRT_6_3_4() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        Obligation plain = nda(today);
        assertThat(plain.nextDue()).isEqualTo(today);
        assertThat(plain.expired(today)).isFalse();

        LocalDate until = LocalDate.of(2027, 6, 30);
        Obligation o = plain.withValidity(ObligationPolicy.DEFAULT
                .validity(ObligationKind.NDA_RENEWAL, until)
                .orElseThrow());
        assertThat(o.validity().leadDays())
                .isEqualTo(ObligationPolicy.DEFAULT_NDA_LEAD_DAYS)
                .isEqualTo(90);
        assertThat(o.nextDue()).isEqualTo(until.minusDays(90));
        assertThat(o.status(today)).isEqualTo(ObligationStatus.UPCOMING);
        assertThat(o.status(until.minusDays(80))).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(o.expired(until)).isFalse();
        assertThat(o.expired(until.plusDays(1))).isTrue();
        // a completion does not move a due date that follows the NDA
        assertThat(o.completed(today, today, "u", java.time.Instant.EPOCH).nextDue())
                .isEqualTo(until.minusDays(90));
        // only the NDA renewal follows a validity
        assertThat(ObligationPolicy.DEFAULT.validity(ObligationKind.PROVIDER_EVALUATION, until))
                .isEmpty();
        assertThat(ObligationPolicy.DEFAULT.validity(ObligationKind.NDA_RENEWAL, null))
                .isEmpty();
    }

    @Test
    @DisplayName("JR/T 6.3.4: the lead is configurable (yunjian.lifecycle.obligations.nda-lead-days), 0–365 days")
    void theNdaLeadIsAConfigurableDefault() {
        ObligationPolicy p = new ObligationPolicy(Map.of(3, 12), 12, 1, 12, 12, Map.of(), 30);
        assertThat(p.validity(ObligationKind.NDA_RENEWAL, LocalDate.of(2027, 1, 31))
                        .orElseThrow()
                        .renewBy())
                .isEqualTo(LocalDate.of(2027, 1, 1));
        assertThatThrownBy(() -> new ObligationPolicy(Map.of(3, 12), 12, 1, 12, 12, Map.of(), 400))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ObligationKind.NDA_RENEWAL.intervalStated(Industry.SECURITIES_FUTURES))
                .isFalse();
    }

    @Test
    @DisplayName("gov 8.5 b) \"每两年至少开展各典型类别安全事件的应急演练一次\": a drill of a government website completes "
            + "its category's obligation only — not EMERGENCY_DRILL, which any drill used to complete; JR/T keeps its "
            + "general drill (7.4.2 6) \"定期组织演练\")")
    void aGovernmentWebsitesDrillCompletesItsCategoryOnly_GOV_8_5_b() {
        var gov = PeriodicDutiesTest.system(Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC);
        assertThat(ObligationPolicy.DEFAULT.completedBy(DrillCategory.MALWARE, gov, catalog))
                .containsExactly(ObligationKind.DRILL_MALWARE);
        assertThat(ObligationPolicy.DEFAULT.completedBy(DrillCategory.OTHER, gov, catalog))
                .isEmpty();
        assertThat(ObligationPolicy.DEFAULT.completedBy(null, gov, catalog)).isEmpty();
        var sf = PeriodicDutiesTest.system(Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC);
        assertThat(ObligationPolicy.DEFAULT.completedBy(null, sf, catalog))
                .containsExactly(ObligationKind.EMERGENCY_DRILL);
    }
}
