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
import static org.yunjian.party.PartyTestSupport.other;
import static org.yunjian.party.PartyTestSupport.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.security.Role;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.support.IfMatch;

@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@RecordApplicationEvents
@Tag("database")
@org.yunjian.support.OnePass
class SystemApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    Fixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world();
    }

    long systems() {
        return jdbc.sql("SELECT COUNT(*) FROM cloud_system").query(Long.class).single();
    }

    String body(Object customerId) {
        return """
                {"name":"政务云门户","customerId":%s,"protectionLevel":3,"deploymentModel":"PUBLIC","serviceModel":"IAAS",
                 "industry":"GOVERNMENT_WEBSITE","dataClassification":"IMPORTANT","regions":["北京"],"providerId":null,
                 "agents":[]}""".formatted(customerId == null ? "null" : "\"" + customerId + "\"");
    }

    @Test
    void systemAdministratorCreatesASystemWithTheDocumentedContract() throws Exception {
        mvc.perform(json(post("/api/systems"), body(w.customer().id())).with(as(admin())))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.name").value("政务云门户"))
                .andExpect(jsonPath("$.customerId").value(w.customer().id().toString()))
                .andExpect(jsonPath("$.customerName").value(w.customer().name()))
                .andExpect(jsonPath("$.protectionLevel").value(3))
                .andExpect(jsonPath("$.dataClassification").value("IMPORTANT"))
                .andExpect(jsonPath("$.regions[0]").value("北京"));
    }

    @Test
    void customerUserCreatesASystemForItsOwnOrganisationByDefault() throws Exception {
        mvc.perform(json(post("/api/systems"), body(null))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.customerId").value(w.customer().id().toString()));
    }

    @Test
    void businessUserCannotCreateASystemForAnotherOrganisation() throws Exception {
        long before = systems();
        mvc.perform(json(post("/api/systems"), body(w.stranger().id()))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.customerId").exists());
        assertThat(systems()).isEqualTo(before);
    }

    @Test
    void organisationWithoutTheCustomerRoleCannotOwnASystem() throws Exception {
        mvc.perform(json(post("/api/systems"), body(w.provider().id())).with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.customerId").value(containsString("“云服务客户”")));
        mvc.perform(json(post("/api/systems"), body(null))
                        .with(as(user(w.provider().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.customerId").value(containsString("“云服务客户”")));
    }

    @Test
    void rejectsBadInputFieldByFieldAndStoresNothing() throws Exception {
        long before = systems();
        mvc.perform(json(post("/api/systems").param("lang", "en"), """
                        {"name":"%s","customerId":"not-a-uuid","protectionLevel":"5","deploymentModel":"MOON",
                         "serviceModel":"XAAS","dataClassification":"SECRET",
                         "regions":["1","2","3","4","5","6","7","8","9","10","11"],
                         "providerId":"%s","agents":[{"organizationId":"%s","role":"CUSTOMER"}]}""".formatted(
                                "x".repeat(201), w.customer().id(), w.agent().id()))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value(containsString("at most 200")))
                .andExpect(jsonPath("$.errors.customerId").value(containsString("not a valid identifier")))
                .andExpect(jsonPath("$.errors.protectionLevel").value(containsString("\"5\"")))
                .andExpect(jsonPath("$.errors.deploymentModel").value(containsString("MOON")))
                .andExpect(jsonPath("$.errors.serviceModel").value(containsString("IAAS, PAAS, SAAS")))
                .andExpect(jsonPath("$.errors.industry").value("is required"))
                .andExpect(jsonPath("$.errors.dataClassification").value(containsString("SECRET")))
                .andExpect(jsonPath("$.errors.regions").value(containsString("has 11")))
                .andExpect(jsonPath("$.errors.providerId").value(containsString("“Cloud service provider”")))
                .andExpect(jsonPath("$.errors['agents[0].role']").value(containsString("agent role")));
        mvc.perform(json(
                                post("/api/systems"),
                                body(w.customer().id()).replace("\"protectionLevel\":3", "\"protectionLevel\":5"))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.protectionLevel").exists());
        mvc.perform(json(post("/api/systems"), "{}").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.customerId").exists())
                .andExpect(jsonPath("$.errors.regions").exists());
        assertThat(systems()).isEqualTo(before);
    }

    @Test
    void providerAndAgentReadTheSystemButCannotChangeIt() throws Exception {
        String url = "/api/systems/" + w.system().id();
        for (Organization o : new Organization[] {w.provider(), w.agent(), w.assessor()}) {
            mvc.perform(get(url).with(as(user(o.id())))).andExpect(status().isOk());
            mvc.perform(json(put(url), body(w.customer().id())).with(as(user(o.id()))))
                    .andExpect(status().isForbidden());
            mvc.perform(delete(url).with(as(user(o.id())))).andExpect(status().isForbidden());
        }
        assertThat(events.stream(AuditableEvent.class)
                        .filter(e -> e.outcome() == AuditableEvent.Outcome.DENIED
                                && e.action().equals("system.update")))
                .isNotEmpty();
        mvc.perform(get(url).with(as(user(w.customer().id()))))
                .andExpect(jsonPath("$.name").value(w.system().name()));
    }

    @Test
    void unrelatedUserGetsNotFound() throws Exception {
        String url = "/api/systems/" + w.system().id();
        mvc.perform(get(url).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
        mvc.perform(json(put(url), body(null)).with(as(user(w.stranger().id()))))
                .andExpect(status().isNotFound());
        mvc.perform(delete(url).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
        mvc.perform(get(url + "/private-notes").with(as(user(w.stranger().id()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void customerUpdatesAndDeletesItsSystem() throws Exception {
        CloudSystem s = fixtures.system("待删除", w.customer(), null);
        String url = "/api/systems/" + s.id();
        mvc.perform(json(put(url), body(null).replace("政务云门户", "改名后"))
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("改名后"));
        mvc.perform(delete(url).with(as(user(w.customer().id())))).andExpect(status().isNoContent());
        mvc.perform(get(url).with(as(admin()))).andExpect(status().isNotFound());
    }

    @Test
    void systemWithEngagementsCannotBeDeleted() throws Exception {
        mvc.perform(delete("/api/systems/" + w.system().id()).with(as(admin()))).andExpect(status().isConflict());
    }

    @Test
    void privateNotesAreForTheCustomerOnly() throws Exception {
        String url = "/api/systems/" + w.system().id() + "/private-notes";
        mvc.perform(json(put(url), "{\"notes\":\"采购预算 120 万，不对服务商公开\"}")
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk());
        mvc.perform(get(url).with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value("采购预算 120 万，不对服务商公开"));
        for (Organization o : new Organization[] {w.provider(), w.agent(), w.assessor()}) {
            mvc.perform(get(url).with(as(user(o.id())))).andExpect(status().isForbidden());
            mvc.perform(json(put(url), "{\"notes\":\"x\"}").with(as(user(o.id()))))
                    .andExpect(status().isForbidden());
        }
        for (var u :
                new org.yunjian.security.CurrentUser[] {admin(), other(Role.SECURITY_ADMIN), other(Role.AUDIT_ADMIN)}) {
            mvc.perform(get(url).with(as(u))).andExpect(status().isForbidden());
            mvc.perform(json(put(url), "{\"notes\":\"x\"}").with(as(u))).andExpect(status().isForbidden());
        }
        mvc.perform(get(url).with(as(user(w.customer().id()))))
                .andExpect(jsonPath("$.notes").value("采购预算 120 万，不对服务商公开"));
        mvc.perform(get("/api/systems/" + w.system().id())
                        .with(as(user(w.customer().id()))))
                .andExpect(content().string(not(containsString("采购预算"))));
        mvc.perform(get("/api/systems").with(as(admin()))).andExpect(content().string(not(containsString("采购预算"))));
        assertThat(events.stream(AuditableEvent.class).filter(e -> e.action().startsWith("system.private-notes")))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain("采购预算"))
                .anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditableEvent.Outcome.DENIED))
                .filteredOn(e -> e.outcome() == AuditableEvent.Outcome.SUCCESS)
                .as("an auditor reads a sentence in the bundles' words, not a code like present or length=16")
                .allSatisfy(e -> assertThat(org.yunjian.shared.Msg.isEncoded(e.detail()))
                        .as(e.detail())
                        .isTrue())
                // rendered as the audit page renders them: decoded from the stored text (arguments come back as text)
                .extracting(e -> org.yunjian.shared.Texts.render(
                        org.yunjian.shared.Msg.decode(e.detail()), org.yunjian.shared.Texts.CHINESE))
                .contains("保存私密备注，共 18 个字符（内容不记入审计日志）", "查看了已有的私密备注（内容不记入审计日志）");
    }

    @Test
    void privateNotesHaveALimit() throws Exception {
        String url = "/api/systems/" + w.system().id() + "/private-notes";
        mvc.perform(json(put(url), "{\"notes\":\"" + "字".repeat(4001) + "\"}")
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.notes").exists());
    }

    @Test
    void securityAndAuditAdministratorsHaveNoAccess() throws Exception {
        for (Role r : new Role[] {Role.SECURITY_ADMIN, Role.AUDIT_ADMIN}) {
            mvc.perform(get("/api/systems").with(as(other(r)))).andExpect(status().isForbidden());
            mvc.perform(get("/api/systems/" + w.system().id()).with(as(other(r))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.allOf(
                                containsString("/api/systems/{id}/private-notes"),
                                containsString("/api/import/organizations"),
                                containsString("/api/engagements"))));
    }
}
