package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.party.Industry;

/**
 * Plans are derived from the shipped catalog, not written down: every duty of the government-website guide is in
 * the right phase of a government website's plan (and none of JR/T's), every JR/T duty of a deployment model in the
 * right phase of a securities system's plan on that model (and none of the other models' or the guide's), lead-in
 * duties included, phases in each guide's own terms.
 */
class PlanTemplateTest {

    static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoading.fromClasspath();
    }

    static List<Requirement> items(String standard) {
        return catalog.requirements(standard).stream()
                .filter(r -> r.kind() == RequirementKind.ITEM)
                .toList();
    }

    /** Each item is in the stage of each of its phases, or — an item of every phase — in {@code throughout}. */
    static void assertPlaced(PlanTemplate t, List<Requirement> expected) {
        for (Requirement r : expected) {
            if (r.phases().size() == Phase.values().length) {
                assertThat(t.throughout())
                        .as("%s applies in every phase", r.id())
                        .contains(r.id());
                t.stages().forEach(s -> assertThat(s.duties())
                        .as("%s listed once", r.id())
                        .doesNotContain(r.id()));
            } else {
                for (Phase p : Phase.values()) {
                    List<RequirementId> duties = t.stage(p).orElseThrow().duties();
                    if (r.phases().contains(p)) {
                        assertThat(duties).as("%s in %s", r.id(), p).contains(r.id());
                    } else {
                        assertThat(duties).as("%s not in %s", r.id(), p).doesNotContain(r.id());
                    }
                }
            }
        }
        assertThat(t.duties())
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(Requirement::id).toList());
    }

    @Test
    void aGovernmentWebsiteOnPublicCloudHasEveryDutyOfTheGuideInItsPhaseAndNoneOfJrt() {
        PlanTemplate t = PlanTemplate.of(catalog, Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC)
                .orElseThrow();

        assertThat(t.stages()).extracting(PlanTemplate.Stage::term).containsExactly("规划准备", "部署迁移", "运行管理", "退出服务");
        assertThat(t.stages()).extracting(PlanTemplate.Stage::phase).containsExactly(Phase.values());
        List<Requirement> guide =
                items("GOVWEB").stream().filter(Requirement::isDuty).toList();
        assertPlaced(t, guide);
        assertThat(guide)
                .as("the guide's lead-in duties (e.g. 制定应急响应预案并定期演练) are duties too")
                .anyMatch(Requirement::derivedFromLeadIn);
        assertThat(t.duties()).noneMatch(id -> id.value().startsWith("JRT"));
    }

    /**
     * Issue 36 L-6: the guide's 5.2.1 (source line 64 "1. 政府网站迁移到云面临的安全风险") lists risks, 5.3 (line 73
     * "参与这四个阶段的云计算服务的主要角色及关系如下：") defines roles: nobody can complete and accept them, so the plan
     * leaves them out (the risks seed the migration plan's risk register). The three lead-in duties the audit found
     * missing are in: 6.3.1 (line 111 "……确定迁移的系统边界，形成网站现状梳理报告，梳理内容包括："), 7.3.5 (line 225
     * "……云服务客户或委托具有相关能力的云服务代理商进行安全优化，云服务客户的安全职责如下："), 7.4.2 (line 246
     * "云服务客户或委托第三方评估机构进行安全合规验收测评，……"); and 5.4-5 (line 87 "退出服务阶段，云服务客户应要求云服务商履行相关
     * 责任和义务，重点关注退出过程中数据和业务的安全。") is a duty of the exit phase, not of all four.
     */
    @Test
    void govGuide5_2_1RisksAnd5_3RoleDefinitionsAreNotPlanDutiesAndTheLeadInDutiesOf6_3_1_7_3_5_7_4_2Are() {
        PlanTemplate t = PlanTemplate.of(catalog, Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC)
                .orElseThrow();

        for (String risk : List.of("a", "b", "c", "d", "e", "f", "g")) {
            assertThat(t.duties())
                    .as("5.2.1 %s) is a risk", risk)
                    .doesNotContain(RequirementId.of("GOVWEB-5.2.1-" + risk));
        }
        for (String definition :
                List.of("5.3-1", "5.3-2", "5.3-3", "5.3-4", "5.3-4-a", "5.3-4-b", "5.3-4-c", "5.3-5")) {
            assertThat(t.duties())
                    .as("%s defines a role", definition)
                    .doesNotContain(RequirementId.of("GOVWEB-" + definition));
        }
        assertThat(t.stage(Phase.PLANNING).orElseThrow().duties()).contains(RequirementId.of("GOVWEB-6.3.1-0"));
        assertThat(t.stage(Phase.ACQUISITION_MIGRATION).orElseThrow().duties())
                .contains(RequirementId.of("GOVWEB-7.3.5-0"), RequirementId.of("GOVWEB-7.4.2-0"));
        assertThat(t.stage(Phase.EXIT).orElseThrow().duties()).contains(RequirementId.of("GOVWEB-5.4-5"));
        assertThat(t.throughout()).doesNotContain(RequirementId.of("GOVWEB-5.4-5"));
    }

    /** The paragraph and its bullets as printed, each a line of the working copy. */
    record NameList(String standardFile, List<String> lines, List<String> ids) {}

    static final List<NameList> NAME_LISTS = List.of(
            new NameList(
                    "jrt-securities-futures-cloud-security-spec.txt",
                    List.of("4.2 安全过程", "证券期货机构应用云计算技术的过程可分为四个阶段：", "- 规划准备；", "- 服务获取；", "- 运行监督；", "- 服务退出。"),
                    List.of("JRT-SF-4.2-1", "JRT-SF-4.2-1-1", "JRT-SF-4.2-1-2", "JRT-SF-4.2-1-3", "JRT-SF-4.2-1-4")),
            new NameList(
                    "jrt-securities-futures-cloud-security-spec.txt",
                    List.of("4.3 主要角色", "云服务安全管理的主要角色包括：", "- 受托方；", "- 委托方。"),
                    List.of("JRT-SF-4.3-1", "JRT-SF-4.3-1-1", "JRT-SF-4.3-1-2")),
            new NameList(
                    "gov-website-cloud-security-guide.txt",
                    List.of("0. 云计算服务生命周期", "政府网站采用云计算服务的过程可分为四个阶段： "),
                    List.of("GOVWEB-5.4-1")));

    /**
     * Issue 59: JR/T 证券期货业云技术应用安全规范 4.2 "证券期货机构应用云计算技术的过程可分为四个阶段：规划准备；服务获取；运行监督；
     * 服务退出。", 4.3 "云服务安全管理的主要角色包括：受托方；委托方。" and 政府网站云计算服务安全指南 5.4 ¶1 "政府网站采用云计算服务的过程可
     * 分为四个阶段：" only name phases and roles: nobody can complete or accept them. They stay in the catalog, verbatim,
     * as definitions (informative text), and no plan of a fresh system lists them — in any deployment model — while
     * the duties beside them (JR/T 4.2.1–4.2.4, 4.3.1, 4.3.2; the guide's 5.4 ¶2–¶5) stay duties.
     */
    @Test
    void jrt4_2And4_3AndGov5_4Paragraph1NamePhasesAndRolesAndAreNoPlanDuties() throws java.io.IOException {
        for (NameList list : NAME_LISTS) {
            List<String> text =
                    java.nio.file.Files.readAllLines(java.nio.file.Path.of("docs/standards/" + list.standardFile()));
            assertThat(text).containsSubsequence(list.lines());
            for (String id : list.ids()) {
                Requirement r = catalog.requirement(RequirementId.of(id)).orElseThrow();
                assertThat(r.nature()).as(id).isEqualTo(org.yunjian.catalog.ItemNature.DEFINITION);
                assertThat(r.isDuty()).as(id).isFalse();
                assertThat(list.lines())
                        .as(id)
                        .anyMatch(l -> l.contains(r.text().strip()));
            }
        }
        List<RequirementId> names = NAME_LISTS.stream()
                .flatMap(l -> l.ids().stream())
                .map(RequirementId::of)
                .toList();
        for (DeploymentModel m : DeploymentModel.values()) {
            for (Industry industry : List.of(Industry.SECURITIES_FUTURES, Industry.GOVERNMENT_WEBSITE)) {
                PlanTemplate t = PlanTemplate.of(catalog, industry, m).orElseThrow();
                assertThat(t.duties()).as("%s on %s", industry, m).doesNotContainAnyElementsOf(names);
            }
        }
        PlanTemplate jrt = PlanTemplate.of(catalog, Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY)
                .orElseThrow();
        assertThat(jrt.stage(Phase.PLANNING).orElseThrow().duties()).contains(RequirementId.of("JRT-SF-4.2.1-1"));
        assertThat(jrt.throughout())
                .contains(RequirementId.of("JRT-SF-4.3.1-1-1"), RequirementId.of("JRT-SF-4.3.2-1-1"));
        PlanTemplate gov = PlanTemplate.of(catalog, Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC)
                .orElseThrow();
        assertThat(gov.stage(Phase.PLANNING).orElseThrow().duties()).contains(RequirementId.of("GOVWEB-5.4-2"));
    }

    @Test
    void theGuideWritesForPublicCloudOnlySoAPrivateGovernmentCloudGetsNoneOfItsDuties() {
        PlanTemplate t = PlanTemplate.of(catalog, Industry.GOVERNMENT_WEBSITE, DeploymentModel.PRIVATE)
                .orElseThrow();

        assertThat(t.duties()).isEmpty();
        assertThat(t.stages()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRIVATE", "COMMUNITY", "PUBLIC"})
    void aSecuritiesSystemHasTheGeneralJrtDutiesAndThoseOfItsOwnDeploymentModelOnly(String model) {
        PlanTemplate t = PlanTemplate.of(catalog, Industry.SECURITIES_FUTURES, DeploymentModel.valueOf(model))
                .orElseThrow();

        assertThat(t.stages()).extracting(PlanTemplate.Stage::term).containsExactly("规划准备", "服务获取", "运行监督", "服务退出");
        DeploymentModel m = DeploymentModel.valueOf(model);
        List<Requirement> expected = items("JRT-SF").stream()
                .filter(r -> r.appliesTo(m) && r.isDuty())
                .toList();
        assertPlaced(t, expected);
        Set<RequirementId> otherModels = items("JRT-SF").stream()
                .filter(r -> !r.appliesTo(m))
                .map(Requirement::id)
                .collect(Collectors.toSet());
        assertThat(otherModels)
                .as("JR/T has items of other models to leave out")
                .isNotEmpty();
        assertThat(t.duties()).doesNotContainAnyElementsOf(otherModels);
        assertThat(t.duties()).noneMatch(id -> id.value().startsWith("GOVWEB"));
    }

    @Test
    void aHybridSecuritiesSystemGetsEverySubsectionAndOtherIndustriesNoPlanTemplate() {
        PlanTemplate hybrid = PlanTemplate.of(catalog, Industry.SECURITIES_FUTURES, DeploymentModel.HYBRID)
                .orElseThrow();
        assertThat(hybrid.model()).isNull();
        assertPlaced(
                hybrid, items("JRT-SF").stream().filter(Requirement::isDuty).toList());

        assertThat(PlanTemplate.of(catalog, Industry.OTHER, DeploymentModel.PUBLIC))
                .isEmpty();
        assertThat(PlanTemplate.of(catalog, null, DeploymentModel.PUBLIC)).isEmpty();
    }

    /**
     * Issue 59, JR/T 6.1 "委托方选择受托方时，应考虑但不限于以下服务能力：": a fresh securities system's plan gives every one of the
     * eight selection criteria to the customer, in 服务获取; those on the 受托方's offering (6.1-4-1 …-3, -7, -8) to the
     * provider as well.
     */
    @Test
    void aFreshSecuritiesPlanGivesEveryJrt6_1SelectionCriterionToTheCustomer() {
        PlanTemplate t = PlanTemplate.of(catalog, Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY)
                .orElseThrow();
        java.util.UUID customer = java.util.UUID.randomUUID();
        java.util.UUID provider = java.util.UUID.randomUUID();
        LifecyclePlan plan = LifecyclePlan.generate(
                t,
                catalog,
                java.util.UUID.randomUUID(),
                customer,
                java.util.Map.of(
                        org.yunjian.catalog.PartyRole.CUSTOMER, List.of(customer),
                        org.yunjian.catalog.PartyRole.PROVIDER, List.of(provider)),
                LifecyclePlan.AssignedFrom.ENGAGEMENTS,
                customer,
                java.time.Instant.now());
        for (int i = 1; i <= 8; i++) {
            RequirementId criterion = RequirementId.of("JRT-SF-6.1-4-" + i);
            List<PlanDuty> duties = plan.duties().stream()
                    .filter(d -> d.requirement().equals(criterion))
                    .toList();
            assertThat(duties)
                    .as(criterion.value())
                    .allMatch(d -> d.phase() == Phase.ACQUISITION_MIGRATION)
                    .extracting(PlanDuty::organisation)
                    .contains(customer);
            boolean offering = java.util.Set.of(1, 2, 3, 7, 8).contains(i);
            assertThat(duties.stream().anyMatch(d -> d.organisation().equals(provider)))
                    .as(criterion.value())
                    .isEqualTo(offering);
        }
    }
}
