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
        assertThat(drill.roles()).containsExactly(CloudRole.CUSTOMER);
        assertThat(catalog.children(RequirementId.of("GOVWEB-8.5")).get(0)).isEqualTo(drill);

        Requirement rollback = requirement("GOVWEB-7.3.4-0");
        assertThat(rollback.text()).isEqualTo("云服务客户应制定政府网站迁移失败的回退方案。");
        assertThat(rollback.phases()).containsExactly(Phase.ACQUISITION_MIGRATION);

        List<String> customerOperationDuties = catalog.find(RequirementFilter.items().standard("GOVWEB")
                .phase(Phase.OPERATION).role(CloudRole.CUSTOMER)).stream().map(r -> r.id().value()).toList();
        assertThat(customerOperationDuties).contains("GOVWEB-8.5-0", "GOVWEB-8.6-0");
    }

    @Test
    void everyLeadInDutyIsVerbatimFromItsSectionsLeadInAndInheritsItsScope() {
        List<Requirement> derived = catalog.standards().stream()
                .flatMap(s -> catalog.requirements(s.code()).stream()).filter(Requirement::derivedFromLeadIn).toList();
        assertThat(derived).extracting(r -> r.id().value()).containsExactlyInAnyOrder(
                "GBT31167-9.2-0", "GBT31167-9.3-0", "GBT31167-9.4-0",
                "GOVWEB-6.3.2-0", "GOVWEB-6.3.4.5-0", "GOVWEB-6.4-0", "GOVWEB-6.5-0", "GOVWEB-7.3.1-0",
                "GOVWEB-7.3.2-0", "GOVWEB-7.3.4-0", "GOVWEB-7.3.7-0", "GOVWEB-8.5-0", "GOVWEB-8.6-0",
                "GOVWEB-9.3.4-0", "GOVWEB-9.3.5-0");
        for (Requirement r : derived) {
            Requirement section = requirement(r.parent().value());
            assertThat(section.kind()).as(r.id().value()).isEqualTo(RequirementKind.SECTION);
            assertThat(section.text()).as(r.id().value()).contains(r.text());
            assertThat(r.item()).isEqualTo("0");
            assertThat(r.sourceLabel()).as("no label: the source does not list it").isNull();
            assertThat(r.phases()).isEqualTo(section.phases());
            assertThat(r.deploymentModels()).isEqualTo(section.deploymentModels());
            assertThat(r.roles()).as(r.id().value()).isNotEmpty();
            assertThat(r.textEn()).as(r.id().value()).isNotBlank();
        }
    }
}
