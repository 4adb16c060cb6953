package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Duties a section states in its lead-in ("云服务客户应……制定应急响应预案，并定期演练……。云服务客户的安全职责如下：") are items
 * of that section, flagged as derived from the lead-in, so workflows can track them (tools/catalog/lead_in_duties.py).
 */
class LeadInDutiesTest {

    private final Catalog catalog = TestCatalogs.shipped();

    private Requirement requirement(String id) {
        return catalog.requirement(RequirementId.of(id)).orElseThrow();
    }

    @Test
    void emergencyDrillAndRollbackPlanAreItemsTheCustomerAnswersFor() {
        Requirement drill = requirement("GOVWEB-8.5-0");
        assertThat(drill.kind()).isEqualTo(RequirementKind.ITEM);
        assertThat(drill.derivedFromLeadIn()).isTrue();
        assertThat(drill.text()).isEqualTo("云服务客户应为迁移至公有云的政府网站制定应急响应预案，并定期演练，确保在紧急情况下重要信息资源的可用性。");
        assertThat(drill.textEn()).contains("drill it regularly");
        assertThat(drill.phases()).containsExactly(Phase.OPERATION);
        assertThat(drill.roles()).containsExactly(PartyRole.CUSTOMER);
        assertThat(catalog.children(RequirementId.of("GOVWEB-8.5")).get(0)).isEqualTo(drill);

        Requirement rollback = requirement("GOVWEB-7.3.4-0");
        assertThat(rollback.text()).isEqualTo("云服务客户应制定政府网站迁移失败的回退方案。");
        assertThat(rollback.phases()).containsExactly(Phase.ACQUISITION_MIGRATION);

        List<String> customerOperationDuties = catalog
                .find(RequirementFilter.items()
                        .standard("GOVWEB")
                        .phase(Phase.OPERATION)
                        .role(PartyRole.CUSTOMER))
                .stream()
                .map(r -> r.id().value())
                .toList();
        assertThat(customerOperationDuties).contains("GOVWEB-8.5-0", "GOVWEB-8.6-0");
    }

    /**
     * Issue 36: three lead-ins state a duty no listed item states — gov guide 6.3.1 "在网站采用云计算服务之前，云服务客户需要
     * 对网站现有系统进行梳理，确定迁移的系统边界，形成网站现状梳理报告，梳理内容包括：", 7.3.5 "政府网站在云计算环境部署完成后，需对网站
     * 进行进一步的优化，云服务客户或委托具有相关能力的云服务代理商进行安全优化，云服务客户的安全职责如下：", 7.4.2 "云服务客户或委托第三方
     * 评估机构进行安全合规验收测评，根据验收目标和范围，结合政府网站云迁移方案对实施情况进行安全评估，云服务客户的安全职责如下：".
     */
    @Test
    void govGuide6_3_1StatusReport7_3_5SecurityOptimisationAnd7_4_2AcceptanceTestAreDuties() {
        Requirement report = requirement("GOVWEB-6.3.1-0");
        assertThat(report.text()).isEqualTo("在网站采用云计算服务之前，云服务客户需要对网站现有系统进行梳理，确定迁移的系统边界，形成网站现状梳理报告");
        assertThat(report.phases()).containsExactly(Phase.PLANNING);
        assertThat(report.roles()).containsExactly(PartyRole.CUSTOMER);

        Requirement optimisation = requirement("GOVWEB-7.3.5-0");
        assertThat(optimisation.text()).endsWith("云服务客户或委托具有相关能力的云服务代理商进行安全优化");
        assertThat(optimisation.roles()).contains(PartyRole.CUSTOMER, PartyRole.AGENT_SECURITY_SERVICE);

        Requirement acceptance = requirement("GOVWEB-7.4.2-0");
        assertThat(acceptance.text()).startsWith("云服务客户或委托第三方评估机构进行安全合规验收测评");
        assertThat(acceptance.roles()).containsExactlyInAnyOrder(PartyRole.CUSTOMER, PartyRole.THIRD_PARTY_ASSESSOR);
        assertThat(acceptance.phases()).containsExactly(Phase.ACQUISITION_MIGRATION);
    }

    @Test
    void everyLeadInDutyIsVerbatimFromItsSectionsLeadInAndInheritsItsScope() {
        List<Requirement> derived = catalog.standards().stream()
                .flatMap(s -> catalog.requirements(s.code()).stream())
                .filter(Requirement::derivedFromLeadIn)
                .toList();
        assertThat(derived)
                .extracting(r -> r.id().value())
                .containsExactlyInAnyOrder(
                        "GBT31167-9.2-0",
                        "GBT31167-9.3-0",
                        "GBT31167-9.4-0",
                        "GOVWEB-6.3.1-0",
                        "GOVWEB-6.3.2-0",
                        "GOVWEB-6.3.4.5-0",
                        "GOVWEB-6.4-0",
                        "GOVWEB-6.5-0",
                        "GOVWEB-7.3.1-0",
                        "GOVWEB-7.3.2-0",
                        "GOVWEB-7.3.4-0",
                        "GOVWEB-7.3.5-0",
                        "GOVWEB-7.3.7-0",
                        "GOVWEB-7.4.2-0",
                        "GOVWEB-8.5-0",
                        "GOVWEB-8.6-0",
                        "GOVWEB-9.3.4-0",
                        "GOVWEB-9.3.5-0");
        for (Requirement r : derived) {
            Requirement section = requirement(r.parent().value());
            assertThat(section.kind()).as(r.id().value()).isEqualTo(RequirementKind.SECTION);
            assertThat(section.text()).as(r.id().value()).contains(r.text());
            assertThat(r.item()).isEqualTo("0");
            assertThat(r.sourceLabel())
                    .as("no label: the source does not list it")
                    .isNull();
            assertThat(r.phases()).isEqualTo(section.phases());
            assertThat(r.deploymentModels()).isEqualTo(section.deploymentModels());
            assertThat(r.roles()).as(r.id().value()).isNotEmpty();
            assertThat(r.textEn()).as(r.id().value()).isNotBlank();
        }
    }
}
