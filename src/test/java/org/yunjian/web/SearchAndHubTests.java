package org.yunjian.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.other;
import static org.yunjian.party.PartyTestSupport.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;
import org.yunjian.security.Role;

/**
 * Issue 11: the global search finds only what the caller may see, in the page and in REST; a cloud system's page is
 * its hub, with the sections other modules contribute.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class SearchAndHubTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.yunjian.security.OrganizationAdministration accounts;

    Fixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world();
    }

    @Test
    void aPartyFindsItsSystemAndNeverAnotherPartysSystem() throws Exception {
        String tag = w.system().name().substring(w.system().name().indexOf(' ') + 1);
        mvc.perform(get("/api/search").param("q", tag).with(as(user(w.provider().id()))))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.systems[*].title").value(hasItem(w.system().name())))
                .andExpect(jsonPath("$.systems[*].title")
                        .value(not(hasItem(w.strangersSystem().name()))));
        mvc.perform(get("/api/search").param("q", tag).with(as(user(w.stranger().id()))))
                .andExpect(jsonPath("$.systems[*].title")
                        .value(hasItem(w.strangersSystem().name())))
                .andExpect(jsonPath("$.systems[*].title")
                        .value(not(hasItem(w.system().name()))));
        mvc.perform(get("/search").param("q", tag).with(as(user(w.stranger().id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(w.strangersSystem().name())))
                .andExpect(content().string(not(containsString(w.system().name()))));
    }

    @Test
    void requirementsAreFoundByEveryoneAndAdministratorsWithoutPartiesFindNoSystems() throws Exception {
        mvc.perform(get("/api/search").param("q", "退出").with(as(other(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.systems").value(empty()))
                .andExpect(jsonPath("$.assessments").value(empty()))
                .andExpect(jsonPath("$.requirements[0].href").value(containsString("/catalog/requirements/")));
        mvc.perform(get("/api/search").param("q", w.system().name()).with(as(admin())))
                .andExpect(
                        jsonPath("$.systems[*].title").value(hasItem(w.system().name())));
    }

    @Test
    void anEmptySearchSaysWhatToEnterAndAnUnmatchedOneSaysNothingWasFound() throws Exception {
        mvc.perform(get("/search").with(as(user(w.customer().id()))))
                .andExpect(content().string(containsString("id=\"search-hint\"")));
        mvc.perform(get("/search")
                        .param("q", "zzqqxx-无此名称")
                        .with(as(user(w.customer().id()))))
                .andExpect(content().string(containsString("id=\"search-empty\"")));
        mvc.perform(get("/api/search")
                        .param("q", "x".repeat(201))
                        .with(as(user(w.customer().id())))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q").value(containsString("at most 200")));
    }

    @Test
    void aFoundAssessmentShowsItsStatusByNameAndAnUntitledRequirementIsALinkWithWords() throws Exception {
        String name = "搜索测评 " + w.system().name();
        mvc.perform(post("/api/assessments")
                        .with(as(user(w.customer().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","systemId":"%s","assessorOrgId":"%s","assessorKind":"CUSTOMER_SELF",
                                 "scope":["MLPS-L3"]}""".formatted(
                                        name, w.system().id(), w.customer().id())))
                .andExpect(status().isCreated());
        mvc.perform(get("/search").param("q", name).with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(name + "</a> <span class=\"muted\">"
                                + w.system().name() + " · 草稿</span>")))
                .andExpect(content().string(not(containsString("assessment.status."))));
        // GOVWEB-6.3.4.2-1 has no title in the guide: its link reads as the opening of its text, never empty
        mvc.perform(get("/search").param("q", "门户").with(as(user(w.customer().id()))))
                .andExpect(content().string(containsString("href=\"/catalog/requirements/GOVWEB-6.3.4.2-1\"")))
                .andExpect(r -> org.assertj.core.api.Assertions.assertThat(
                                r.getResponse().getContentAsString())
                        .doesNotContainPattern("GOVWEB-6\\.3\\.4\\.2-1\"[^>]*></a>"));
    }

    @Test
    void theSystemPageShowsTheContributedSectionsWithTheirEmptyStates() throws Exception {
        mvc.perform(get("/systems/" + w.system().id()).with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"hub-assessment.hub.title\"")))
                .andExpect(content().string(containsString("此云系统还没有您可查看的测评。")))
                .andExpect(content().string(containsString("id=\"hub-exitproject.hub.title\"")))
                .andExpect(content().string(containsString("此云系统还没有您可查看的退出项目。")));
    }

    @Test
    void aPersonIsFoundByDisplayNameByColleaguesAndNeverAcrossOrganisations() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        String colleague = person(w.customer().id(), "搜索同事" + tag);
        String outsider = person(w.stranger().id(), "搜索外人" + tag);
        mvc.perform(get("/api/search").param("q", tag).with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people[*].title").value(hasItem("搜索同事" + tag)))
                .andExpect(jsonPath("$.people[*].note").value(hasItem(colleague)))
                .andExpect(jsonPath("$.people[*].title").value(not(hasItem("搜索外人" + tag))))
                .andExpect(jsonPath("$.people[0].href")
                        .value("/organizations/" + w.customer().id()))
                .andExpect(jsonPath("$.peopleTotal").value(1));
        // a party to the customer's system is still another organisation: its people are not the customer's colleagues
        mvc.perform(get("/api/search")
                        .param("q", "搜索同事" + tag)
                        .with(as(user(w.provider().id()))))
                .andExpect(jsonPath("$.people").value(empty()));
        mvc.perform(get("/search").param("q", tag).with(as(user(w.stranger().id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"search-people\"")))
                .andExpect(content().string(containsString("搜索外人" + tag)))
                .andExpect(content().string(not(containsString("搜索同事" + tag))))
                .andExpect(content().string(not(containsString(colleague))));
        // the security administrator, who manages accounts, finds anyone and lands on the account
        mvc.perform(get("/api/search").param("q", tag).with(as(other(Role.SECURITY_ADMIN))))
                .andExpect(jsonPath("$.people[*].title").value(hasItem("搜索外人" + tag)))
                .andExpect(jsonPath("$.people[*].href").value(hasItem(containsString("/admin/users/"))));
        org.assertj.core.api.Assertions.assertThat(outsider).isNotBlank();
    }

    @Test
    void anExitProjectIsFoundByNameByTheSystemsPartiesAndNotByAnotherOrganisation() throws Exception {
        String name = "搜索退出 " + w.system().name();
        String created = mvc.perform(post("/api/exit-projects")
                        .with(as(user(w.customer().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","systemId":"%s"}""".formatted(name, w.system().id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(created, "$.id");
        mvc.perform(get("/api/search")
                        .param("q", name)
                        .with(as(user(w.provider().id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.exitProjects[0].title").value(name))
                .andExpect(jsonPath("$.exitProjects[0].href").value("/exit-projects/" + id))
                .andExpect(jsonPath("$.exitProjects[0].note").value("规划"))
                .andExpect(jsonPath("$.exitProjectsTotal").value(1));
        mvc.perform(get("/api/search")
                        .param("q", name)
                        .with(as(user(w.stranger().id()))))
                .andExpect(jsonPath("$.exitProjects").value(empty()))
                .andExpect(jsonPath("$.exitProjectsTotal").value(0));
        // the page names the status in words, not its code
        mvc.perform(get("/search").param("q", name).with(as(user(w.customer().id()))))
                .andExpect(content().string(containsString("id=\"search-exitProjects\"")))
                .andExpect(content().string(not(containsString("PLANNING"))));
    }

    @Test
    void aBadPageIsRefusedNamingTheFieldInRestAndShownOnThePage() throws Exception {
        mvc.perform(get("/api/search")
                        .param("q", "测评")
                        .param("page", "x")
                        .with(as(user(w.customer().id())))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page").exists());
        mvc.perform(get("/search")
                        .param("q", "测评")
                        .param("page", "0")
                        .with(as(user(w.customer().id()))))
                // a page shows the form again with the field's problem (PageRefusal), never an error page
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"search-page-error\"")));
    }

    private String person(java.util.UUID org, String displayName) {
        String username = "gs" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.createInvited(username, displayName, "Search-Pass-2026!", org, false, "test");
        return username;
    }
}
