package org.yunjian.inheritance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.PlatformWorld;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.inheritance.web.TestForms;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/** The inherited-items parts of the assessment pages: responsible column, sources, bulk inherit, item page lock. */
@org.yunjian.support.OnePass
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class InheritancePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    Organization customer;
    Organization provider;
    Organization assessorOrg;
    CloudSystem system;
    CloudSystem platform;
    CurrentUser assessor;
    CurrentUser providerUser;

    @BeforeEach
    void world() {
        PlatformWorld world = PlatformWorld.create(fixtures);
        customer = world.customer();
        provider = world.provider();
        assessorOrg = world.assessorOrg();
        system = world.system();
        platform = world.platform();
        assessor = user(assessorOrg.id());
        providerUser = user(provider.id());
    }

    String create(CurrentUser who, CloudSystem s, Organization org, String kind) throws Exception {
        String body = mvc.perform(post("/api/assessments")
                        .with(as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"页面测评 %s","systemId":"%s","assessorOrgId":"%s","assessorKind":"%s",
                                 "scope":["MLPS-L3"]}""".formatted(s.name(), s.id(), org.id(), kind)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    void move(CurrentUser who, String id, String to) throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\"}"))
                .andExpect(status().isOk());
    }

    List<String> platformItems(CurrentUser who, String id) throws Exception {
        return JsonPath.read(AssessmentItems.json(mvc, id, as(who), "side", "CLOUD_PLATFORM"), "$[*].id");
    }

    @Test
    void assessorInheritsAllPlatformItemsFromThePagesAfterConfirmingAndWithdrawsOneOnItsPage() throws Exception {
        String source = create(providerUser, platform, provider, "CUSTOMER_SELF");
        move(providerUser, source, "IN_PROGRESS");
        for (String item : platformItems(providerUser, source)) {
            mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                            .with(IfMatch.item(jdbc, item))
                            .with(as(providerUser))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"verdict\":\"COMPLIANT\"}"))
                    .andExpect(status().isOk());
        }
        SignOffFixture.complete(mvc, users, jdbc, source, providerUser);
        String id = create(assessor, system, assessorOrg, "THIRD_PARTY");
        move(assessor, id, "IN_PROGRESS");

        mvc.perform(get("/assessments/{id}", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"inheritance-title\"")))
                .andExpect(content().string(Matchers.containsString("data-source=\"" + source + "\"")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "class=\"item-responsible\" data-verbatim>" + provider.name() + "<")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "class=\"item-responsible\" data-verbatim>" + customer.name() + "<")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("item-inherited"))));
        // without the confirmation nothing happens
        mvc.perform(post("/assessments/{id}/inheritance", id)
                        .with(as(assessor))
                        .param("source", source)
                        .with(IfMatch.formField(jdbc, "assessment", id)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("conflict", Matchers.containsString("确认")));
        mvc.perform(get("/assessments/{id}", id).with(as(assessor)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("item-inherited"))));
        mvc.perform(post("/assessments/{id}/inheritance", id)
                        .with(as(assessor))
                        .param("source", source)
                        .param("confirm", "true")
                        .with(IfMatch.formField(jdbc, "assessment", id)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "inheritResult",
                                Matchers.startsWith(
                                        "已继承 " + platformItems(assessor, id).size() + " 项")));
        mvc.perform(get("/assessments/{id}", id).with(as(assessor)))
                .andExpect(content().string(Matchers.containsString("item-inherited")))
                .andExpect(content().string(Matchers.containsString("id=\"withdraw-all\"")));

        String item = platformItems(assessor, id).get(0);
        mvc.perform(get("/assessment-items/{id}", item).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"inherited-from\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"source-item\""))))
                .andExpect(content().string(Matchers.containsString("id=\"withdraw-form\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"verdict-form\""))));
        // the provider, who may open its platform assessment, gets the link to the source item
        mvc.perform(get("/assessment-items/{id}", item).with(as(providerUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"source-item\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"withdraw-form\""))));
        // recording a verdict from the page is refused while inherited
        mvc.perform(post("/assessment-items/{id}/verdict", item)
                        .with(IfMatch.itemForm(jdbc, item))
                        .with(as(assessor))
                        .param("verdict", "COMPLIANT"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("conflict", Matchers.containsString("撤回继承")));
        mvc.perform(post("/assessment-items/{id}/inheritance/withdraw", item)
                        .with(as(assessor))
                        .with(IfMatch.itemForm(jdbc, item)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/assessment-items/{id}", item).with(as(assessor)))
                .andExpect(content().string(Matchers.containsString("id=\"verdict-form\"")))
                .andExpect(content().string(Matchers.containsString("id=\"inherit-form\"")));
        // a customer-system item offers no inheritance and says why
        String customerItem = JsonPath.<List<String>>read(
                        AssessmentItems.json(mvc, id, as(assessor), "side", "CUSTOMER_SYSTEM"), "$[*].id")
                .get(0);
        mvc.perform(get("/assessment-items/{id}", customerItem).with(as(assessor)))
                .andExpect(content().string(Matchers.containsString("id=\"not-inheritable\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"inherit-form\""))));
    }

    @Test
    void anIncompleteExternalConclusionComesBackWithTheProblemsNamed() throws Exception {
        String id = create(assessor, system, assessorOrg, "THIRD_PARTY");
        mvc.perform(multipart("/assessments/{id}/external-conclusions", id)
                        .with(as(assessor))
                        .param("reportNumber", "")
                        .param("assessorName", "某中心")
                        .param("concludedOn", "不是日期")
                        .param("verdict", "COMPLIANT"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", Matchers.hasKey("concludedOn")))
                .andExpect(flash().attribute("errorsIn", "conclusion"));
        mvc.perform(multipart("/assessments/{id}/external-conclusions", id)
                        .with(as(assessor))
                        .param("reportNumber", "")
                        .param("assessorName", "某中心")
                        .param("concludedOn", "2026-10-01")
                        .param("verdict", "COMPLIANT"))
                .andExpect(flash().attribute("errors", Matchers.hasKey("reportNumber")))
                .andExpect(flash().attributeExists("conclusionInput"));
        // the page shows the problems next to the fields, with what was typed
        mvc.perform(get("/assessments/{id}", id)
                        .with(as(assessor))
                        .flashAttr("errors", java.util.Map.of("reportNumber", "必填"))
                        .flashAttr("errorsIn", "conclusion")
                        .flashAttr("conclusionInput", new TestForms().conclusion("某中心")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reportNumber-error\">必填<")))
                .andExpect(content().string(Matchers.containsString("value=\"某中心\"")));
        // another organisation's user cannot record one
        mvc.perform(multipart("/assessments/{id}/external-conclusions", id)
                        .with(as(user(customer.id())))
                        .param("reportNumber", "X")
                        .param("assessorName", "某中心")
                        .param("concludedOn", "2026-10-01")
                        .param("verdict", "COMPLIANT"))
                .andExpect(status().isForbidden());
    }
}
