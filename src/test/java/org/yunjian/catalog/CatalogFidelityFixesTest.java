package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /** The four partner roles of T/CCIA 004-2024 §3 by the name the text gives them. */
    private static final java.util.Map<String, PartyRole> PARTNERS = java.util.Map.of(
            "软件提供者", PartyRole.PARTNER_SOFTWARE,
            "硬件提供者", PartyRole.PARTNER_HARDWARE,
            "运维服务提供者", PartyRole.PARTNER_OM_SERVICE,
            "安全服务提供者", PartyRole.PARTNER_SECURITY_SERVICE);

    /**
     * A "云服务合作者中各角色…" lead-in of T/CCIA 004-2024: its line as printed and the heading that ends its sub-items.
     */
    record PartnerLeadIn(String id, String line, String nextHeading) {}

    static java.util.stream.Stream<PartnerLeadIn> partnerLeadIns() {
        return java.util.stream.Stream.of(
                new PartnerLeadIn("TCCIA004-8.2.1-c", "- c) 云服务合作者中各角色分工：", "8.2.2 云计算平台运维安全责任"),
                new PartnerLeadIn("TCCIA004-8.2.2-b", "- b) 云服务合作者中各角色分工：", "8.2.3 应急响应"),
                new PartnerLeadIn("TCCIA004-8.2.3-c", "- c) 云服务合作者", "8.2.4 数据安全"),
                new PartnerLeadIn("TCCIA004-8.1.3-b", "- b) 云服务合作者中各角色：", "8.2 运行阶段"),
                new PartnerLeadIn("TCCIA004-7.2-c", "- c) 云服务合作者中各角色应：", "7.3 迁移与退出阶段"));
    }

    /**
     * Issue 59, T/CCIA 004-2024 8.2.x: a lead-in "云服务合作者中各角色分工：" (8.2.1 c), 8.2.2 b)) or "云服务合作者" (8.2.3 c))
     * names none of the partners itself; its sub-items do — 8.2.1 c) 1)–3) 软件提供者, 运维服务提供者, 安全服务提供者; 8.2.2 b)
     * 1)–3) the same three; 8.2.3 c) 1)–2) 运维服务提供者, 安全服务提供者 — and no 硬件提供者 is in any of them. The catalog gives
     * the lead-in exactly the partners the printed sub-items name, read from the standard's text here, and each sub-item
     * only the role it names (8.1.3 b) and 7.2 c), the same form in 8.1 and 7.2, likewise).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("partnerLeadIns")
    void aPartnerLeadInOfTccia8_2CarriesOnlyThePartnersItsSubItemsName(PartnerLeadIn leadIn)
            throws java.io.IOException {
        List<String> text = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt"));
        String section = leadIn.id().substring("TCCIA004-".length(), leadIn.id().lastIndexOf('-'));
        int from = text.indexOf(text.stream()
                .filter(l -> l.startsWith(section + " "))
                .reduce((a, b) -> b)
                .orElseThrow());
        int at = from + text.subList(from, text.size()).indexOf(leadIn.line());
        int to = at + text.subList(at, text.size()).indexOf(leadIn.nextHeading());
        assertThat(at).as("%s printed", leadIn.line()).isGreaterThan(from);
        assertThat(to).isGreaterThan(at);
        String block = String.join("\n", text.subList(at + 1, to));
        java.util.Set<PartyRole> named = java.util.EnumSet.noneOf(PartyRole.class);
        PARTNERS.forEach((word, role) -> {
            if (block.contains(word)) {
                named.add(role);
            }
        });

        Requirement container = requirement(leadIn.id());
        assertThat(container.roles()).as(leadIn.id()).containsExactlyInAnyOrderElementsOf(named);
        // the catalog's role filter (pages, REST, CLI) finds it for those partners only
        for (PartyRole partner : PARTNERS.values()) {
            assertThat(catalog.find(
                            RequirementFilter.items().standard("TCCIA004").role(partner)))
                    .as("%s under %s", leadIn.id(), partner)
                    .extracting(Requirement::id)
                    .matches(ids -> ids.contains(container.id()) == named.contains(partner));
        }
        assertThat(container.roles()).as(leadIn.id()).doesNotContain(PartyRole.CUSTOMER);
        for (RequirementId child : container.children()) {
            Requirement c = requirement(child.value());
            java.util.Set<PartyRole> own = java.util.EnumSet.noneOf(PartyRole.class);
            PARTNERS.forEach((word, role) -> {
                if (c.text().startsWith(word) || c.text().contains("当" + word)) {
                    own.add(role);
                }
            });
            assertThat(c.roles())
                    .as("%s: %s", child, c.text())
                    .containsAll(own)
                    .filteredOn(PARTNERS::containsValue)
                    .containsExactlyInAnyOrderElementsOf(own);
        }
    }

    /** JR/T 6.1, as printed: the lead-in of the selection criteria. */
    static final String JRT_6_1_LEAD_IN = "委托方选择受托方时，应考虑但不限于以下服务能力：";

    /**
     * Issue 59, JR/T 证券期货业云技术应用安全规范 6.1 "委托方选择受托方时，应考虑但不限于以下服务能力：": every bullet under it is a
     * criterion the 委托方 applies when selecting — the customer answers for each. The bullets that speak of the 受托方's
     * offering ("受托方提供的部署模式应满足要求；", "受托方应向委托方提供云服务相关技术接口和文档；", "出现安全事件并造成损失时，…受托方应能
     * 承担相关责任并进行赔偿。") bind the provider too, as the catalog reads the same form in 6.3.2 and 8.1.3.
     */
    @Test
    void everyJrt6_1SelectionCriterionIsTheCustomers() throws java.io.IOException {
        List<String> text = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("docs/standards/jrt-securities-futures-cloud-security-spec.txt"));
        int at = text.indexOf(JRT_6_1_LEAD_IN);
        assertThat(at).isPositive();
        Requirement leadIn = requirement("JRT-SF-6.1-4");
        assertThat(leadIn.text()).isEqualTo(JRT_6_1_LEAD_IN);
        assertThat(leadIn.roles()).containsExactly(PartyRole.CUSTOMER);
        List<RequirementId> bullets = leadIn.children();
        assertThat(bullets).hasSize(8);
        for (RequirementId id : bullets) {
            Requirement r = requirement(id.value());
            assertThat(text.subList(at, at + 12)).as(id.value()).contains("- " + r.text());
            assertThat(r.roles()).as(id.value()).contains(PartyRole.CUSTOMER);
            if (r.text().contains("受托方")) {
                assertThat(r.roles()).as(id.value()).containsExactlyInAnyOrder(PartyRole.CUSTOMER, PartyRole.PROVIDER);
            } else {
                assertThat(r.roles()).as(id.value()).containsExactly(PartyRole.CUSTOMER);
            }
        }
        assertThat(bullets)
                .extracting(RequirementId::value)
                .filteredOn(v -> requirement(v).roles().contains(PartyRole.PROVIDER))
                .containsExactly(
                        "JRT-SF-6.1-4-1", "JRT-SF-6.1-4-2", "JRT-SF-6.1-4-3", "JRT-SF-6.1-4-7", "JRT-SF-6.1-4-8");
    }
}
