package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.IfMatch;

/**
 * Issue 59, JR/T 7.3 "受托方未经委托方许可，不得将云服务再进行外包、转包、分包。" (and 7.4.3 for public clouds): the
 * 许可 is the 委托方's. On a fresh system only the customer records the day it permitted the provider to subcontract;
 * the provider stating it on its own agreement — through REST, the matrix page or the command line — is refused with
 * the clause named (403, the reason on the page, exit code 1), audited as denied, and nothing is stored; the provider
 * re-recording its agreement without the day keeps the customer's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class SubcontractConsentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CliRunner cli;

    @Autowired
    UserAdministration users;

    Fixtures.World w;
    Organization security;
    CurrentUser customer;
    CurrentUser provider;
    String base;

    @BeforeEach
    void matrix() throws Exception {
        w = fixtures.world();
        security = fixtures.organization(
                "安全服务商 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.PARTNER_SECURITY_SERVICE);
        fixtures.engagement(
                "云平台运营", w.system(), new Engagement.Participant(security.id(), PartyRole.PARTNER_SECURITY_SERVICE));
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        base = "/api/systems/" + w.system().id() + "/responsibility";
        mvc.perform(post(base).with(as(customer))).andExpect(status().isCreated());
    }

    MockHttpServletRequestBuilder agreement(CurrentUser who, String consent) {
        String day = consent == null ? "" : ",\"customerConsentOn\":\"" + consent + "\"";
        return post(base + "/agreements")
                .with(as(who))
                .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"安全服务协议","partyA":"%s","partyB":"%s","clauses":["4.2"],"signedOn":"2026-01-05"%s}""".formatted(w.provider().id(), security.id(), day));
    }

    int versions() {
        return jdbc.sql("SELECT current_version FROM responsibility_matrix WHERE system_id = ?")
                .param(w.system().id())
                .query(Integer.class)
                .single();
    }

    int deniedAgreementAudits() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE organization_id = ? AND outcome = 'DENIED' "
                        + "AND action IN ('responsibility.agreement.add')")
                .param(w.provider().id())
                .query(Integer.class)
                .single();
    }

    String consentDay() throws Exception {
        String json = mvc.perform(get(base).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.List<String> days =
                com.jayway.jsonpath.JsonPath.read(json, "$.agreements[?(@.name == '安全服务协议')].customerConsentOn");
        return days.isEmpty() ? "none" : String.valueOf(days.get(0));
    }

    @Test
    void providerCannotRecordTheClientsPermissionToSubcontractOnItsOwnAgreement_Jrt73() throws Exception {
        int before = versions();
        // REST: 403 naming JR/T 7.3 in both languages, nothing stored, audited as denied
        mvc.perform(agreement(provider, "2026-01-04"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("只有委托方（本系统的客户）可以登记其对外包、转包、分包的许可")))
                .andExpect(jsonPath("$.detail").value(containsString("JR/T 7.3")));
        mvc.perform(agreement(provider, "2026-01-04").param("lang", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail")
                        .value(containsString(
                                "Only the client (the customer of this system) may record its permission")));
        assertThat(versions()).isEqualTo(before);
        assertThat(deniedAgreementAudits()).isEqualTo(2);

        // the page: the refusal heads the matrix page, nothing stored
        String matrix = "/systems/" + w.system().id() + "/responsibility";
        var flash = mvc.perform(post(matrix + "/agreements")
                        .with(as(provider))
                        .param("name", "安全服务协议")
                        .param("partyA", w.provider().id().toString())
                        .param("partyB", security.id().toString())
                        .param("clauses", "4.2")
                        .param("customerConsentOn", "2026-01-04")
                        .param("version", String.valueOf(versions())))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap();
        String page = mvc.perform(get(matrix).with(as(provider)).flashAttrs(flash))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("只有委托方（本系统的客户）可以登记其对外包、转包、分包的许可");
        assertThat(versions()).isEqualTo(before);
        assertThat(deniedAgreementAudits()).isEqualTo(3);

        // the command line: exit code 1 and the reason
        String name = MatrixCommandsTests.account(users, w.provider().id(), "云服务商");
        StringWriter out = new StringWriter();
        int code = MatrixCommandsTests.run(
                cli,
                out,
                "agreement",
                "--as",
                name,
                "--system",
                w.system().id().toString(),
                "--name",
                "安全服务协议",
                "--party-a",
                w.provider().id().toString(),
                "--party-b",
                security.id().toString(),
                "--consent-on",
                "2026-01-04");
        assertThat(code).as(out.toString()).isNotZero();
        assertThat(out.toString()).contains("Only the client (the customer of this system) may record its permission");
        assertThat(versions()).isEqualTo(before);
        assertThat(consentDay()).isEqualTo("none");
    }

    @Test
    void theClientRecordsItsPermissionOnTheProvidersAgreementAndOnlyTheClient_Jrt73() throws Exception {
        mvc.perform(agreement(provider, null)).andExpect(status().isCreated());
        assertThat(consentDay()).isEqualTo("null");
        int before = versions();
        // the provider recording the client's permission on its own agreement: 403, audited, nothing stored
        mvc.perform(consent(provider, "2026-01-04"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("JR/T 7.3")));
        assertThat(versions()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE organization_id = ? AND outcome = 'DENIED' "
                                + "AND action = 'responsibility.agreement.consent'")
                        .param(w.provider().id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // an agent of the system, nor
        mvc.perform(consent(user(w.agent().id()), "2026-01-04")).andExpect(status().isForbidden());
        // the customer (委托方): a new draft version, audited
        mvc.perform(consent(customer, "2026-01-04"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agreements[0].customerConsentOn").value("2026-01-04"));
        assertThat(consentDay()).isEqualTo("2026-01-04");
        assertThat(versions()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE organization_id = ? AND outcome = 'SUCCESS' "
                                + "AND action = 'responsibility.agreement.consent'")
                        .param(w.customer().id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // an agreement not recorded, a day still to come: 400 naming the field
        mvc.perform(consent(customer, "2999-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.customerConsentOn").exists());
        // the page: the customer sees the form, the provider a note that only the customer records it
        String matrix = "/systems/" + w.system().id() + "/responsibility";
        assertThat(page(matrix, customer)).contains("id=\"record-consent\"", "id=\"agreement-consent\"");
        assertThat(page(matrix, provider))
                .doesNotContain("id=\"record-consent\"", "id=\"agreement-consent\"")
                .contains("委托方对外包、转包、分包的许可只由本系统的客户登记。");
        // the provider posting the page's consent form: the refusal heads the page
        var flash = mvc.perform(post(matrix + "/agreements/consent")
                        .with(as(provider))
                        .param("agreement", "安全服务协议")
                        .param("customerConsentOn", "2026-01-03")
                        .param("version", String.valueOf(versions())))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap();
        assertThat(mvc.perform(get(matrix).with(as(provider)).flashAttrs(flash))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("只有委托方（本系统的客户）可以登记其对外包、转包、分包的许可");
        // the command line: the provider refused, the customer records it
        StringWriter out = new StringWriter();
        String[] args = {
            "consent", "--as", "", "--system", w.system().id().toString(), "--agreement", "安全服务协议", "--on", "2026-01-02"
        };
        args[2] = MatrixCommandsTests.account(users, w.provider().id(), "云服务商");
        assertThat(MatrixCommandsTests.run(cli, out, args)).as(out.toString()).isNotZero();
        assertThat(out.toString()).contains("Only the client (the customer of this system) may record its permission");
        assertThat(consentDay()).isEqualTo("2026-01-04");
        args[2] = MatrixCommandsTests.account(users, w.customer().id(), "客户");
        out.getBuffer().setLength(0);
        assertThat(MatrixCommandsTests.run(cli, out, args)).as(out.toString()).isZero();
        assertThat(consentDay()).isEqualTo("2026-01-02");
    }

    String page(String url, CurrentUser who) throws Exception {
        return mvc.perform(get(url).with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    MockHttpServletRequestBuilder consent(CurrentUser who, String day) {
        return post(base + "/agreements/consent")
                .with(as(who))
                .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"agreement":"安全服务协议","customerConsentOn":"%s"}""".formatted(day));
    }
}
