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

    /**
     * gov 8.2.3 c) "根据与云服务客户签订的服务协议、合同，向云服务客户提供安全服务，并定期提供服务报告" (line 275) is the
     * 云服务代理商's duty: every agent registered on the system performs its own, not only the first.
     */
    @Test
    @DisplayName("gov 8.2.3 c): every agent of the system has its own periodic service report")
    void gov8_2_3c_everyAgentReports() {
        UUID developer = UUID.randomUUID();
        UUID integrator = UUID.randomUUID();
        CloudSystem s = new CloudSystem(
                UUID.randomUUID(),
                "系统",
                UUID.randomUUID(),
                3,
                DeploymentModel.PUBLIC,
                org.yunjian.party.ServiceModel.IAAS,
                Industry.GOVERNMENT_WEBSITE,
                org.yunjian.party.DataClassification.IMPORTANT,
                List.of(),
                UUID.randomUUID(),
                List.of(
                        new CloudSystem.Agent(developer, org.yunjian.catalog.PartyRole.AGENT_WEBSITE_DEVELOPER),
                        new CloudSystem.Agent(integrator, org.yunjian.catalog.PartyRole.AGENT_SYSTEM_INTEGRATOR),
                        new CloudSystem.Agent(integrator, org.yunjian.catalog.PartyRole.AGENT_SECURITY_SERVICE)),
                Instant.EPOCH,
                Instant.EPOCH,
                0);
        assertThat(ObligationKind.AGENT_SERVICE_REPORT.performers(s)).containsExactly(developer, integrator);
        assertThat(ObligationKind.AGENT_SERVICE_REPORT.perPerformer()).isTrue();
        assertThat(ObligationPolicy.DEFAULT.kindsFor(s, catalog)).contains(ObligationKind.AGENT_SERVICE_REPORT);
        // one organisation for the others
        assertThat(ObligationKind.PROVIDER_REPORT.performers(s)).containsExactly(s.providerId());
        assertThat(ObligationKind.DRILL_MALWARE.performers(s)).containsExactly(s.customerId());
    }

    /**
     * JR/T 7.3 (行业云运行监督) "行业云应参与证券期货业信息安全联合应急演练" (line 544): the 行业云 takes part, so its operator —
     * the provider running it — has the duty; the customer keeps its own part of 6.3.3 "受托方应配合委托方参与证券期货业应急
     * 演练" (line 439). A joint drill held completes both; a public cloud has only the customer's (6.4.3), a private
     * cloud neither.
     */
    @Test
    @DisplayName("JR/T 7.3: the operator of a 行业云 has the joint industry drill; a joint drill completes both parts")
    void jrt7_3_theIndustryCloudsOperatorHasTheJointDrill() {
        CloudSystem community = PeriodicDutiesTest.system(Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY);
        List<ObligationKind> kinds = ObligationPolicy.DEFAULT.kindsFor(community, catalog);
        assertThat(kinds).contains(ObligationKind.OPERATOR_JOINT_DRILL, ObligationKind.INDUSTRY_JOINT_DRILL);
        assertThat(ObligationKind.OPERATOR_JOINT_DRILL.performers(community)).containsExactly(community.providerId());
        assertThat(ObligationKind.INDUSTRY_JOINT_DRILL.performers(community)).containsExactly(community.customerId());
        assertThat(ObligationPolicy.DEFAULT.sources(ObligationKind.OPERATOR_JOINT_DRILL, community, catalog))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo("行业云应参与证券期货业信息安全联合应急演练。"));
        assertThat(ObligationPolicy.DEFAULT.completedBy(DrillCategory.INDUSTRY_JOINT, community, catalog))
                .contains(ObligationKind.OPERATOR_JOINT_DRILL, ObligationKind.INDUSTRY_JOINT_DRILL);
        CloudSystem pub = PeriodicDutiesTest.system(Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC);
        assertThat(ObligationPolicy.DEFAULT.kindsFor(pub, catalog))
                .contains(ObligationKind.INDUSTRY_JOINT_DRILL)
                .doesNotContain(ObligationKind.OPERATOR_JOINT_DRILL);
        CloudSystem priv = PeriodicDutiesTest.system(Industry.SECURITIES_FUTURES, DeploymentModel.PRIVATE);
        assertThat(ObligationPolicy.DEFAULT.kindsFor(priv, catalog))
                .doesNotContain(ObligationKind.OPERATOR_JOINT_DRILL, ObligationKind.INDUSTRY_JOINT_DRILL);
        // no number in the text: a platform default, labelled
        assertThat(ObligationKind.OPERATOR_JOINT_DRILL.intervalStated(Industry.SECURITIES_FUTURES))
                .isFalse();
    }

    /**
     * JR/T 6.3.1 "受托方应设立信息安全管理职能部门，在开展托管业务两年内宜通过信息管理体系认证…和IT服务管理体系认证…" (line 406;
     * 6.4.1, line 469): a deadline two years after the hosting began, not a duty due the day it is generated — and not a
     * recurring one: once done, nothing further is due.
     */
    @Test
    @DisplayName("JR/T 6.3.1 \"两年内宜通过…认证\": due two years after its start, once; done, nothing further is due")
    void jrt6_3_1_certificationIsDueOnceWithinTwoYears() {
        CloudSystem community = PeriodicDutiesTest.system(Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY);
        CloudSystem pub = PeriodicDutiesTest.system(Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC);
        assertThat(ObligationPolicy.DEFAULT.schedule(ObligationKind.PROVIDER_CERTIFICATION, community, catalog))
                .isEqualTo(Schedule.ONCE_WITHIN);
        assertThat(ObligationPolicy.DEFAULT.schedule(ObligationKind.PROVIDER_CERTIFICATION, pub, catalog))
                .isEqualTo(Schedule.ONCE_WITHIN);
        LocalDate start = TODAY;
        Obligation cert = new Obligation(
                        UUID.randomUUID(),
                        community.id(),
                        ObligationKind.PROVIDER_CERTIFICATION,
                        community.providerId(),
                        start,
                        ObligationPolicy.DEFAULT.months(ObligationKind.PROVIDER_CERTIFICATION, community, null),
                        null,
                        null,
                        null)
                .withSchedule(Schedule.ONCE_WITHIN);
        assertThat(cert.nextDue()).isEqualTo(start.plusMonths(24)).isNotEqualTo(start);
        assertThat(cert.status(TODAY)).isEqualTo(ObligationStatus.UPCOMING);
        assertThat(cert.status(start.plusMonths(24).plusDays(1))).isEqualTo(ObligationStatus.OVERDUE);
        Obligation certified = cert.completed(TODAY.plusMonths(20), TODAY.plusMonths(20), "provider", Instant.EPOCH);
        assertThat(certified.nextDue()).isNull();
        assertThat(certified.status(TODAY.plusYears(10))).isEqualTo(ObligationStatus.DONE);
        assertThat(certified.daysOverdue(TODAY.plusYears(10))).isZero();
    }

    /**
     * JR/T 7.3 "受托方应依照委托方要求，向委托方提供其符合JR/T 0060及JR/T 0099-2012的必要证据" (line 534): on a 行业云 the
     * provider's evidence is due when the customer asks for it, by the day it names — no fixed monthly schedule; 7.4.3
     * "按照合同要求或双方的约定，向委托方提供支持" (line 583) on a public cloud: at the contract's interval, a labelled,
     * editable platform default until the customer records its own.
     */
    @Test
    @DisplayName(
            "JR/T 7.3 / 7.4.3: the provider's evidence is due on the customer's request (行业云), per contract (public)")
    void jrt7_3_providerEvidenceIsDueOnRequest() {
        CloudSystem community = PeriodicDutiesTest.system(Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY);
        CloudSystem pub = PeriodicDutiesTest.system(Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC);
        assertThat(ObligationPolicy.DEFAULT.schedule(ObligationKind.PROVIDER_REPORT, community, catalog))
                .isEqualTo(Schedule.ON_REQUEST);
        assertThat(ObligationPolicy.DEFAULT.schedule(ObligationKind.PROVIDER_REPORT, pub, catalog))
                .isEqualTo(Schedule.EVERY_INTERVAL);
        assertThat(ObligationKind.PROVIDER_REPORT.intervalStated(Industry.SECURITIES_FUTURES))
                .as("per contract: the platform's default is labelled as such")
                .isFalse();
        assertThat(ObligationPolicy.DEFAULT.schedule(ObligationKind.PROVIDER_REPORT, gov(), catalog))
                .as("gov 8.2.2 g) \"定期\"")
                .isEqualTo(Schedule.EVERY_INTERVAL);
        Obligation evidence = new Obligation(
                        UUID.randomUUID(),
                        community.id(),
                        ObligationKind.PROVIDER_REPORT,
                        community.providerId(),
                        TODAY.minusMonths(3),
                        1,
                        null,
                        null,
                        null)
                .withSchedule(Schedule.ON_REQUEST);
        assertThat(evidence.nextDue()).as("nothing asked, nothing due").isNull();
        assertThat(evidence.status(TODAY.plusYears(1))).isEqualTo(ObligationStatus.NOT_REQUESTED);
        Obligation asked = evidence.requested(TODAY.plusDays(10), TODAY);
        assertThat(asked.nextDue()).isEqualTo(TODAY.plusDays(10));
        assertThat(asked.status(TODAY)).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(asked.status(TODAY.plusDays(11))).isEqualTo(ObligationStatus.OVERDUE);
        Obligation delivered = asked.completed(TODAY.plusDays(3), TODAY.plusDays(3), "provider", Instant.EPOCH);
        assertThat(delivered.nextDue()).isNull();
        assertThat(delivered.status(TODAY.plusYears(1))).isEqualTo(ObligationStatus.NOT_REQUESTED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> evidence.requested(TODAY.minusDays(1), TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static AssessmentCompleted completed(UUID system, AssessorKind kind, String... scope) {
        return new AssessmentCompleted(UUID.randomUUID(), system, Instant.EPOCH, kind, List.of(scope));
    }
}
