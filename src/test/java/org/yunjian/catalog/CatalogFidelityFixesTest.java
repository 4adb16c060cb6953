package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readings of the source that the generators once got wrong: an item that binds both 委托方 and 受托方, a
 * requirement the customer must put to the provider, and interview steps that only ask about detection.
 */
class CatalogFidelityFixesTest {

    private final Catalog catalog = TestCatalogs.shipped();

    private Requirement requirement(String id) {
        return catalog.requirement(RequirementId.of(id)).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JRT-SF-7.1-1", "JRT-SF-6.3.1-4", "JRT-SF-6.4.1-4"})
    void anItemThatGoesOnToBindTheAssigneeBindsBothParties(String id) {
        Requirement r = requirement(id);
        assertThat(r.text()).startsWith("委托方应").contains("受托方应");
        assertThat(r.roles()).containsExactlyInAnyOrder(PartyRole.CUSTOMER, PartyRole.PROVIDER);
    }

    @Test
    void theCustomerRequiresTheDeclarationFromProviderAndAgents() {
        Requirement r = requirement("GOVWEB-6.6.1-c");
        assertThat(r.text()).startsWith("应要求云服务商与云服务代理商");
        assertThat(r.roles()).contains(PartyRole.CUSTOMER, PartyRole.PROVIDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MLPS-L3-8.2.3.2-a", "MLPS-L3-8.2.3.2-c"})
    void anInterviewAboutDetectionIsAnInterviewOnly(String id) {
        MlpsAssessment.TestStep first =
                requirement(id).mlps().testMethod().steps().get(0);
        assertThat(first.text()).startsWith("访谈").contains("检测");
        assertThat(first.types()).containsExactly(TestStepType.INTERVIEW);
    }
}
