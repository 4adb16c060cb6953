package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.security.CurrentUser;

/**
 * Issue 36 L-1 / L-2: the government-website guide's agents (网站开发商, 系统集成商, 安全服务商) and its 第三方评估机构 are no
 * T/CCIA roles, so a responsibility matrix never names them; the plan takes their holders from the system's
 * registration with a matrix as without one, and a duty it leaves out says why, per role, on the page and in the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class PlanRoleHoldersTests {

    /** Government-website guide 7.2.3 b), verbatim. */
    static final String GOV_7_2_3_B = "系统集成商负责政府网站的迁移及安全部署，负责安全配置、整体安全功能联调等；";
    /** Government-website guide 7.2.4 b), verbatim (第三方评估机构 in the deployment phase). */
    static final String GOV_7_2_4_B = "在部署迁移完成后，对政府网站进行风险评估；";
    /** The third-party assessor's duties of the guide (6.2.4 a), 7.2.4 a)–c), 8.2.4 a), 9.2.4 a)–b)). */
    static final Set<String> ASSESSOR_DUTIES = Set.of(
            "GOVWEB-6.2.4-a",
            "GOVWEB-7.2.4-a",
            "GOVWEB-7.2.4-b",
            "GOVWEB-7.2.4-c",
            "GOVWEB-8.2.4-a",
            "GOVWEB-9.2.4-a",
            "GOVWEB-9.2.4-b");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ResponsibilityService matrices;

    @Autowired
    org.yunjian.catalog.Catalog catalog;

    Fixtures.World w;
    CurrentUser customer;
    String base;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        base = "/api/systems/" + w.system().id() + "/lifecycle";
    }

    String create() throws Exception {
        return mvc.perform(post(base).with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String plan(String language) throws Exception {
        return mvc.perform(get(base).with(as(customer)).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The requirements of the plan's duties assigned to {@code org}. */
    static Set<String> dutiesOf(String json, UUID org) {
        List<String> ids = JsonPath.read(json, "$.duties[?(@.organisation == '" + org + "')].requirement");
        return Set.copyOf(ids);
    }

    @Test
    @DisplayName("gov 7.2.3 b) \"系统集成商负责政府网站的迁移及安全部署…\" and 7.2.4: with a matrix, the integrator and the "
            + "third-party assessor registered on the system still take their duties")
    void withAMatrixTheRegisteredIntegratorAndAssessorTakeTheirDuties() throws Exception {
        assertThat(catalog.requirement(new org.yunjian.catalog.RequirementId("GOVWEB-7.2.3-b"))
                        .orElseThrow()
                        .text())
                .isEqualTo(GOV_7_2_3_B);
        assertThat(catalog.requirement(new org.yunjian.catalog.RequirementId("GOVWEB-7.2.4-b"))
                        .orElseThrow()
                        .text())
                .isEqualTo(GOV_7_2_4_B);
        runAs(customer, () -> matrices.create(w.system().id()));
        String json = create();
        assertThat(JsonPath.<String>read(json, "$.assignedFrom.code")).isEqualTo("MATRIX");
        assertThat(dutiesOf(json, w.agent().id())).contains("GOVWEB-7.2.3-b", "GOVWEB-7.2.3-a");
        assertThat(dutiesOf(json, w.assessor().id())).containsAll(ASSESSOR_DUTIES);
        // the matrix's T/CCIA roles still decide the customer's and provider's duties
        assertThat(dutiesOf(json, w.customer().id())).isNotEmpty();
        assertThat(dutiesOf(json, w.provider().id())).isNotEmpty();
    }

    @Test
    @DisplayName("gov 3.4 / 3.6: agents and the assessor get the same duties with a matrix as without one")
    void theSameAgentAndAssessorDutiesWithAndWithoutAMatrix() throws Exception {
        String without = create();
        assertThat(JsonPath.<String>read(without, "$.assignedFrom.code")).isEqualTo("ENGAGEMENTS");
        Fixtures.World other = fixtures.world();
        runAs(user(other.customer().id()), () -> matrices.create(other.system().id()));
        String with = mvc.perform(post("/api/systems/" + other.system().id() + "/lifecycle")
                        .with(as(user(other.customer().id()))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dutiesOf(with, other.agent().id()))
                .isEqualTo(dutiesOf(without, w.agent().id()))
                .contains("GOVWEB-7.2.3-b");
        assertThat(dutiesOf(with, other.assessor().id()))
                .isEqualTo(dutiesOf(without, w.assessor().id()))
                .containsAll(ASSESSOR_DUTIES);
    }

    @Test
    @DisplayName(
            "a duty left out says why for each role it names, in the caller's language, in the API and on the page")
    void aDutyLeftOutSaysWhyPerRole() throws Exception {
        runAs(customer, () -> matrices.create(w.system().id()));
        create();
        String zh = plan("zh-CN");
        List<Map<String, Object>> unassigned = JsonPath.read(zh, "$.unassigned");
        assertThat(unassigned).isNotEmpty();
        // nobody is registered as 网站开发商 or 安全服务商 on the world's system: those are the only reasons
        Set<String> roles = Set.copyOf(JsonPath.<List<String>>read(zh, "$.unassigned[*].why[*].role.code"));
        assertThat(roles).containsOnly("AGENT_WEBSITE_DEVELOPER", "AGENT_SECURITY_SERVICE");
        assertThat(Set.copyOf(JsonPath.<List<String>>read(zh, "$.unassigned[*].why[*].reason")))
                .containsExactly("NOT_REGISTERED");
        assertThat(JsonPath.<List<String>>read(zh, "$.unassigned[*].why[*].text"))
                .allSatisfy(t -> assertThat(t).contains("本云系统没有登记为该角色的组织"));
        assertThat(JsonPath.<List<String>>read(plan("en"), "$.unassigned[*].why[*].text"))
                .allSatisfy(t -> assertThat(t).contains("no organisation is registered on this cloud system"));
        mvc.perform(get("/systems/" + w.system().id() + "/lifecycle").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-reason=\"NOT_REGISTERED\"")))
                .andExpect(content().string(containsString("本云系统没有登记为该角色的组织")));
    }

    @Test
    @DisplayName("an organisation registered in a role after the plan was made is named as the reason, never dropped")
    @SuppressWarnings("unchecked")
    void aHolderRegisteredAfterThePlanIsNamedNotDropped() throws Exception {
        create();
        Organization developer = fixtures.organization(
                "网站开发商 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.AGENT_WEBSITE_DEVELOPER);
        fixtures.engagement(
                "网站改版", w.system(), new Engagement.Participant(developer.id(), PartyRole.AGENT_WEBSITE_DEVELOPER));
        String json = plan("zh-CN");
        List<Map<String, Object>> later =
                JsonPath.read(json, "$.unassigned[*].why[?(@.role.code == 'AGENT_WEBSITE_DEVELOPER')]");
        assertThat(later).isNotEmpty().allSatisfy(why -> {
            assertThat(why.get("reason")).isEqualTo("REGISTERED_LATER");
            assertThat((List<Object>) why.get("holders"))
                    .containsExactly((Object) developer.id().toString());
            assertThat((String) why.get("text")).contains(developer.name());
        });
        // the developer's own duties (7.2.3 c) 网站开发商…) are among them
        Set<String> ids = JsonPath.<List<Map<String, Object>>>read(json, "$.unassigned").stream()
                .map(u -> (String) u.get("requirement"))
                .collect(Collectors.toSet());
        assertThat(ids).contains("GOVWEB-7.2.3-c");
    }

    @Test
    @DisplayName("gov 3.6 第三方评估机构 \"独立于云计算服务相关方的专业评估机构。\": an organisation on the system only as an "
            + "agent is not offered nor accepted as its third-party assessor")
    void anAgentIsNotTheSystemsThirdPartyAssessor() throws Exception {
        Organization both = fixtures.organization(
                "测评兼安全服务 " + UUID.randomUUID().toString().substring(0, 6),
                PartyRole.THIRD_PARTY_ASSESSOR,
                PartyRole.AGENT_SECURITY_SERVICE);
        fixtures.engagement(
                "安全服务", w.system(), new Engagement.Participant(both.id(), PartyRole.AGENT_SECURITY_SERVICE));
        CurrentUser u = user(both.id());
        mvc.perform(post("/api/assessments")
                        .with(as(u))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name":"测评","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                         "scope":["MLPS-L3"]}""".formatted(w.system().id(), both.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("assessorOrgId")));
        mvc.perform(get("/assessments/new")
                        .param("systemId", w.system().id().toString())
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("THIRD_PARTY:" + w.assessor().id())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("THIRD_PARTY:" + both.id()))));
    }
}
