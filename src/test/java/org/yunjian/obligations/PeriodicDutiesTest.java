package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DataClassification;
import org.yunjian.party.Industry;
import org.yunjian.party.ServiceModel;

/**
 * Issue 36, slice obligations: the periodic duties of the government-website guide and JR/T in the obligations
 * calendar, each from the clause that states it (quoted as the standard prints it, /work/shared/standards), on the
 * systems the text applies to; drills per incident category (L-3) and the JR/T provider report's right clauses (L-4).
 * Without Spring: the shipped catalog and {@link ObligationPolicy#DEFAULT}.
 */
class PeriodicDutiesTest {

    static Catalog catalog;
    static final ObligationPolicy POLICY = ObligationPolicy.DEFAULT;

    @BeforeAll
    static void load() {
        catalog = CatalogLoading.fromClasspath();
    }

    static CloudSystem system(Industry industry, DeploymentModel model) {
        return new CloudSystem(
                UUID.randomUUID(),
                "系统",
                UUID.randomUUID(),
                3,
                model,
                ServiceModel.IAAS,
                industry,
                DataClassification.IMPORTANT,
                List.of(),
                UUID.randomUUID(),
                List.of(new CloudSystem.Agent(UUID.randomUUID(), PartyRole.AGENT_SYSTEM_INTEGRATOR)),
                Instant.EPOCH,
                Instant.EPOCH,
                0);
    }

    /** Each periodic duty of the issue: kind, where it applies, the requirement, the source line quoted verbatim. */
    static Stream<Arguments> duties() {
        Industry gov = Industry.GOVERNMENT_WEBSITE;
        Industry sf = Industry.SECURITIES_FUTURES;
        return Stream.of(
                Arguments.of(
                        "gov 8.4.1.2 b)",
                        ObligationKind.DOMAIN_IP_CHECK,
                        gov,
                        DeploymentModel.PUBLIC,
                        "GOVWEB-8.4.1.2-b",
                        "应定期进行网站的域名及IP合规性检测。"),
                Arguments.of(
                        "gov 8.4.1.4 b)",
                        ObligationKind.VULNERABILITY_SCAN,
                        gov,
                        DeploymentModel.PUBLIC,
                        "GOVWEB-8.4.1.4-b",
                        "定期对网站应用程序、操作系统及数据库进行脆弱性扫描；"),
                Arguments.of(
                        "gov 8.4.1.5 c)",
                        ObligationKind.ENVIRONMENT_TEST,
                        gov,
                        DeploymentModel.PUBLIC,
                        "GOVWEB-8.4.1.5-c",
                        "对网站环境安全防护措施进行定期测评和检查。"),
                Arguments.of(
                        "gov 8.2.1 a)",
                        ObligationKind.CONFIDENTIALITY_REVIEW,
                        gov,
                        DeploymentModel.PUBLIC,
                        "GOVWEB-8.2.1-a",
                        "指定机构和人员定期负责对迁移到云计算平台上的数据、业务进行保密审查"),
                Arguments.of(
                        "gov 7.3.7 a) 3)",
                        ObligationKind.BACKUP_RESTORE_DRILL,
                        gov,
                        DeploymentModel.PUBLIC,
                        "GOVWEB-7.3.7-a-3",
                        "定期进行网站文件和数据库备份恢复演练，确保备份数据的有效性。"),
                Arguments.of(
                        "gov 8.5 c) 24小时值班",
                        ObligationKind.ON_CALL_DUTY,
                        gov,
                        DeploymentModel.PUBLIC,
                        "GOVWEB-8.5-c",
                        "遇到重大节日或敏感时期，应安排24小时值班"),
                Arguments.of(
                        "gov 8.5 c) 信息报送",
                        ObligationKind.INFORMATION_REPORTING,
                        gov,
                        DeploymentModel.PUBLIC,
                        "GOVWEB-8.5-c",
                        "并定期进行信息报送；"),
                Arguments.of(
                        "gov 8.2.3 c)",
                        ObligationKind.AGENT_SERVICE_REPORT,
                        gov,
                        DeploymentModel.PUBLIC,
                        "GOVWEB-8.2.3-c",
                        "向云服务客户提供安全服务，并定期提供服务报告；"),
                Arguments.of(
                        "gov 8.4.2.1 c)",
                        ObligationKind.PROVIDER_RISK_ASSESSMENT,
                        gov,
                        DeploymentModel.PUBLIC,
                        "GOVWEB-8.4.2.1-c",
                        "定期进行风险评估，针对评估结果进行安全整改；"),
                Arguments.of(
                        "JR/T 7.3",
                        ObligationKind.PROVIDER_RISK_ASSESSMENT,
                        sf,
                        DeploymentModel.COMMUNITY,
                        "JRT-SF-7.3-4",
                        "受托方应开展周期性的风险评估和监测，保证安全能力持续符合委托方的要求。"),
                Arguments.of(
                        "JR/T 7.4.3",
                        ObligationKind.PROVIDER_RISK_ASSESSMENT,
                        sf,
                        DeploymentModel.PUBLIC,
                        "JRT-SF-7.4.3-1-4",
                        "开展周期性的风险评估和监测，保证安全能力持续符合委托方的要求；"),
                Arguments.of(
                        "JR/T 6.3.4",
                        ObligationKind.NDA_RENEWAL,
                        sf,
                        DeploymentModel.COMMUNITY,
                        "JRT-SF-6.3.4-2",
                        "保密协议应有明确的有效周期。"),
                Arguments.of(
                        "JR/T 6.4.4",
                        ObligationKind.NDA_RENEWAL,
                        sf,
                        DeploymentModel.PUBLIC,
                        "JRT-SF-6.4.4-2",
                        "保密协议应有明确的有效周期。"),
                Arguments.of(
                        "JR/T 6.3.1",
                        ObligationKind.PROVIDER_CERTIFICATION,
                        sf,
                        DeploymentModel.COMMUNITY,
                        "JRT-SF-6.3.1-5",
                        "在开展托管业务两年内宜通过信息管理体系认证"),
                Arguments.of(
                        "JR/T 6.4.1",
                        ObligationKind.PROVIDER_CERTIFICATION,
                        sf,
                        DeploymentModel.PUBLIC,
                        "JRT-SF-6.4.1-5",
                        "在开展托管业务两年内宜通过信息安全管理体系统认证"),
                Arguments.of(
                        "JR/T 7.3 联合应急演练",
                        ObligationKind.OPERATOR_JOINT_DRILL,
                        sf,
                        DeploymentModel.COMMUNITY,
                        "JRT-SF-7.3-8",
                        "行业云应参与证券期货业信息安全联合应急演练。"),
                Arguments.of(
                        "JR/T 6.3.3",
                        ObligationKind.INDUSTRY_JOINT_DRILL,
                        sf,
                        DeploymentModel.COMMUNITY,
                        "JRT-SF-6.3.3-3-5",
                        "受托方应配合委托方参与证券期货业应急演练；"));
    }

    @ParameterizedTest(name = "{0}: \"{5}\" is a periodic duty of the calendar")
    @MethodSource("duties")
    void everyPeriodicDutyIsInTheCalendarWithItsClauseQuoted(
            String clause,
            ObligationKind kind,
            Industry industry,
            DeploymentModel model,
            String requirement,
            String sourceLine) {
        CloudSystem s = system(industry, model);
        assertThat(POLICY.kindsFor(s, catalog)).contains(kind);
        List<Requirement> sources = POLICY.sources(kind, s, catalog);
        assertThat(sources).extracting(r -> r.id().value()).contains(requirement);
        assertThat(sources)
                .filteredOn(r -> r.id().value().equals(requirement))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains(sourceLine));
    }

    @Test
    @DisplayName("Intervals the text does not state are configurable defaults; 6.3.1's \"两年内\" is stated")
    void unstatedIntervalsAreConfigurableDefaults() {
        assertThat(ObligationKind.VULNERABILITY_SCAN.intervalStated(Industry.GOVERNMENT_WEBSITE))
                .isFalse();
        assertThat(ObligationKind.NDA_RENEWAL.intervalStated(Industry.SECURITIES_FUTURES))
                .isFalse();
        CloudSystem sf = system(Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC);
        assertThat(ObligationKind.PROVIDER_CERTIFICATION.intervalStated(Industry.SECURITIES_FUTURES))
                .isTrue();
        assertThat(POLICY.maximum(ObligationKind.PROVIDER_CERTIFICATION, sf).months())
                .isEqualTo(24);
        assertThat(new ObligationPolicy(
                                java.util.Map.of(3, 12),
                                12,
                                1,
                                12,
                                12,
                                java.util.Map.of(ObligationKind.VULNERABILITY_SCAN, 1))
                        .defaultMonths(
                                ObligationKind.VULNERABILITY_SCAN,
                                system(Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC)))
                .isEqualTo(1);
    }

    /** 政府网站指南 8.5 b): "每两年至少开展各典型类别安全事件的应急演练一次". */
    @Test
    @DisplayName("8.5 b) \"每两年至少开展各典型类别安全事件的应急演练一次\": one drill obligation per category, at most 24 months")
    void govWebsite8_5bIsOneDrillObligationPerTypicalCategory() {
        CloudSystem gov = system(Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC);
        List<ObligationKind> kinds = POLICY.kindsFor(gov, catalog);
        for (DrillCategory c : DrillCategory.values()) {
            if (c == DrillCategory.OTHER || c == DrillCategory.INDUSTRY_JOINT) {
                continue;
            }
            ObligationKind k = c.obligation().orElseThrow();
            assertThat(kinds).contains(k);
            assertThat(POLICY.sources(k, gov, catalog))
                    .extracting(r -> r.id().value())
                    .containsExactly("GOVWEB-8.5-b");
            assertThat(POLICY.maximum(k, gov).months()).isEqualTo(24);
        }
        // the one obligation any drill satisfied is gone from a government website
        assertThat(kinds).doesNotContain(ObligationKind.EMERGENCY_DRILL);
        assertThat(DrillCategory.OTHER.obligation()).isEmpty();
    }

    @Test
    @DisplayName("JR/T 7.3 \"行业云应参与证券期货业信息安全联合应急演练\": an obligation of a 行业云, not of a private cloud")
    void jrt7_3JointDrillIsAnObligationOfAnIndustryCloud() {
        assertThat(POLICY.kindsFor(system(Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY), catalog))
                .contains(ObligationKind.INDUSTRY_JOINT_DRILL);
        assertThat(POLICY.kindsFor(system(Industry.SECURITIES_FUTURES, DeploymentModel.PRIVATE), catalog))
                .doesNotContain(ObligationKind.INDUSTRY_JOINT_DRILL);
        assertThat(DrillCategory.INDUSTRY_JOINT.obligation()).contains(ObligationKind.INDUSTRY_JOINT_DRILL);
    }

    /**
     * L-4: JR/T 4.2.3 "委托方应定期监督受托方履行合同（或内部协议）约定的责任义务" is the customer's supervision and says
     * nothing of reports; the provider's part is 7.3 "受托方应依照委托方要求，向委托方提供其符合JR/T 0060及JR/T 0099-2012的
     * 必要证据" and 7.4.3 "按照合同要求或双方的约定，向委托方提供支持，配合委托方的监督管理；" — neither of a private cloud.
     */
    @Test
    @DisplayName(
            "L-4: the JR/T provider report cites 7.3 / 7.4.3 (not 4.2.3-1) and is no obligation of a private cloud")
    void jrtProviderReportCitesTheProvidersClausesAndNotAPrivateCloud() {
        CloudSystem community = system(Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY);
        CloudSystem pub = system(Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC);
        CloudSystem priv = system(Industry.SECURITIES_FUTURES, DeploymentModel.PRIVATE);
        assertThat(POLICY.sources(ObligationKind.PROVIDER_REPORT, community, catalog))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains("受托方应依照委托方要求，向委托方提供其符合JR/T 0060及JR/T 0099-2012的必要证据。"));
        assertThat(POLICY.sources(ObligationKind.PROVIDER_REPORT, pub, catalog))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo("按照合同要求或双方的约定，向委托方提供支持，配合委托方的监督管理；"));
        assertThat(ObligationKind.PROVIDER_REPORT.sources(Industry.SECURITIES_FUTURES))
                .extracting(id -> id.value())
                .doesNotContain("JRT-SF-4.2.3-1");
        assertThat(POLICY.kindsFor(priv, catalog)).doesNotContain(ObligationKind.PROVIDER_REPORT);
    }
}
