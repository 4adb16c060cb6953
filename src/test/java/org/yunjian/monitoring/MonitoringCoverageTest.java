package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.internal.CatalogLoading;

/**
 * The controls website monitoring is offered as evidence for exist in the catalog as shipped, are duties of the
 * customer (who runs the monitors) in the operation phase, and each names the check kinds that perform it.
 */
class MonitoringCoverageTest {

    static final Catalog CATALOG = CatalogLoading.fromClasspath();

    @Test
    void everyCoveredControlIsAnItemOfTheShippedCatalog() {
        assertThat(MonitoringCoverage.controlIds()).isNotEmpty();
        for (RequirementId id : MonitoringCoverage.controlIds()) {
            assertThat(CATALOG.requirement(id)).as(id.value()).isPresent();
        }
    }

    @Test
    void everyCoveredControlIsTheCustomersInOperationWithTheKindsThatPerformIt() {
        for (RequirementId id : MonitoringCoverage.controlIds()) {
            Requirement r = CATALOG.requirement(id).orElseThrow();
            assertThat(r.roles()).as(id.value()).contains(PartyRole.CUSTOMER);
            assertThat(r.phases()).as(id.value()).contains(Phase.OPERATION);
            assertThat(MonitoringCoverage.kinds(id)).as(id.value()).isNotEmpty();
            assertThat(MonitoringCoverage.supports(id)).isTrue();
        }
    }

    @Test
    void coversTheGuidesMonitoringDutiesItPerformsAndNotTheOnesAProbeCannotSee() {
        assertThat(MonitoringCoverage.kinds(RequirementId.of("GOVWEB-8.4.1.3-b")))
                .containsExactly(CheckKind.TAMPERING);
        // a published link to a lapsed domain leads to whatever took the name: the published content's duty
        assertThat(MonitoringCoverage.kinds(RequirementId.of("GOVWEB-8.4.1.3-a")))
                .containsExactly(CheckKind.HARMFUL_CONTENT, CheckKind.EXTERNAL_DOMAIN);
        assertThat(MonitoringCoverage.kinds(RequirementId.of("GOVWEB-8.4.1.2-b")))
                .containsExactly(CheckKind.DNS);
        assertThat(MonitoringCoverage.kinds(RequirementId.of("GOVWEB-8.4.1.4-a")))
                .containsExactly(CheckKind.HIDDEN_LINK, CheckKind.MALICIOUS_SCRIPT);
        // the virtual layer's resources, vulnerability scans, network attack traffic: not what a page probe sees
        assertThat(MonitoringCoverage.supports(RequirementId.of("GOVWEB-8.4.1.2-a")))
                .isFalse();
        assertThat(MonitoringCoverage.supports(RequirementId.of("GOVWEB-8.4.1.4-b")))
                .isFalse();
        assertThat(MonitoringCoverage.supports(RequirementId.of("MLPS-L3-8.2.3.2-d")))
                .isFalse();
        assertThat(MonitoringCoverage.supports(null)).isFalse();
        assertThat(MonitoringCoverage.kinds(null)).isEmpty();
    }
}
