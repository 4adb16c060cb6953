package org.yunjian.responsibility.internal.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yunjian.responsibility.Fixtures.CUSTOMER;
import static org.yunjian.responsibility.Fixtures.PROVIDER;
import static org.yunjian.responsibility.Fixtures.SECURITY;
import static org.yunjian.responsibility.Fixtures.SUB1;
import static org.yunjian.responsibility.Fixtures.id;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.AssessedSide;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.party.Industry;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Fixtures;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.TestCatalog;
import org.yunjian.responsibility.internal.view.MatrixViews.Holder;
import org.yunjian.responsibility.internal.view.MatrixViews.View;
import org.yunjian.responsibility.internal.view.MatrixViews.ViewRow;

/** The matrix views derived from the shipped catalog and a matrix, without Spring (issue 12 item 2). */
class MatrixViewsTest {

    static final MatrixViews VIEWS = MatrixViews.of(TestCatalog.catalog());

    static ViewRow row(View v, String item) {
        return v.rows().stream()
                .filter(r -> r.item().value().equals(item))
                .findFirst()
                .orElseThrow();
    }

    static List<UUID> holders(ViewRow r, PartyRole role) {
        return r.holders().stream().filter(h -> h.role() == role).findFirst().orElseThrow().participants().stream()
                .map(Participant::organisation)
                .toList();
    }

    static int items(String standard, org.yunjian.catalog.DeploymentModel only) {
        return (int) TestCatalog.catalog().find(RequirementFilter.items().standard(standard)).stream()
                .filter(org.yunjian.catalog.Requirement::isDuty)
                .filter(r -> only == null
                        ? r.deploymentModels().isEmpty()
                        : r.deploymentModels().contains(only))
                .count();
    }

    @Test
    void viewsAreOfferedByIndustry() {
        assertThat(VIEWS.offered(Industry.GOVERNMENT_WEBSITE)).containsExactly(ViewKind.MLPS, ViewKind.GOV);
        assertThat(VIEWS.offered(Industry.SECURITIES_FUTURES)).containsExactly(ViewKind.MLPS, ViewKind.JRT);
        assertThat(VIEWS.offered(Industry.OTHER)).containsExactly(ViewKind.MLPS);
        assertThat(VIEWS.offered(null)).containsExactly(ViewKind.MLPS);
        assertThat(VIEWS.refusal(ViewKind.JRT, Industry.GOVERNMENT_WEBSITE)
                        .orElseThrow()
                        .text(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("“证券期货业云技术应用安全规范（JR/T）”视图只适用于行业为“证券期货业”的云系统，本系统的行业是“政府网站”。");
        assertThat(VIEWS.refusal(ViewKind.GOV, Industry.OTHER).orElseThrow().text(Locale.ENGLISH))
                .contains("Government website cloud security guide", "industry \"Other");
        assertThatThrownBy(() -> VIEWS.derive(
                        ViewKind.GOV, Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC, Fixtures.clean(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ViewKind.ofCode("MLPS")).contains(ViewKind.MLPS);
        assertThat(ViewKind.ofCode("tccia")).isEmpty();
    }

    @Test
    void mlpsViewListsEveryItemWithItsAssessedSideAndTheOrganisationsAnsweringForIt() {
        View v = VIEWS.derive(ViewKind.MLPS, Industry.OTHER, DeploymentModel.PUBLIC, Fixtures.clean(), Map.of());
        List<Requirement> guide =
                TestCatalog.catalog().find(RequirementFilter.items().standard("MLPS-L3"));
        assertThat(v.rows())
                .extracting(r -> r.item())
                .containsExactlyElementsOf(guide.stream().map(Requirement::id).toList());
        assertThat(v.rows()).hasSize(46);
        // grouped by the seven areas of GB/T 22239 §8.2, in document order
        assertThat(v.groups())
                .extracting(g -> g.section().value())
                .containsExactly(
                        "MLPS-L3-8.2.1",
                        "MLPS-L3-8.2.2",
                        "MLPS-L3-8.2.3",
                        "MLPS-L3-8.2.4",
                        "MLPS-L3-8.2.5",
                        "MLPS-L3-8.2.6",
                        "MLPS-L3-8.2.7");
        ViewRow platform = row(v, "MLPS-L3-8.2.1.1");
        assertThat(platform.side()).isEqualTo(AssessedSide.CLOUD_PLATFORM);
        assertThat(platform.holders()).extracting(Holder::role).containsExactly(PartyRole.PROVIDER);
        assertThat(holders(platform, PartyRole.PROVIDER)).containsExactly(PROVIDER);
        ViewRow customer = row(v, "MLPS-L3-8.2.6.1-b");
        assertThat(customer.side()).isEqualTo(AssessedSide.CUSTOMER_SYSTEM);
        assertThat(customer.holders()).extracting(Holder::role).containsExactly(PartyRole.CUSTOMER);
        assertThat(holders(customer, PartyRole.CUSTOMER)).containsExactly(CUSTOMER);
        ViewRow both = row(v, "MLPS-L3-8.2.2.1-a");
        assertThat(both.side()).isEqualTo(AssessedSide.BOTH);
        assertThat(both.holders()).extracting(Holder::role).containsExactly(PartyRole.CUSTOMER, PartyRole.PROVIDER);
        // each row's side is the guide's
        v.rows().forEach(r -> assertThat(r.side())
                .isEqualTo(TestCatalog.catalog()
                        .requirement(r.item())
                        .orElseThrow()
                        .mlps()
                        .assessedSide()));
    }

    @Test
    void mlpsViewShowsTcciaDutiesOnlyWhereTheCatalogMapsThem() {
        ResponsibilityMatrix m = Fixtures.clean()
                .delegate(
                        id("TCCIA004-8.3-b-2"),
                        new Accountable(PROVIDER, PartyRole.PROVIDER),
                        SECURITY,
                        "Security services",
                        "4.2",
                        Fixtures.HANDED_OVER);
        View v = VIEWS.derive(ViewKind.MLPS, Industry.OTHER, DeploymentModel.PUBLIC, m, Map.of());
        assertThat(v.rows().stream().filter(r -> !r.mapped().isEmpty()).map(r -> r.item()
                        .value()))
                .containsExactlyInAnyOrder("MLPS-L3-8.2.4.7-a", "MLPS-L3-8.2.6.1-a", "MLPS-L3-8.2.6.1-d");
        var media = row(v, "MLPS-L3-8.2.4.7-a").mapped();
        assertThat(media).hasSize(1);
        assertThat(media.get(0).duty().value()).isEqualTo("TCCIA004-8.3-b-2");
        assertThat(media.get(0).relationText().text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("相交");
        Assignment a = media.get(0).row().assignments().get(0);
        assertThat(a.accountable()).isEqualTo(new Accountable(PROVIDER, PartyRole.PROVIDER));
        assertThat(a.implementer()).isEqualTo(SECURITY);
        assertThat(row(v, "MLPS-L3-8.2.6.1-a").mapped().get(0).row().assignments())
                .extracting(x -> x.accountable().organisation())
                .containsExactly(CUSTOMER);
    }

    @Test
    void partnerSeesOnlyTheRowsNamingIt() {
        ResponsibilityMatrix m = Fixtures.clean()
                .delegate(
                        id("TCCIA004-8.3-b-2"),
                        new Accountable(PROVIDER, PartyRole.PROVIDER),
                        SECURITY,
                        "Security services",
                        "4.2",
                        Fixtures.HANDED_OVER);
        View mlps = VIEWS.derive(
                        ViewKind.MLPS,
                        Industry.GOVERNMENT_WEBSITE,
                        DeploymentModel.PUBLIC,
                        m.seenBy(SECURITY),
                        Map.of())
                .seenBy(SECURITY);
        assertThat(mlps.rows()).extracting(r -> r.item().value()).containsExactly("MLPS-L3-8.2.4.7-a");
        assertThat(mlps.groups()).hasSize(1);
        // a partner named by no guide role sees nothing of the government-website view
        View gov = VIEWS.derive(
                        ViewKind.GOV, Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC, m.seenBy(SECURITY), Map.of())
                .seenBy(SECURITY);
        assertThat(gov.rows()).isEmpty();
        // the customer is named by its own rows
        View whole = VIEWS.derive(ViewKind.MLPS, Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC, m, Map.of());
        assertThat(whole.seenBy(CUSTOMER).rows())
                .allMatch(r ->
                        r.side() != AssessedSide.CLOUD_PLATFORM || !r.mapped().isEmpty());
    }

    @Test
    void govViewGroupsTheGuideByPhaseWithTheOrganisationsHoldingItsRolesIncludingAgents() {
        // SUB1 takes part without a T/CCIA role; on the system it is the customer's system integrator (an agent)
        Map<UUID, Set<PartyRole>> onSystem = Map.of(SUB1, Set.of(PartyRole.AGENT_SYSTEM_INTEGRATOR));
        View v = VIEWS.derive(
                ViewKind.GOV, Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC, Fixtures.clean(), onSystem);
        assertThat(v.rows()).hasSize(items("GOVWEB", org.yunjian.catalog.DeploymentModel.PUBLIC));
        // issue 59 (and 36): 5.4 ¶1, the 5.2.1 risks and the 5.3 definitions are nobody's duty
        assertThat(v.rows())
                .extracting(r -> r.item().value())
                .doesNotContain("GOVWEB-5.4-1", "GOVWEB-5.2.1-a", "GOVWEB-5.3-2")
                .contains("GOVWEB-5.4-2");
        assertThat(v.otherModels()).isZero();
        assertThat(v.groups())
                .extracting(MatrixViews.Group::phase)
                .containsExactly(null, Phase.PLANNING, Phase.ACQUISITION_MIGRATION, Phase.OPERATION, Phase.EXIT);
        v.groups().stream().filter(g -> g.phase() != null).forEach(g -> g.rows()
                .forEach(r -> assertThat(TestCatalog.catalog()
                                .requirement(r.item())
                                .orElseThrow()
                                .phases())
                        .containsExactly(g.phase())));
        ViewRow agents = v.rows().stream()
                .filter(r -> r.holders().stream().anyMatch(h -> h.role() == PartyRole.AGENT_SYSTEM_INTEGRATOR))
                .findFirst()
                .orElseThrow();
        assertThat(holders(agents, PartyRole.AGENT_SYSTEM_INTEGRATOR)).containsExactly(SUB1);
        ViewRow assessor = v.rows().stream()
                .filter(r -> r.holders().stream().anyMatch(h -> h.role() == PartyRole.THIRD_PARTY_ASSESSOR))
                .findFirst()
                .orElseThrow();
        assertThat(holders(assessor, PartyRole.THIRD_PARTY_ASSESSOR)).isEmpty();
        ViewRow customerOnly = v.rows().stream()
                .filter(r -> r.holders().size() == 1 && r.holders().get(0).role() == PartyRole.CUSTOMER)
                .findFirst()
                .orElseThrow();
        assertThat(holders(customerOnly, PartyRole.CUSTOMER)).containsExactly(CUSTOMER);
        // the agent sees only the rows naming the integrator role
        assertThat(v.seenBy(SUB1).rows()).isNotEmpty().allMatch(r -> r.holders().stream()
                .anyMatch(h -> h.role() == PartyRole.AGENT_SYSTEM_INTEGRATOR));
        // the guide covers public cloud only: a private-cloud website gets no rows, each left out counted
        View onPrivate = VIEWS.derive(
                ViewKind.GOV, Industry.GOVERNMENT_WEBSITE, DeploymentModel.PRIVATE, Fixtures.clean(), onSystem);
        assertThat(onPrivate.rows()).isEmpty();
        assertThat(onPrivate.otherModels()).isEqualTo(v.rows().size());
    }

    @Test
    void jrtViewKeepsTheSubsectionOfTheSystemsDeploymentModel() {
        View community = VIEWS.derive(
                ViewKind.JRT, Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY, Fixtures.clean(), Map.of());
        int general = items("JRT-SF", null);
        int privateItems = items("JRT-SF", org.yunjian.catalog.DeploymentModel.PRIVATE);
        int communityItems = items("JRT-SF", org.yunjian.catalog.DeploymentModel.COMMUNITY);
        int publicItems = items("JRT-SF", org.yunjian.catalog.DeploymentModel.PUBLIC);
        assertThat(community.rows()).hasSize(general + communityItems);
        assertThat(community.otherModels()).isEqualTo(privateItems + publicItems);
        assertThat(community.rows())
                .extracting(r -> r.item().value())
                .anyMatch(i -> i.startsWith("JRT-SF-6.3-"))
                .noneMatch(
                        i -> i.startsWith("JRT-SF-6.2-") || i.startsWith("JRT-SF-6.4-") || i.startsWith("JRT-SF-7.4-"));
        // issue 59: 4.2 and 4.3 only name the phases and the roles — no row makes them anybody's duty
        assertThat(community.rows())
                .extracting(r -> r.item().value())
                .doesNotContain("JRT-SF-4.2-1", "JRT-SF-4.2-1-1", "JRT-SF-4.3-1", "JRT-SF-4.3-1-1", "JRT-SF-4.3-1-2")
                .contains("JRT-SF-4.2.1-1", "JRT-SF-4.3.1-1-1");
        // 委托方 / 受托方 are the customer and the provider
        ViewRow principal = row(community, "JRT-SF-4.1.1-1");
        assertThat(holders(principal, PartyRole.CUSTOMER)).containsExactly(CUSTOMER);
        // a hybrid system gets every subsection
        View hybrid = VIEWS.derive(
                ViewKind.JRT, Industry.SECURITIES_FUTURES, DeploymentModel.HYBRID, Fixtures.clean(), Map.of());
        assertThat(hybrid.rows()).hasSize(general + privateItems + communityItems + publicItems);
        assertThat(hybrid.model()).isNull();
        assertThat(hybrid.otherModels()).isZero();
    }
}
