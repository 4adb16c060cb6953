package org.yunjian.party;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.newCreditCode;
import static org.yunjian.party.PartyTestSupport.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.PartyRole;

@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class PartyPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    Fixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world();
    }

    @Test
    void organisationFormHasStableIds() throws Exception {
        mvc.perform(get("/organizations/new").with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"name\""),
                                containsString("id=\"creditCode\""),
                                containsString("id=\"region\""),
                                containsString("id=\"role-CUSTOMER\""),
                                containsString("id=\"save\""),
                                containsString("云服务客户"))));
    }

    @Test
    void systemAdministratorCreatesAnOrganisationThroughTheForm() throws Exception {
        var result = mvc.perform(post("/organizations")
                        .with(as(admin()))
                        .param("name", "表单创建的单位")
                        .param("creditCode", newCreditCode())
                        .param("region", "北京")
                        .param("roles", "CUSTOMER"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/organizations/*"))
                .andReturn();
        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("表单创建的单位")));
    }

    @Test
    void invalidOrganisationFormIsShownAgainWithPerFieldMessages() throws Exception {
        mvc.perform(post("/organizations")
                        .with(as(admin()))
                        .param("name", "")
                        .param("creditCode", "91350100M000100Y44")
                        .param("region", "北京"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"name-error\""),
                                containsString("校验位错误：应为 3"),
                                containsString("id=\"roles-error\""),
                                containsString("91350100M000100Y44"))));
    }

    @Test
    void badCreditCodeIsShownNextToItsFieldAndTheOtherValuesAreKept() throws Exception {
        String html = mvc.perform(post("/organizations")
                        .with(as(admin()))
                        .param("name", "保留输入的单位")
                        .param("creditCode", "91350100M000100Y44")
                        .param("region", "福州")
                        .param("roles", "PROVIDER"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(UTF_8);
        // the error is the element right after the field, and each field shows what was entered
        assertThat(html)
                .containsPattern("<input [^>]*id=\"creditCode\"[^>]*value=\"91350100M000100Y44\"[^>]*>\\s*"
                        + "<span class=\"field-error\" id=\"creditCode-error\">[^<]*校验位错误：应为 3[^<]*</span>")
                .containsPattern("<input [^>]*id=\"name\"[^>]*value=\"保留输入的单位\"")
                .containsPattern("<input [^>]*id=\"region\"[^>]*value=\"福州\"")
                .containsPattern("<input [^>]*id=\"role-PROVIDER\"[^>]*checked")
                .doesNotContain("id=\"name-error\"")
                .doesNotContain("id=\"region-error\"");
    }

    @Test
    void refusedOrganisationUpdateKeepsTheInputAndSaysWhy() throws Exception {
        var o = fixtures.organization("待改组织", PartyRole.CUSTOMER);
        String html = mvc.perform(post("/organizations/" + o.id())
                        .with(as(admin()))
                        .param("name", "改过的名称")
                        .param("creditCode", "12345")
                        .param("region", "厦门")
                        .param("roles", "CUSTOMER"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(UTF_8);
        assertThat(html)
                .contains("id=\"form-errors\"")
                .containsPattern("id=\"creditCode-error\">[^<]*18[^<]*</span>")
                .containsPattern("<input [^>]*id=\"name\"[^>]*value=\"改过的名称\"")
                .containsPattern("<input [^>]*id=\"region\"[^>]*value=\"厦门\"");
        mvc.perform(get("/organizations/" + o.id()).with(as(admin())))
                .andExpect(content().string(allOf(containsString("待改组织"), not(containsString("改过的名称")))));
    }

    @Test
    void importHelpShowsColumnNamesAsCodeWithADescriptionInTheReadersLanguage() throws Exception {
        mvc.perform(get("/organizations").with(as(admin())))
                .andExpect(content()
                        .string(allOf(
                                containsString("<code data-verbatim id=\"import-column-creditCode\">creditCode</code>"),
                                containsString("18 位统一社会信用代码"),
                                containsString("云服务客户"),
                                not(containsString("name,creditCode")))));
        mvc.perform(get("/systems").param("lang", "en").with(as(admin())))
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "<code data-verbatim id=\"import-column-deploymentModel\">deploymentModel</code>"),
                                containsString("Deployment model; values:"),
                                containsString("Hybrid cloud"))));
    }

    @Test
    void deletingAnOrganisationNeedsTheConfirmation() throws Exception {
        var o = fixtures.organization("待删组织", PartyRole.CUSTOMER);
        mvc.perform(get("/organizations/" + o.id()).with(as(admin())))
                .andExpect(content().string(allOf(containsString("name=\"confirm\""), containsString("required"))));
        mvc.perform(post("/organizations/" + o.id() + "/delete").with(as(admin())))
                .andExpect(redirectedUrl("/organizations/" + o.id()))
                .andExpect(flash().attribute("conflict", containsString("不可撤销")));
        mvc.perform(get("/organizations/" + o.id()).with(as(admin()))).andExpect(status().isOk());
        mvc.perform(post("/organizations/" + o.id() + "/delete")
                        .param("confirm", "true")
                        .with(as(admin())))
                .andExpect(redirectedUrl("/organizations"));
        mvc.perform(get("/organizations/" + o.id()).with(as(admin()))).andExpect(status().isNotFound());
    }

    @Test
    void deletingASystemNeedsTheConfirmationAndTheRightToDelete() throws Exception {
        String path = "/systems/" + w.system().id();
        mvc.perform(get(path).with(as(user(w.customer().id()))))
                .andExpect(content().string(allOf(containsString("name=\"confirm\""), containsString("required"))));
        mvc.perform(post(path + "/delete").with(as(user(w.customer().id()))))
                .andExpect(redirectedUrl(path))
                .andExpect(
                        flash().attribute("conflict", containsString(w.system().name())));
        mvc.perform(post(path + "/delete").with(as(user(w.provider().id())))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(as(user(w.customer().id())))).andExpect(status().isOk());
    }

    @Test
    void deletingAnEngagementNeedsTheConfirmation() throws Exception {
        String path = "/engagements/" + w.engagement().id();
        mvc.perform(get(path).with(as(user(w.customer().id()))))
                .andExpect(content().string(allOf(containsString("name=\"confirm\""), containsString("required"))));
        mvc.perform(post(path + "/delete")
                        .param("lang", "en")
                        .with(as(user(w.customer().id()))))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("conflict", containsString("cannot be undone")));
        mvc.perform(get(path).with(as(user(w.customer().id())))).andExpect(status().isOk());
        mvc.perform(post(path + "/delete")
                        .param("confirm", "true")
                        .with(as(user(w.customer().id()))))
                .andExpect(redirectedUrl("/engagements"));
        mvc.perform(get(path).with(as(user(w.customer().id())))).andExpect(status().isNotFound());
    }

    @Test
    void englishPagesUseEnglishMessages() throws Exception {
        mvc.perform(post("/organizations")
                        .param("lang", "en")
                        .with(as(admin()))
                        .param("name", "x")
                        .param("creditCode", "91350100M000100Y44")
                        .param("region", "北京")
                        .param("roles", "CUSTOMER"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("expected 3"), containsString("Cloud service customer"))));
    }

    @Test
    void businessUserCannotOpenTheOrganisationForm() throws Exception {
        mvc.perform(get("/organizations/new").with(as(user(w.customer().id())))).andExpect(status().isForbidden());
    }

    @Test
    void systemFormCreatesASystemAndLandsOnItsPage() throws Exception {
        mvc.perform(get("/systems/new").with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"customerId\""),
                                containsString("id=\"providerId\""),
                                containsString("id=\"protectionLevel\""),
                                containsString("id=\"regions\""),
                                containsString("id=\"agent-org-0\""))));
        var result = mvc.perform(post("/systems")
                        .with(as(admin()))
                        .param("name", "表单系统")
                        .param("customerId", w.customer().id().toString())
                        .param("protectionLevel", "3")
                        .param("deploymentModel", "PUBLIC")
                        .param("serviceModel", "IAAS")
                        .param("industry", "GOVERNMENT_WEBSITE")
                        .param("dataClassification", "IMPORTANT")
                        .param("regions", "北京\n上海")
                        .param("providerId", w.provider().id().toString())
                        .param("agentIds", w.agent().id().toString(), "", "")
                        .param("agentRoles", "AGENT_SYSTEM_INTEGRATOR", "", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("表单系统"),
                                containsString(w.provider().name()),
                                containsString("系统集成商"),
                                containsString("上海"))));
    }

    @Test
    void invalidSystemFormShowsTheProblems() throws Exception {
        mvc.perform(post("/systems")
                        .with(as(admin()))
                        .param("name", "缺地域")
                        .param("customerId", w.provider().id().toString())
                        .param("protectionLevel", "5")
                        .param("deploymentModel", "PUBLIC")
                        .param("serviceModel", "IAAS")
                        .param("industry", "OTHER")
                        .param("dataClassification", "GENERAL")
                        .param("regions", ""))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"customerId-error\""),
                                containsString("id=\"protectionLevel-error\""),
                                containsString("id=\"regions-error\""))));
    }

    /**
     * An error of one agent or participant row shows next to that row, in words (no field path such as
     * {@code agents[0].organization}); blank rows in between do not shift it onto another row.
     */
    @Test
    void listFieldErrorsShowNextToTheirRow() throws Exception {
        String page = mvc.perform(post("/systems")
                        .with(as(admin()))
                        .param("name", "代理有误")
                        .param("customerId", w.customer().id().toString())
                        .param("protectionLevel", "3")
                        .param("deploymentModel", "PUBLIC")
                        .param("serviceModel", "IAAS")
                        .param("industry", "OTHER")
                        .param("dataClassification", "GENERAL")
                        .param("regions", "北京")
                        .param(
                                "agentIds",
                                w.agent().id().toString(),
                                "",
                                w.customer().id().toString())
                        .param("agentRoles", "AGENT_SYSTEM_INTEGRATOR", "", "AGENT_SYSTEM_INTEGRATOR"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(UTF_8);
        assertThat(page)
                .doesNotContain("id=\"agent-0-error\"")
                .doesNotContain("id=\"agent-1-error\"")
                .contains("id=\"agent-2-error\">组织“" + w.customer().name() + "”不具备“系统集成商”角色<")
                .doesNotContain("agents[")
                .contains("value=\"代理有误\"");

        String engagement = mvc.perform(post("/engagements")
                        .with(as(user(w.customer().id())))
                        .param("lang", "en")
                        .param("name", "参与方有误")
                        .param("systemId", w.system().id().toString())
                        .param("phase", "OPERATION")
                        .param("participantIds", "", w.agent().id().toString())
                        .param("participantRoles", "", "THIRD_PARTY_ASSESSOR"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(UTF_8);
        assertThat(engagement)
                .doesNotContain("id=\"participant-0-error\"")
                .contains("id=\"participant-1-error\">organisation “"
                        + w.agent().name() + "” does not hold the role “Third-party assessment organization”<")
                .doesNotContain("participants[");
    }

    @Test
    void customerSeesTheNotesLinkOthersDoNot() throws Exception {
        String page = "/systems/" + w.system().id();
        mvc.perform(get(page).with(as(user(w.customer().id()))))
                .andExpect(
                        content().string(allOf(containsString("id=\"private-notes\""), containsString("id=\"edit\""))));
        mvc.perform(get(page).with(as(user(w.provider().id()))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                not(containsString("id=\"private-notes\"")), not(containsString("id=\"edit\"")))));
        mvc.perform(get(page).with(as(admin())))
                .andExpect(content().string(not(containsString("id=\"private-notes\""))));
        mvc.perform(get(page).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
    }

    @Test
    void customerWritesAndReadsPrivateNotesOnItsPage() throws Exception {
        String notes = "/systems/" + w.system().id() + "/private-notes";
        mvc.perform(post(notes)
                        .with(as(user(w.customer().id())))
                        .param("notes", "内部：合同将于明年到期")
                        .param("version", "0"))
                .andExpect(redirectedUrl(notes));
        mvc.perform(get(notes).with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("内部：合同将于明年到期")));
        mvc.perform(get(notes).with(as(user(w.provider().id())))).andExpect(status().isForbidden());
        mvc.perform(get(notes).with(as(admin()))).andExpect(status().isForbidden());
        mvc.perform(get("/systems/" + w.system().id()).with(as(user(w.customer().id()))))
                .andExpect(content().string(not(containsString("合同将于明年到期"))));
    }

    @Test
    void providerCannotOpenTheEditForm() throws Exception {
        mvc.perform(get("/systems/" + w.system().id() + "/edit")
                        .with(as(user(w.provider().id()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void engagementPagesWork() throws Exception {
        mvc.perform(get("/engagements/new")
                        .param("systemId", w.system().id().toString())
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(w.system().name())));
        var result = mvc.perform(post("/engagements")
                        .with(as(user(w.customer().id())))
                        .param("name", "表单项目")
                        .param("systemId", w.system().id().toString())
                        .param("phase", "OPERATION")
                        .param("participantIds", w.assessor().id().toString(), "")
                        .param("participantRoles", "THIRD_PARTY_ASSESSOR", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        mvc.perform(get(result.getResponse().getRedirectedUrl())
                        .with(as(user(w.assessor().id()))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("表单项目"), containsString("运行监管"), not(containsString("id=\"edit\"")))));
        mvc.perform(get("/engagements").with(as(user(w.assessor().id()))))
                .andExpect(content().string(containsString("表单项目")));
    }

    @Test
    void listPagesRender() throws Exception {
        mvc.perform(get("/organizations").param("q", w.customer().name()).with(as(admin())))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"import-form\""),
                                containsString(w.customer().name()),
                                containsString("id=\"organizations-pager\""))));
        mvc.perform(get("/systems").with(as(user(w.provider().id()))))
                .andExpect(content()
                        .string(allOf(
                                containsString(w.system().name()),
                                not(containsString(w.strangersSystem().name())),
                                not(containsString("id=\"import-form\"")))));
    }

    @Test
    void uploadFormImportsOrReportsEveryBadLine() throws Exception {
        String good = "name,creditCode,region,roles\n上传单位,%s,北京,CUSTOMER\n".formatted(newCreditCode());
        mvc.perform(multipart("/organizations/import")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", good.getBytes(UTF_8)))
                        .with(as(admin())))
                .andExpect(redirectedUrl("/organizations"))
                .andExpect(flash().attributeExists("importMessage"));
        String bad = "name,creditCode,region,roles\n,%s,北京,CUSTOMER\nx,1,北京,CUSTOMER\n".formatted(newCreditCode());
        mvc.perform(multipart("/organizations/import")
                        .file(new MockMultipartFile("file", "b.csv", "text/csv", bad.getBytes(UTF_8)))
                        .with(as(admin())))
                .andExpect(redirectedUrl("/organizations"))
                .andExpect(flash().attribute("importErrors", org.hamcrest.Matchers.hasSize(2)));
    }
}
