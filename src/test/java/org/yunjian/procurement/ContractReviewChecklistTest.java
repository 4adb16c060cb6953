package org.yunjian.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DataClassification;
import org.yunjian.party.Industry;
import org.yunjian.party.ServiceModel;

/**
 * The contract / SLA / NDA checklist and the provider-selection criteria are generated from the shipped catalog:
 * the guide of the system's industry only, the subsections of its deployment model only, the obligation level read
 * from the standard's wording.
 */
class ContractReviewChecklistTest {

    static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoading.fromClasspath();
    }

    static CloudSystem system(Industry industry, DeploymentModel model) {
        return new CloudSystem(
                UUID.randomUUID(),
                "s",
                UUID.randomUUID(),
                3,
                model,
                ServiceModel.IAAS,
                industry,
                DataClassification.GENERAL,
                List.of(),
                null,
                List.of(),
                Instant.EPOCH,
                Instant.EPOCH);
    }

    static List<String> ids(List<ContractClause> clauses) {
        return clauses.stream().map(c -> c.id().value()).toList();
    }

    @Test
    void governmentWebsiteChecklistIsTheGuidesContractSlaAndNdaSections() {
        List<ContractClause> c =
                ContractClause.checklist(catalog, system(Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC));
        // the contract's exit clauses (9.3.4 a), 9.3.5 a), GB/T 31167 9.1 1., 9.2 2.) follow 6.6.1's own items
        assertThat(ids(c))
                .containsExactly(
                        "GOVWEB-6.6.1-a",
                        "GOVWEB-6.6.1-b",
                        "GOVWEB-6.6.1-c",
                        "GOVWEB-6.6.1-d",
                        "GOVWEB-6.6.1-e",
                        "GOVWEB-6.6.1-f",
                        "GOVWEB-9.3.4-a",
                        "GOVWEB-9.3.5-a",
                        "GBT31167-9.1-a",
                        "GBT31167-9.2-b",
                        "GOVWEB-6.6.2-a",
                        "GOVWEB-6.6.2-b",
                        "GOVWEB-6.6.3-1");
        assertThat(c)
                .extracting(ContractClause::document)
                .containsExactly(
                        AgreementDocument.CONTRACT,
                        AgreementDocument.CONTRACT,
                        AgreementDocument.CONTRACT,
                        AgreementDocument.CONTRACT,
                        AgreementDocument.CONTRACT,
                        AgreementDocument.CONTRACT,
                        AgreementDocument.CONTRACT,
                        AgreementDocument.CONTRACT,
                        AgreementDocument.CONTRACT,
                        AgreementDocument.CONTRACT,
                        AgreementDocument.SLA,
                        AgreementDocument.SLA,
                        AgreementDocument.NDA);
        // 6.6.1 a) says no 应 itself: it completes the lead-in "合同内容应包括：", so it is mandatory
        assertThat(c.get(0).obligation()).isEqualTo(ObligationLevel.MANDATORY);
        assertThat(c.get(0).leadIn()).contains("\u5408\u540c\u5185\u5bb9\u5e94\u5305\u62ec");
        // all mandatory but 9.3.5 a), which says 可要求 (may)
        assertThat(c).filteredOn(x -> !x.id().value().equals("GOVWEB-9.3.5-a")).allMatch(ContractClause::mandatory);
    }

    @Test
    void jrtChecklistFollowsTheDeploymentModel() {
        List<String> community =
                ids(ContractClause.checklist(catalog, system(Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY)));
        List<String> pub =
                ids(ContractClause.checklist(catalog, system(Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC)));
        assertThat(community)
                .contains("JRT-SF-6.3.2-1", "JRT-SF-6.3.2-2-2", "JRT-SF-6.3.3-3-6", "JRT-SF-6.3.4-2")
                .noneMatch(id -> id.startsWith("JRT-SF-6.4"));
        assertThat(pub)
                .contains("JRT-SF-6.4.2-1", "JRT-SF-6.4.3-4", "JRT-SF-6.4.4-1")
                .noneMatch(id -> id.startsWith("JRT-SF-6.3"));
        // lead-ins with items below them are not clauses themselves; their items are
        assertThat(community).doesNotContain("JRT-SF-6.3.2-2", "JRT-SF-6.3.3-3");
        assertThat(ContractClause.checklist(catalog, system(Industry.SECURITIES_FUTURES, DeploymentModel.PRIVATE)))
                .isEmpty();
        assertThat(ContractClause.checklist(catalog, system(Industry.SECURITIES_FUTURES, DeploymentModel.HYBRID)))
                .hasSize(community.size() + pub.size() - 1); // JR/T 8.1.3's exit clause once, not per section
        assertThat(ContractClause.checklist(catalog, system(Industry.OTHER, DeploymentModel.PUBLIC)))
                .isEmpty();
        assertThat(ContractClause.checklist(catalog, system(Industry.GOVERNMENT_WEBSITE, DeploymentModel.PRIVATE)))
                .isEmpty();
    }

    /**
     * The contract must settle the exit, and the guides say so outside their contract sections. Quoted from
     * gov-website-cloud-security-guide.txt (9.3.4 a), 9.3.5 a)), gbt-31167-2014-s9-exit.md (9.1 1., 9.2 2.) and
     * jrt-securities-futures-cloud-security-spec.txt (8.1.3).
     */
    @Test
    void contractChecklistCarriesTheExitClauses_GOVWEB_9_3_4_a_9_3_5_a_GBT31167_9_1_1_9_2_2_JRT_8_1_3() {
        List<ContractClause> gov =
                ContractClause.checklist(catalog, system(Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC));
        assertThat(clause(gov, "GOVWEB-9.3.4-a").requirement().text())
                .contains("云服务客户与云服务商的合同中应就退出服务阶段移交数据清单进行约定，并对移交数据的类型、有效期进行明确");
        assertThat(clause(gov, "GOVWEB-9.3.5-a").requirement().text())
                .contains("云服务客户可要求云服务商按照合同安全要求保留云服务客户数据信息一段时间，收到云服务客户的书面授权后方可删除云服务客户数据信息");
        assertThat(clause(gov, "GBT31167-9.1-a").requirement().text()).contains("在签订合同时提前约定退出条件，以及退出时客户、云服务商的责任和义务");
        assertThat(clause(gov, "GBT31167-9.2-b").requirement().text()).contains("在合同或其他协议中明确是否移交可执行程序、源代码及技术资料");
        for (String id : List.of("GOVWEB-9.3.4-a", "GOVWEB-9.3.5-a", "GBT31167-9.1-a", "GBT31167-9.2-b")) {
            assertThat(clause(gov, id).document()).isEqualTo(AgreementDocument.CONTRACT);
            // 9.3.5 a) says 可要求 (may): recommended; the others state 应 or complete a lead-in that does
            assertThat(clause(gov, id).mandatory()).as(id).isEqualTo(!id.equals("GOVWEB-9.3.5-a"));
        }
        for (DeploymentModel model : List.of(DeploymentModel.COMMUNITY, DeploymentModel.PUBLIC)) {
            ContractClause jrt = clause(
                    ContractClause.checklist(catalog, system(Industry.SECURITIES_FUTURES, model)), "JRT-SF-8.1.3-3-2");
            assertThat(jrt.requirement().text()).contains("针对委托方定制的功能或业务系统，在合同或其他协议中明确是否移交可执行程序、源代码及技术资料");
            assertThat(jrt.document()).isEqualTo(AgreementDocument.CONTRACT);
            assertThat(jrt.leadIn()).contains("数据清单的内容应包括但不限于");
            assertThat(jrt.mandatory()).isTrue();
        }
    }

    static ContractClause clause(List<ContractClause> clauses, String id) {
        return clauses.stream()
                .filter(c -> c.id().value().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the checklist"));
    }

    @Test
    void obligationIgnoresKeInsideOtherWords_GBT31167_9_2_2() {
        // "可能涉及的内容包括" / "可执行程序" do not say "may": the item takes the lead-in's 应
        assertThat(ObligationLevel.of(
                        "\u5728\u5408\u540c\u4e2d\u660e\u786e\u662f\u5426\u79fb\u4ea4\u53ef\u6267"
                                + "\u884c\u7a0b\u5e8f\uff0c\u53ef\u80fd\u6d89\u53ca\u7684\u5185\u5bb9\u5305\u62ec",
                        "\u5e94\u5236\u8ba2\u8be6\u7ec6\u7684\u79fb\u4ea4\u6e05\u5355"))
                .isEqualTo(ObligationLevel.MANDATORY);
        assertThat(ObligationLevel.of(
                        "\u53ef\u8981\u6c42\u4e91\u670d\u52a1\u5546\u4fdd\u7559", "\u4ecd\u5e94\u8981\u6c42"))
                .isEqualTo(ObligationLevel.RECOMMENDED);
    }

    /**
     * Issue 36 L-5: JR/T 6.3.3 and 6.4.3 (source lines 433 and 496) "服务水平协议应包括但不限于如下内容：" — the SLA shall
     * include each listed content; the certification bullet (line 436) "明确受托方云计算系统宜遵从的技术和管理标准、相关制度和
     * 规定，……" says 宜 of the standards the provider follows, not of whether the SLA states them: it is mandatory, like
     * the scope bullet whose "可用性" is no "may".
     */
    @Test
    void jrt6_3_3And6_4_3SlaContentsAreMandatoryAlthoughTheCertificationBulletSaysYi() {
        for (var model : List.of(DeploymentModel.COMMUNITY, DeploymentModel.PUBLIC)) {
            String section = model == DeploymentModel.COMMUNITY ? "JRT-SF-6.3.3-3" : "JRT-SF-6.4.3-3";
            List<ContractClause> sla =
                    ContractClause.checklist(catalog, system(Industry.SECURITIES_FUTURES, model)).stream()
                            .filter(x -> x.id().value().startsWith(section + "-"))
                            .toList();
            assertThat(sla).as(section).isNotEmpty();
            ContractClause certification = sla.stream()
                    .filter(x -> x.id().value().equals(section + "-2"))
                    .findFirst()
                    .orElseThrow();
            assertThat(certification.requirement().text()).startsWith("明确受托方云计算系统宜遵从的技术和管理标准");
            assertThat(certification.leadIn()).isEqualTo("服务水平协议应包括但不限于如下内容：");
            assertThat(certification.obligation()).as(section + "-2").isEqualTo(ObligationLevel.MANDATORY);
            assertThat(certification.document()).isEqualTo(AgreementDocument.SLA);
            assertThat(sla)
                    .allSatisfy(
                            c -> assertThat(c.obligation()).as(c.id().value()).isEqualTo(ObligationLevel.MANDATORY));
        }
        assertThat(ObligationLevel.of("明确受托方云计算系统宜遵从的技术和管理标准", "服务水平协议应包括但不限于如下内容："))
                .isEqualTo(ObligationLevel.MANDATORY);
        assertThat(ObligationLevel.of("宜遵从的技术和管理标准", null)).isEqualTo(ObligationLevel.RECOMMENDED);
    }

    @Test
    void obligationIgnoresYingInsideOtherWords() {
        // 相应 / 应急 / 响应 are not "shall"; 宜 is "should"; 应 alone is "shall"
        assertThat(ObligationLevel.of("\u63d0\u4f9b\u76f8\u5e94\u7684\u5e94\u6025\u54cd\u5e94", null))
                .isEqualTo(ObligationLevel.RECOMMENDED);
        assertThat(ObligationLevel.of(
                        "\u63d0\u4f9b\u76f8\u5e94\u7684\u5e94\u6025\u54cd\u5e94", "\u5408\u540c\u5e94\u5305\u62ec"))
                .isEqualTo(ObligationLevel.MANDATORY);
        assertThat(ObligationLevel.of("\u5b9c\u901a\u8fc7\u8ba4\u8bc1", null)).isEqualTo(ObligationLevel.RECOMMENDED);
        assertThat(ObligationLevel.of("\u4e0d\u5f97\u6cc4\u6f0f", null)).isEqualTo(ObligationLevel.MANDATORY);
    }

    @Test
    void selectionCriteriaComeFromTheGuideOfTheIndustryAndModel() {
        List<SelectionCriterion> gov =
                SelectionCriterion.forSystem(catalog, system(Industry.GOVERNMENT_WEBSITE, DeploymentModel.PUBLIC));
        assertThat(gov)
                .extracting(k -> k.id().value())
                .containsExactly(
                        "GOVWEB-6.5-a-1",
                        "GOVWEB-6.5-a-2",
                        "GOVWEB-6.5-a-3",
                        "GOVWEB-6.5-a-4",
                        "GOVWEB-6.2.2-a",
                        "GOVWEB-6.2.2-b");
        assertThat(gov.stream().filter(SelectionCriterion::derived).map(k -> k.id().value()))
                .containsExactly("GOVWEB-6.2.2-a", "GOVWEB-6.2.2-b");
        // 6.5 a) 1) completes "选择时应进行如下考虑"
        assertThat(gov.get(0).obligation()).isEqualTo(ObligationLevel.MANDATORY);
        List<String> community =
                SelectionCriterion.forSystem(catalog, system(Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY))
                        .stream()
                        .map(k -> k.id().value())
                        .toList();
        List<String> pub =
                SelectionCriterion.forSystem(catalog, system(Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC))
                        .stream()
                        .map(k -> k.id().value())
                        .toList();
        assertThat(community)
                .contains("JRT-SF-6.1-2", "JRT-SF-6.3.1-1")
                .noneMatch(id -> id.startsWith("GOVWEB") || id.startsWith("JRT-SF-6.4") || id.startsWith("JRT-SF-7.4"));
        assertThat(pub).contains("JRT-SF-6.4.1-1", "JRT-SF-7.4.3-1-14").noneMatch(id -> id.startsWith("JRT-SF-6.3"));
        assertThat(SelectionCriterion.forSystem(catalog, system(Industry.OTHER, DeploymentModel.PUBLIC)))
                .isEmpty();
    }
}
