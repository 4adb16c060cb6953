package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.newCreditCode;
import static org.yunjian.party.PartyTestSupport.other;
import static org.yunjian.party.PartyTestSupport.user;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.catalog.PartyRole;
import org.yunjian.security.Role;
import org.yunjian.support.IfMatch;

@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class OrganizationApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    long organizations() {
        return jdbc.sql("SELECT COUNT(*) FROM organization").query(Long.class).single();
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void systemAdministratorCreatesAnOrganisation() throws Exception {
        String code = newCreditCode();
        mvc.perform(json(post("/api/organizations"), """
                        {"name":"某市大数据局","creditCode":"%s","region":"福建省福州市","roles":["CUSTOMER"]}""".formatted(code)).with(as(admin())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern(".*/api/organizations/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.creditCode").value(code))
                .andExpect(jsonPath("$.roles[0]").value("CUSTOMER"));
    }

    @Test
    void rejectsAWrongCheckCharacterNamingTheExpectedOneAndStoresNothing() throws Exception {
        long before = organizations();
        mvc.perform(json(post("/api/organizations").param("lang", "en"), """
                        {"name":"X","creditCode":"91350100M000100Y44","region":"福州","roles":["CUSTOMER"]}""").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.creditCode").value(containsString("expected 3")));
        mvc.perform(json(post("/api/organizations"), """
                        {"name":"X","creditCode":"91350100I000100Y43","region":"福州","roles":["CUSTOMER"]}""").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.creditCode").value(containsString("第 9 位")));
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void reportsEveryBadFieldAtOnce() throws Exception {
        long before = organizations();
        mvc.perform(json(post("/api/organizations").param("lang", "en"), """
                        {"name":"%s","creditCode":"123","roles":["CUSTOMER","LANDLORD"]}""".formatted("名".repeat(201)))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value(containsString("at most 200")))
                .andExpect(jsonPath("$.errors.creditCode").value(containsString("18 characters")))
                .andExpect(jsonPath("$.errors.region").value("is required"))
                .andExpect(jsonPath("$.errors.roles").value(containsString("LANDLORD")));
        mvc.perform(json(post("/api/organizations"), "{}").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.creditCode").exists())
                .andExpect(jsonPath("$.errors.region").exists())
                .andExpect(jsonPath("$.errors.roles").exists());
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void rejectsADuplicateCreditCode() throws Exception {
        Organization o = fixtures.organization("已登记", PartyRole.CUSTOMER);
        mvc.perform(json(post("/api/organizations"), """
                        {"name":"另一家","creditCode":"%s","region":"北京","roles":["PROVIDER"]}""".formatted(
                                        o.creditCode().value().toLowerCase()))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.creditCode").value("该统一社会信用代码已登记"));
    }

    @Test
    void businessUserCannotCreateChangeOrDeleteOrganisations() throws Exception {
        Organization own = fixtures.organization("本单位", PartyRole.CUSTOMER);
        long before = organizations();
        String body = """
                {"name":"新组织","creditCode":"%s","region":"北京","roles":["CUSTOMER"]}""".formatted(newCreditCode());
        mvc.perform(json(post("/api/organizations"), body).with(as(user(own.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(json(put("/api/organizations/" + own.id()), body).with(as(user(own.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/organizations/" + own.id()).with(as(user(own.id()))))
                .andExpect(status().isForbidden());
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void businessUserSeesItsOwnOrganisationButNotAnUnrelatedOne() throws Exception {
        Organization own = fixtures.organization("本单位", PartyRole.CUSTOMER);
        Organization unrelated = fixtures.organization("无关单位", PartyRole.PROVIDER);
        mvc.perform(get("/api/organizations/" + own.id()).with(as(user(own.id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("本单位"));
        mvc.perform(get("/api/organizations/" + unrelated.id()).with(as(user(own.id()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/organizations").with(as(user(own.id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("本单位"));
    }

    @Test
    void securityAndAuditAdministratorsHaveNoAccess() throws Exception {
        for (Role r : new Role[] {Role.SECURITY_ADMIN, Role.AUDIT_ADMIN}) {
            mvc.perform(get("/api/organizations").with(as(other(r)))).andExpect(status().isForbidden());
            mvc.perform(json(post("/api/organizations"), "{}").with(as(other(r))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anonymousCallersAreUnauthorised() throws Exception {
        mvc.perform(get("/api/organizations")).andExpect(status().isUnauthorized());
    }

    @Test
    void systemAdministratorUpdatesAndDeletesAnOrganisation() throws Exception {
        Organization o = fixtures.organization("旧名", PartyRole.PROVIDER);
        mvc.perform(json(put("/api/organizations/" + o.id()), """
                        {"name":"新名","creditCode":"%s","region":"上海","roles":["PROVIDER","PARTNER_SOFTWARE"]}""".formatted(o.creditCode()))
                        .with(as(admin()))
                        .with(IfMatch.current(jdbc, "organization", o.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("新名"))
                .andExpect(jsonPath("$.roles.length()").value(2));
        mvc.perform(delete("/api/organizations/" + o.id()).with(as(admin()))).andExpect(status().isNoContent());
        mvc.perform(get("/api/organizations/" + o.id()).with(as(admin()))).andExpect(status().isNotFound());
    }

    @Test
    void refusesToDeleteAnOrganisationThatIsStillAParty() throws Exception {
        Organization customer = fixtures.organization("有系统的客户", PartyRole.CUSTOMER);
        fixtures.system("系统", customer, null);
        mvc.perform(delete("/api/organizations/" + customer.id()).with(as(admin())))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/organizations/" + customer.id()).with(as(admin())))
                .andExpect(status().isOk());
    }

    @Test
    void cannotDropARoleTheOrganisationStillPlays() throws Exception {
        Organization customer = fixtures.organization("在用客户", PartyRole.CUSTOMER);
        fixtures.system("在用系统", customer, null);
        mvc.perform(json(put("/api/organizations/" + customer.id()).param("lang", "en"), """
                        {"name":"在用客户","creditCode":"%s","region":"北京","roles":["PROVIDER"]}""".formatted(
                                        customer.creditCode()))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.roles").value(containsString("CUSTOMER")));
    }

    @Test
    void rejectsLineBreaksAndControlCharactersInNames() throws Exception {
        mvc.perform(json(post("/api/organizations").param("lang", "en"), """
                        {"name":"伪造\\n日志行","creditCode":"%s","region":"北\\u0007京","roles":["CUSTOMER"]}""".formatted(newCreditCode()))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.region")
                        .value("region contains a control character (U+0007) at position 2"));
        mvc.perform(json(post("/api/organizations").param("lang", "en"), """
                        {"name":"伪造\\n日志行","creditCode":"%s","region":"北京","roles":["CUSTOMER"]}""".formatted(newCreditCode()))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value(containsString("single line")))
                .andExpect(jsonPath("$.errors.name").value(containsString("U+000A")));
    }
}
