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
 * customer (who runs the monitors) once the site is on the cloud — in operation, or in the trial run and the emergency
 * plan of 采购与迁移 (7.4.1 c), 7.3.7 a) 1)) — and each names the check kinds that perform it; no 等保 item is claimed
 * (issue 59: a probe from outside evidences none of the cloud extension's items).
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
            assertThat(r.phases()).as(id.value()).containsAnyOf(Phase.OPERATION, Phase.ACQUISITION_MIGRATION);
            assertThat(id.standardCode()).as(id.value()).isEqualTo("GOVWEB");
            assertThat(MonitoringCoverage.kinds(id)).as(id.value()).isNotEmpty();
            assertThat(MonitoringCoverage.supports(id)).isTrue();
        }
    }

    @Test
    void coversTheGuidesMonitoringDutiesItPerformsAndNotTheOnesAProbeCannotSee() {
        assertThat(MonitoringCoverage.kinds(RequirementId.of("GOVWEB-8.4.1.3-b")))
                .containsExactly(CheckKind.TAMPERING);
        // a published link to a lapsed domain leads to whatever took the name, and a hidden link (暗链) is published
        // content too: the content duty 8.4.1.3 a), not the Trojan/backdoor duty 8.4.1.4 a) (issue 59)
        assertThat(MonitoringCoverage.kinds(RequirementId.of("GOVWEB-8.4.1.3-a")))
                .containsExactly(CheckKind.HIDDEN_LINK, CheckKind.HARMFUL_CONTENT, CheckKind.EXTERNAL_DOMAIN);
        assertThat(MonitoringCoverage.kinds(RequirementId.of("GOVWEB-8.4.1.2-b")))
                .containsExactly(CheckKind.DNS);
        assertThat(MonitoringCoverage.kinds(RequirementId.of("GOVWEB-8.4.1.4-a")))
                .containsExactly(CheckKind.MALICIOUS_SCRIPT);
        // 8.4.1.5 a) 实时监测网站业务、网络状态: response time is the business's state too (issue 59)
        assertThat(MonitoringCoverage.kinds(RequirementId.of("GOVWEB-8.4.1.5-a")))
                .containsExactly(CheckKind.AVAILABILITY, CheckKind.LATENCY, CheckKind.TLS);
        // the customer's general monitoring duties (8.2.1 c), 7.3.7 a) 1), 7.4.1 c)): every check
        for (String general : java.util.List.of("GOVWEB-8.2.1-c", "GOVWEB-7.3.7-a-1", "GOVWEB-7.4.1-c")) {
            assertThat(MonitoringCoverage.kinds(RequirementId.of(general)))
                    .as(general)
                    .containsExactly(CheckKind.values());
        }
        // 等保 8.2.5.1 d) 集中监测 of virtual networks, VMs and virtual security devices: no outside probe sees them
        assertThat(MonitoringCoverage.supports(RequirementId.of("MLPS-L3-8.2.5.1-d")))
                .isFalse();
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

    /**
     * Issue 59 (8.4.1.3 b), 8.4.1.5 a), 8.2.1 c), 8.4.1.2 b)): a control is covered by what ran — a "实时" one only when
     * its check ran with no gap over {@link CheckScope#REAL_TIME_MINUTES} minutes (and a minute's grace), the others
     * whenever it ran; a kind that did not run covers nothing.
     */
    @Test
    void aControlIsCoveredByChecksThatRanAtTheCadenceItsWordingAsks() {
        CheckScope daily = new CheckScope(
                "门户首页",
                "https://www.example.gov.cn/",
                java.util.List.of(
                        new CheckRun(CheckKind.AVAILABILITY, 30, 86_400),
                        new CheckRun(CheckKind.TAMPERING, 30, 86_400)));
        assertThat(MonitoringCoverage.covered(java.util.List.of(daily)))
                .containsExactly(
                        RequirementId.of("GOVWEB-7.3.7-a-1"),
                        RequirementId.of("GOVWEB-7.4.1-c"),
                        RequirementId.of("GOVWEB-8.2.1-c"));
        CheckScope everyFifteen = new CheckScope(
                "门户首页",
                "https://www.example.gov.cn/",
                java.util.List.of(
                        new CheckRun(CheckKind.AVAILABILITY, 2880, 15 * 60 + 40),
                        new CheckRun(CheckKind.TAMPERING, 2880, 15 * 60 + 40),
                        new CheckRun(CheckKind.DNS, 0, 0)));
        assertThat(everyFifteen.active()).containsExactly(CheckKind.AVAILABILITY, CheckKind.TAMPERING);
        assertThat(MonitoringCoverage.covered(java.util.List.of(everyFifteen)))
                .contains(RequirementId.of("GOVWEB-8.4.1.3-b"), RequirementId.of("GOVWEB-8.4.1.5-a"))
                .doesNotContain(RequirementId.of("GOVWEB-8.4.1.2-b"), RequirementId.of("GOVWEB-8.4.1.3-a"));
        assertThat(new CheckRun(CheckKind.TAMPERING, 2880, 17 * 60).realTime()).isFalse();
        assertThat(new CheckScope("x", "y", java.util.List.of()).idle()).isTrue();
    }

    /** Issue 59: a probe runs tampering only against an approved baseline, harmful content only against an imported list. */
    @Test
    void aProbeRunsOnlyTheChecksThatHaveACriterion() {
        assertThat(CheckRun.ofProbe(false, true, true, false)).containsExactly(CheckKind.AVAILABILITY);
        assertThat(CheckRun.ofProbe(true, false, false, true))
                .containsExactlyInAnyOrder(
                        CheckKind.AVAILABILITY,
                        CheckKind.LATENCY,
                        CheckKind.HIDDEN_LINK,
                        CheckKind.MALICIOUS_SCRIPT,
                        CheckKind.PRIVACY_LEAK);
        assertThat(CheckRun.ofProbe(true, true, true, false)).contains(CheckKind.TAMPERING, CheckKind.HARMFUL_CONTENT);
    }
}
