package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.OrganizationApiTests.json;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.PartyRole;
import org.yunjian.support.IfMatch;

@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class EngagementApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world();
    }

    long engagements() {
        return jdbc.sql("SELECT COUNT(*) FROM engagement").query(Long.class).single();
    }

    String body(Object systemId, Object orgId, String role) {
        return """
                {"name":"迁移上云","systemId":"%s","phase":"MIGRATION","description":"第二期",
                 "participants":[{"organizationId":"%s","role":"%s"}]}""".formatted(systemId, orgId, role);
    }

    @Test
    void customerCreatesAnEngagementOnItsSystem() throws Exception {
        mvc.perform(json(
                                post("/api/engagements"),
                                body(w.system().id(), w.provider().id(), "PROVIDER"))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.phase").value("MIGRATION"))
                .andExpect(jsonPath("$.systemName").value(w.system().name()))
                .andExpect(jsonPath("$.participants[0].organizationName")
                        .value(w.provider().name()));
    }

    @Test
    void participantMustHoldTheRoleItPlays() throws Exception {
        long before = engagements();
        mvc.perform(json(
                                post("/api/engagements").param("lang", "en"),
                                body(w.system().id(), w.agent().id(), "THIRD_PARTY_ASSESSOR"))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['participants[0].organizationId']")
                        .value(containsString("does not hold the role “Third-party assessment organization”")));
        mvc.perform(json(post("/api/engagements"), """
                        {"name":"","systemId":"x","phase":"LATER","participants":[{"organizationId":"%s","role":"BOSS"}]}""".formatted(w.agent().id()))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.systemId").exists())
                .andExpect(jsonPath("$.errors.phase").exists())
                .andExpect(jsonPath("$.errors['participants[0].role']").exists());
        assertThat(engagements()).isEqualTo(before);
    }

    @Test
    void userWhoOnlySeesASystemCannotStartEngagementsOnIt() throws Exception {
        long before = engagements();
        mvc.perform(json(
                                post("/api/engagements"),
                                body(w.system().id(), w.provider().id(), "PROVIDER"))
                        .with(as(user(w.provider().id()))))
                .andExpect(status().isForbidden());
        mvc.perform(json(
                                post("/api/engagements"),
                                body(w.system().id(), w.provider().id(), "PROVIDER"))
                        .with(as(user(w.stranger().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.systemId").exists());
        assertThat(engagements()).isEqualTo(before);
    }

    @Test
    void participantReadsButCannotChangeTheEngagement() throws Exception {
        String url = "/api/engagements/" + w.engagement().id();
        mvc.perform(get(url).with(as(user(w.assessor().id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(w.engagement().name()));
        mvc.perform(json(put(url), body(w.system().id(), w.assessor().id(), "THIRD_PARTY_ASSESSOR"))
                        .with(as(user(w.assessor().id()))))
                .andExpect(status().isForbidden());
        mvc.perform(delete(url).with(as(user(w.assessor().id())))).andExpect(status().isForbidden());
    }

    @Test
    void nonParticipantsDoNotSeeTheEngagement() throws Exception {
        String url = "/api/engagements/" + w.engagement().id();
        mvc.perform(get(url).with(as(user(w.provider().id())))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
        mvc.perform(delete(url).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
        mvc.perform(get("/api/engagements").with(as(user(w.stranger().id()))))
                .andExpect(jsonPath("$.items[?(@.id == '" + w.engagement().id() + "')]")
                        .isEmpty())
                .andExpect(jsonPath("$.total").isNumber());
    }

    @Test
    void customerUpdatesAndDeletesTheEngagement() throws Exception {
        String url = "/api/engagements/" + w.engagement().id();
        mvc.perform(json(put(url), body(w.system().id(), w.assessor().id(), "THIRD_PARTY_ASSESSOR"))
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.current(jdbc, "engagement", w.engagement().id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("迁移上云"));
        mvc.perform(delete(url).with(as(user(w.customer().id())))).andExpect(status().isNoContent());
        mvc.perform(get(url).with(as(admin()))).andExpect(status().isNotFound());
    }

    @Test
    void customerCannotNameAnOrganisationItCannotSeeAsParticipant() throws Exception {
        Organization hidden = fixtures.organization("隐藏客户 " + java.util.UUID.randomUUID(), PartyRole.CUSTOMER);
        java.util.UUID unknown = java.util.UUID.randomUUID();
        long before = engagements();
        long participants = jdbc.sql("SELECT COUNT(*) FROM engagement_participant WHERE organization_id = :o")
                .param("o", hidden.id())
                .query(Long.class)
                .single();
        String hiddenAnswer = mvc.perform(json(
                                post("/api/engagements").param("lang", "en"),
                                body(w.system().id(), hidden.id(), "CUSTOMER"))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['participants[0].organizationId']")
                        .value("no such organisation: " + hidden.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknownAnswer = mvc.perform(json(
                                post("/api/engagements").param("lang", "en"),
                                body(w.system().id(), unknown, "CUSTOMER"))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(hiddenAnswer.replace(hidden.id().toString(), "ID"))
                .isEqualTo(unknownAnswer.replace(unknown.toString(), "ID"));
        // under a role it lacks, too: its name must not leak through the "does not hold the role" message
        mvc.perform(json(
                                put("/api/engagements/" + w.engagement().id()).param("lang", "en"),
                                body(w.system().id(), hidden.id(), "THIRD_PARTY_ASSESSOR"))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString(hidden.name()))))
                .andExpect(jsonPath("$.errors['participants[0].organizationId']")
                        .value("no such organisation: " + hidden.id()));
        assertThat(engagements()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engagement_participant WHERE organization_id = :o")
                        .param("o", hidden.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(participants);
        // a system administrator still can
        mvc.perform(json(post("/api/engagements"), body(w.system().id(), hidden.id(), "CUSTOMER"))
                        .with(as(admin())))
                .andExpect(status().isCreated());
    }

    @Test
    void customerCannotNameAnOrganisationItCannotSeeAsAgentOfItsSystem() throws Exception {
        Organization hidden = fixtures.organization("隐藏客户 " + java.util.UUID.randomUUID(), PartyRole.CUSTOMER);
        mvc.perform(json(post("/api/systems").param("lang", "en"), """
                        {"name":"自建系统","protectionLevel":"3","deploymentModel":"PUBLIC","serviceModel":"IAAS",
                         "industry":"GOVERNMENT_WEBSITE","dataClassification":"IMPORTANT","regions":["北京"],
                         "providerId":"%s"}""".formatted(hidden.id()))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString(hidden.name()))))
                .andExpect(content().string(containsString("no such organisation: " + hidden.id())));
    }
}
