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
}
