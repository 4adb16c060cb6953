package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.party.PartyTestSupport.runAs;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.demo.DemoData;
import org.yunjian.lifecycle.internal.PlanService;
import org.yunjian.party.GuideRoles;
import org.yunjian.party.Parties;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.internal.view.MatrixViews;
import org.yunjian.responsibility.internal.view.ViewService;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;

/**
 * Issue 36 L-1 / L-2 on the demo: the portal has an approved responsibility matrix, a registered 系统集成商 and
 * 安全服务商 and a 第三方评估机构 in its migration engagement. Its plan leaves no duty unassigned whose role an
 * organisation registered on it holds; the integrator has 7.2.3 b) and worked it before 部署迁移 closed; the assessor has
 * its duties; and the matrix's government-website view names, row by row, the organisations the plan assigns.
 */
@SpringBootTest(properties = "yunjian.demo=true")
// the demo context with MockMvc that other classes share, not one of its own (docs/performance.md, "CI time")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.OnePass
class DemoPlanRolesTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    @Autowired
    PlanService plans;

    @Autowired
    ViewService views;

    @Autowired
    Parties parties;

    @Autowired
    org.yunjian.catalog.Catalog catalog;

    UUID portal;
    UUID integrator;
    UUID assessor;
    CurrentUser customer;

    @BeforeEach
    void demo() {
        portal = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        integrator = org(DemoData.INTEGRATOR);
        assessor = org(DemoData.ASSESSOR);
        customer = SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
    }

    UUID org(DemoData.Org o) {
        return jdbc.sql("SELECT id FROM organization WHERE credit_code = ?")
                .param(o.creditCode())
                .query(UUID.class)
                .single();
    }

    /**
     * Issue 59, JR/T 6.1 "委托方选择受托方时，应考虑但不限于以下服务能力：" on the demo: the 行业云 trading system's plan gives each
     * of the eight selection criteria to the securities company, the 委托方 that selects.
     */
    @Test
    void theDemoSecuritiesPlanGivesEveryJrt6_1SelectionCriterionToTheSecuritiesCompany() {
        UUID securities = org(DemoData.SECURITIES);
        for (int i = 1; i <= 8; i++) {
            String criterion = "JRT-SF-6.1-4-" + i;
            List<UUID> assigned = jdbc.sql("SELECT d.organisation_id FROM lifecycle_duty d"
                            + " JOIN lifecycle_plan p ON p.id = d.plan_id"
                            + " JOIN cloud_system s ON s.id = p.system_id"
                            + " WHERE s.name = ? AND d.requirement_id = ?")
                    .param(DemoData.SECURITIES_SYSTEM)
                    .param(criterion)
                    .query(UUID.class)
                    .list();
            assertThat(assigned).as(criterion).contains(securities);
        }
    }

    /**
     * Issue 59 on the demo: JR/T 4.2 "证券期货机构应用云计算技术的过程可分为四个阶段：" (规划准备；服务获取；运行监督；服务退出。), JR/T
     * 4.3 "云服务安全管理的主要角色包括：" (受托方；委托方。) and the guide's 5.4 ¶1 "政府网站采用云计算服务的过程可分为四个阶段：" are in
     * neither demo plan — the portal's (government website) nor the 行业云 trading system's (JR/T) — while JR/T 4.2.1 and
     * the guide's 5.4 ¶2, the duties beside them, are.
     */
    @Test
    void theDemoPlansListNoPhaseOrRoleNameOfJrt4_2_4_3OrGov5_4Paragraph1() {
        List<String> names = List.of(
                "JRT-SF-4.2-1",
                "JRT-SF-4.2-1-1",
                "JRT-SF-4.2-1-2",
                "JRT-SF-4.2-1-3",
                "JRT-SF-4.2-1-4",
                "JRT-SF-4.3-1",
                "JRT-SF-4.3-1-1",
                "JRT-SF-4.3-1-2",
                "GOVWEB-5.4-1");
        for (String system : List.of(DemoData.PORTAL_SYSTEM, DemoData.SECURITIES_SYSTEM)) {
            List<String> planned = jdbc.sql("SELECT d.requirement_id FROM lifecycle_duty d"
                            + " JOIN lifecycle_plan p ON p.id = d.plan_id"
                            + " JOIN cloud_system s ON s.id = p.system_id WHERE s.name = ?")
                    .param(system)
                    .query(String.class)
                    .list();
            assertThat(planned).as(system).isNotEmpty().doesNotContainAnyElementsOf(names);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_duty WHERE requirement_id IN (?, ?)")
                        .param("JRT-SF-4.2.1-1")
                        .param("GOVWEB-5.4-2")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("gov 7.2.3 b) \"系统集成商负责政府网站的迁移及安全部署，负责安全配置、整体安全功能联调等；\": the demo portal's "
            + "integrator has it, done and accepted before 部署迁移 closed")
    void theIntegratorHas723bInThePortalPlan() {
        PlanService.PlanView v = runAs(customer, () -> plans.require(portal));
        assertThat(v.plan().assignedFrom()).isEqualTo(LifecyclePlan.AssignedFrom.MATRIX);
        List<PlanDuty> b = v.plan().duties().stream()
                .filter(d -> d.requirement().value().equals("GOVWEB-7.2.3-b"))
                .toList();
        assertThat(b).extracting(PlanDuty::organisation).containsExactly(integrator);
        assertThat(b.get(0).settled()).isTrue();
        assertThat(v.plan().stage(Phase.ACQUISITION_MIGRATION).orElseThrow().closed())
                .isTrue();
    }

    @Test
    @DisplayName("gov 7.2.4 b) \"在部署迁移完成后，对政府网站进行风险评估；\" and every other 第三方评估机构 duty go to the portal's "
            + "third-party assessor")
    void theAssessorHasItsDutiesInThePortalPlan() {
        PlanService.PlanView v = runAs(customer, () -> plans.require(portal));
        Set<String> ofAssessor = v.plan().duties().stream()
                .filter(d -> d.organisation().equals(assessor))
                .map(d -> d.requirement().value())
                .collect(Collectors.toSet());
        assertThat(ofAssessor).containsAll(PlanRoleHoldersTests.ASSESSOR_DUTIES);
    }

    @Test
    @DisplayName("the demo portal's plan leaves no duty unassigned whose role an organisation registered on it holds")
    void noDutyIsLeftOutWhileARegisteredOrganisationHoldsItsRole() {
        PlanService.PlanView v = runAs(customer, () -> plans.require(portal));
        Map<UUID, Set<PartyRole>> registered = runAs(customer, () -> parties.registeredRoles(portal));
        Set<PartyRole> held = new HashSet<>();
        registered.values().forEach(held::addAll);
        for (LifecyclePlan.Unassigned u : v.unassigned()) {
            assertThat(u.why()).as("why %s", u.requirement()).isNotEmpty().allSatisfy(w -> {
                assertThat(w.reason()).isNotEqualTo(LifecyclePlan.Reason.REGISTERED_LATER);
                assertThat(held).as("%s of %s", w.role(), u.requirement()).doesNotContain(w.role());
            });
        }
        // nobody is registered on the portal as 网站开发商: the only role left without an organisation, and the
        // reason names the integrator, whose own registration says it can take it
        assertThat(v.unassigned())
                .isNotEmpty()
                .flatExtracting(LifecyclePlan.Unassigned::why)
                .allSatisfy(w -> {
                    assertThat(w.role()).isEqualTo(PartyRole.AGENT_WEBSITE_DEVELOPER);
                    assertThat(w.reason()).isEqualTo(LifecyclePlan.Reason.NOT_REGISTERED);
                    assertThat(w.holders()).containsExactly(integrator);
                    assertThat(w.text(v.organisations()).text(java.util.Locale.SIMPLIFIED_CHINESE))
                            .contains(DemoData.INTEGRATOR.name(), "可担任该角色");
                });
        // every organisation registered in a role the guide names takes part in the plan
        Set<PartyRole> named = new HashSet<>();
        runAs(customer, () -> plans.template(portal))
                .orElseThrow()
                .duties()
                .forEach(r -> named.addAll(catalog.requirement(r).orElseThrow().roles()));
        Set<UUID> inPlan =
                v.plan().duties().stream().map(PlanDuty::organisation).collect(Collectors.toSet());
        registered.forEach((org, roles) -> {
            if (roles.stream().anyMatch(named::contains)) {
                assertThat(inPlan).as("organisation %s %s", org, roles).contains(org);
            }
        });
    }

    @Test
    @DisplayName("the matrix's gov view and the plan name the same organisations on every row (one role mapping)")
    void theGovViewNamesTheOrganisationsThePlanAssigns() {
        PlanService.PlanView v = runAs(customer, () -> plans.require(portal));
        MatrixViews.View gov =
                runAs(customer, () -> views.view(portal, "gov", null)).view();
        int compared = 0;
        for (MatrixViews.ViewRow row : gov.rows()) {
            Set<UUID> named = row.holders().stream()
                    .flatMap(h -> h.participants().stream())
                    .map(Participant::organisation)
                    .collect(Collectors.toSet());
            Set<UUID> assigned = v.plan().duties().stream()
                    .filter(d -> d.requirement().equals(row.item()))
                    .map(PlanDuty::organisation)
                    .collect(Collectors.toSet());
            // the guide's risks and role definitions (5.2.1, 5.3) are in the view but no duty of the plan (L-6)
            if (!named.isEmpty()
                    && catalog.requirement(row.item()).orElseThrow().isDuty()) {
                assertThat(assigned).as("row %s", row.item()).isEqualTo(named);
                compared++;
            }
            if (row.item().value().equals("GOVWEB-7.2.3-b")
                    || row.item().value().equals("GOVWEB-7.2.3-a")) {
                assertThat(row.holders())
                        .filteredOn(h -> h.role() == PartyRole.AGENT_SYSTEM_INTEGRATOR)
                        .flatExtracting(MatrixViews.Holder::participants)
                        .extracting(Participant::organisation)
                        .containsExactly(integrator);
            }
        }
        assertThat(compared).isGreaterThan(50);
        assertThat(GuideRoles.inTccia(PartyRole.AGENT_SYSTEM_INTEGRATOR)).isFalse();
    }
}
