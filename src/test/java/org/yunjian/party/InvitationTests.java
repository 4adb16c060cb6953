package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.newCreditCode;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.PeopleNames;

/**
 * Invitations end to end below the browser: the e-mailed link (received by GreenMail) works once, expires, can be
 * revoked, is stored only as its SHA-256; only the system's customer may invite onto it; the invitee lands in the
 * inviter's own organisation or a new one (as its 组织管理员) and the engagement role — never in another organisation
 * already on the platform (issue 57); a spent or unknown link gets a page, not an error.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class InvitationTests {

    static final String PASSWORD = "Invitee-Pass-2026!";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/invitation/([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("yunjian.mail.from", () -> "yunjian@example.gov.cn");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeopleNames people;

    @Autowired
    OrganizationAdministration orgAdmins;

    Fixtures.World w;
    /** A business user of the customer, not its administrator. */
    CurrentUser customer;
    /** The customer's 组织管理员 (a real account: the flag is read from the database). */
    CurrentUser customerAdmin;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = PartyTestSupport.user(w.customer().id());
        customerAdmin = administrator(w.customer().id());
    }

    private CurrentUser administrator(UUID organization) {
        String username = "adm" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = orgAdmins.createInvited(username, "管理员 " + username, PASSWORD, organization, true, "test");
        return new CurrentUser(id, username, organization, org.yunjian.security.Role.USER);
    }

    /**
     * Issue 57's reproduction: the customer invited an address it controls into the provider's organisation, and the
     * link made a member of the provider. Now no invitation brings a person into another organisation on the platform,
     * whoever sends it (the customer's administrator included): it is refused, naming the participation request, and
     * nothing is stored; nor does a member who is not its organisation's administrator add colleagues.
     */
    @Test
    void noInvitationBringsAPersonIntoAnotherOrganisation() throws Exception {
        for (CurrentUser inviter : List.of(customer, customerAdmin)) {
            for (var other : List.of(w.provider(), w.assessor(), w.agent())) {
                mvc.perform(post("/api/invitations")
                                .with(as(inviter))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json(Map.of(
                                        "email",
                                        "mine@customer.example.cn",
                                        "displayName",
                                        "冒名",
                                        "organizationId",
                                        other.id().toString(),
                                        "systemId",
                                        w.system().id().toString(),
                                        "engagementId",
                                        w.engagement().id().toString(),
                                        "role",
                                        "PROVIDER"))))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().string(containsString("参与请求")));
            }
        }
        mvc.perform(post("/api/invitations")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of(
                                "email",
                                "colleague@customer.example.cn",
                                "displayName",
                                "同事",
                                "organizationId",
                                w.customer().id().toString(),
                                "systemId",
                                w.system().id().toString()))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("组织管理员")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation WHERE inviting_org_id = ?")
                        .param(w.customer().id())
                        .query(Long.class)
                        .single())
                .isZero();
        // an invitation into another organisation made before the upgrade is never used
        String token = "B".repeat(43);
        jdbc.sql("""
                        INSERT INTO invitation (id, token_hash, email, display_name, organization_id, system_id,
                        inviting_org_id, invited_by, created_at, expires_at)
                        VALUES (?, ?, 'old@x.cn', '旧邀请', ?, ?, ?, 'old', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1' DAY)""")
                .params(
                        UUID.randomUUID(),
                        sha256(token),
                        w.provider().id(),
                        w.system().id(),
                        w.customer().id())
                .update();
        String username = "old" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "旧邀请")
                        .param("password", PASSWORD)
                        .param("confirm", PASSWORD))
                .andExpect(status().isGone());
        assertThat(people.byUsername(username)).isEmpty();
    }

    /**
     * Issue 57: every organisation has an administrator — the platform's 系统管理员 names the first one of an
     * organisation that has none, by an invitation whose invitee becomes its 组织管理员; nobody else may.
     */
    @Test
    void theOperatorNamesAnOrganisationsFirstAdministrator() throws Exception {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 6) + "@provider.example.cn";
        String body = json(Map.of("email", email, "displayName", "运营负责人"));
        String path = "/api/organizations/" + w.provider().id() + "/administrator-invitations";
        mvc.perform(post(path)
                        .with(as(customerAdmin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/organizations/" + UUID.randomUUID() + "/administrator-invitations")
                        .with(as(PartyTestSupport.other(org.yunjian.security.Role.SYSTEM_ADMIN)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post(path)
                        .with(as(PartyTestSupport.other(org.yunjian.security.Role.SYSTEM_ADMIN)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("email", "not-an-address", "displayName", "x"))))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path)
                        .with(as(PartyTestSupport.other(org.yunjian.security.Role.SYSTEM_ADMIN)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mailed").value(true));
        String token = tokenMailedTo(email);
        String username = "opsadm" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "运营负责人")
                        .param("password", PASSWORD)
                        .param("confirm", PASSWORD))
                .andExpect(redirectedUrl("/login?invited"));
        PeopleNames.Person p = people.byUsername(username).orElseThrow();
        assertThat(p.organizationId()).isEqualTo(w.provider().id());
        assertThat(orgAdmins.isOrgAdmin(p.id())).isTrue();
    }

    /**
     * Issue 57 point 1, "organisation creation names one": the 系统管理员's form for a new organisation invites its
     * first 组织管理员 at once; an unusable address refuses the whole form and leaves no organisation behind.
     */
    @Test
    void creatingAnOrganisationOnThePageInvitesItsFirstAdministrator() throws Exception {
        var sysadmin = PartyTestSupport.other(org.yunjian.security.Role.SYSTEM_ADMIN);
        mvc.perform(get("/organizations/new").with(as(sysadmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"first-administrator\"")));
        String refusedName = "无人组织" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/organizations")
                        .with(as(sysadmin))
                        .with(csrf())
                        .param("name", refusedName)
                        .param("creditCode", PartyTestSupport.newCreditCode())
                        .param("region", "北京市")
                        .param("roles", "PROVIDER")
                        .param("email", "not-an-address")
                        .param("displayName", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"email-error\"")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organization WHERE name = ?")
                        .param(refusedName)
                        .query(Long.class)
                        .single())
                .isZero();

        String name = "新云服务商" + UUID.randomUUID().toString().substring(0, 6);
        String email = "first-" + UUID.randomUUID().toString().substring(0, 6) + "@new-provider.example.cn";
        var created = mvc.perform(post("/organizations")
                        .with(as(sysadmin))
                        .with(csrf())
                        .param("name", name)
                        .param("creditCode", PartyTestSupport.newCreditCode())
                        .param("region", "北京市")
                        .param("roles", "PROVIDER")
                        .param("email", email)
                        .param("displayName", "新服务商负责人"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).endsWith("?adminInvited");
        UUID organization = jdbc.sql("SELECT id FROM organization WHERE name = ?")
                .param(name)
                .query(UUID.class)
                .single();
        String username = "first" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/invitation/" + tokenMailedTo(email))
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "新服务商负责人")
                        .param("password", PASSWORD)
                        .param("confirm", PASSWORD))
                .andExpect(redirectedUrl("/login?invited"));
        PeopleNames.Person p = people.byUsername(username).orElseThrow();
        assertThat(p.organizationId()).isEqualTo(organization);
        assertThat(orgAdmins.isOrgAdmin(p.id())).isTrue();
    }

    @Test
    void linkWorksOnceLandsInTheInvitersOwnOrganisationAndIsStoredOnlyHashed() throws Exception {
        String email = "eng-" + UUID.randomUUID().toString().substring(0, 6) + "@provider.example.cn";
        mvc.perform(post("/api/invitations")
                        .with(as(customerAdmin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of(
                                "email",
                                email,
                                "displayName",
                                "王工",
                                "organizationId",
                                w.customer().id().toString(),
                                "systemId",
                                w.system().id().toString()))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mailed").value(true))
                .andExpect(jsonPath("$.link").doesNotExist())
                .andExpect(jsonPath("$.invitation.status").value("PENDING"));
        String token = tokenMailedTo(email);

        // only the hash is stored: no column of the row holds the secret
        Map<String, Object> row = jdbc.sql("SELECT * FROM invitation WHERE email = ?")
                .param(email)
                .query()
                .singleRow();
        assertThat(row.get("TOKEN_HASH") == null ? row.get("token_hash") : row.get("TOKEN_HASH"))
                .isEqualTo(sha256(token));
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(token));

        mvc.perform(get("/invitation/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(w.customer().name())));
        String username = "eng" + UUID.randomUUID().toString().substring(0, 6);
        // refused input leaves the invitation usable
        mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "王工")
                        .param("password", PASSWORD)
                        .param("confirm", "different"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("accept-errors")));
        mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "王工")
                        .param("password", PASSWORD)
                        .param("confirm", PASSWORD))
                .andExpect(redirectedUrl("/login?invited"));
        PeopleNames.Person p = people.byUsername(username).orElseThrow();
        assertThat(p.organizationId()).isEqualTo(w.customer().id());
        assertThat(orgAdmins.isOrgAdmin(p.id())).isFalse();

        // single use
        mvc.perform(get("/invitation/" + token))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("data-reason=\"ACCEPTED\"")));
        mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("username", username + "x")
                        .param("displayName", "王工")
                        .param("password", PASSWORD)
                        .param("confirm", PASSWORD))
                .andExpect(status().isGone());
        assertThat(people.byUsername(username + "x")).isEmpty();
    }

    /**
     * Issue 56: the accept form said "This user name is taken" and left the link usable, so one invitation probed
     * any number of names, administrators' included. Now it answers a taken name as it answers a free one; a taken
     * name is resolved when the invitation is accepted (the link is then used up): the account gets the first free
     * {@code <name>-<n>}, and the invitee is told so on the login page.
     */
    @Test
    void theAcceptFormAnswersAlikeForTakenAndFreeNamesAndAcceptanceResolvesAClash() throws Exception {
        String taken = "taken" + UUID.randomUUID().toString().substring(0, 6);
        orgAdmins.createInvited(taken, "已有账号", PASSWORD, w.assessor().id(), false, "test");
        String free = "free" + UUID.randomUUID().toString().substring(0, 7);
        String token = invite("probe");
        List<Map<String, String>> refusals = List.of(
                Map.of("displayName", "王工", "password", PASSWORD, "confirm", "different"),
                Map.of("displayName", "王工", "password", "X-{name}-Pass-2026!", "confirm", "X-{name}-Pass-2026!"),
                Map.of("displayName", "", "password", PASSWORD, "confirm", PASSWORD),
                Map.of("displayName", "王工", "password", "short", "confirm", "short"));
        for (Map<String, String> form : refusals) {
            String forTaken = acceptPage(token, taken, form).replace(taken, "{name}");
            String forFree = acceptPage(token, free, form).replace(free, "{name}");
            assertThat(forTaken).as(form.toString()).contains("accept-errors").isEqualTo(forFree);
            assertThat(forTaken).doesNotContain("已被使用").doesNotContain("taken");
        }
        mvc.perform(get("/invitation/" + token)).andExpect(status().isOk()); // still usable

        var accepted = mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("username", taken)
                        .param("displayName", "王工")
                        .param("password", PASSWORD)
                        .param("confirm", PASSWORD))
                .andExpect(redirectedUrl("/login?invited"))
                .andReturn();
        PeopleNames.Person p = people.byUsername(taken + "-2").orElseThrow();
        assertThat(p.organizationId()).isEqualTo(w.customer().id());
        assertThat(people.byUsername(taken).orElseThrow().organizationId())
                .as("the existing account is untouched")
                .isEqualTo(w.assessor().id());
        assertThat(jdbc.sql("SELECT accepted_username FROM invitation WHERE token_hash = ?")
                        .param(sha256(token))
                        .query(String.class)
                        .single())
                .isEqualTo(taken + "-2");
        mvc.perform(get("/login?invited").flashAttrs(accepted.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“" + taken + "”")))
                .andExpect(content().string(containsString("“" + taken + "-2”")))
                .andExpect(content().string(containsString("value=\"" + taken + "-2\"")));
        mvc.perform(get("/invitation/" + token)).andExpect(status().isGone());
    }

    private String acceptPage(String token, String username, Map<String, String> form) throws Exception {
        var request = post("/invitation/" + token).with(csrf()).param("username", username);
        form.forEach((k, v) -> request.param(k, v.replace("{name}", username)));
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("name=\"_csrf\"[^>]*>", "name=\"_csrf\">")
                .replaceAll("content=\"[^\"]*\" name=\"_csrf\"|name=\"_csrf\" content=\"[^\"]*\"", "_csrf");
    }

    @Test
    void newOrganizationsFirstInviteeBecomesItsAdministratorInTheEngagementRole() throws Exception {
        String email = "lead-" + UUID.randomUUID().toString().substring(0, 6) + "@partner.example.cn";
        String code = newCreditCode();
        mvc.perform(post("/api/invitations")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of(
                                "email",
                                email,
                                "displayName",
                                "李经理",
                                "newOrgName",
                                "新伙伴 " + code,
                                "newOrgCredit",
                                code,
                                "newOrgRegion",
                                "北京",
                                "systemId",
                                w.system().id().toString(),
                                "engagementId",
                                w.engagement().id().toString(),
                                "role",
                                "PARTNER_SOFTWARE"))))
                .andExpect(status().isCreated());
        String token = tokenMailedTo(email);
        String username = "lead" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "李经理")
                        .param("password", PASSWORD)
                        .param("confirm", PASSWORD))
                .andExpect(redirectedUrl("/login?invited"));
        PeopleNames.Person p = people.byUsername(username).orElseThrow();
        UUID org = jdbc.sql("SELECT id FROM organization WHERE credit_code = ?")
                .param(code)
                .query(UUID.class)
                .single();
        assertThat(p.organizationId()).isEqualTo(org);
        assertThat(orgAdmins.isOrgAdmin(p.id())).isTrue();
        assertThat(jdbc.sql("SELECT role FROM engagement_participant WHERE engagement_id = ? AND organization_id = ?")
                        .params(w.engagement().id(), org)
                        .query(String.class)
                        .list())
                .containsExactly("PARTNER_SOFTWARE");
    }

    @Test
    void expiredRevokedAndUnknownLinksGetAClearPage() throws Exception {
        String expired = invite("old");
        jdbc.sql("UPDATE invitation SET expires_at = created_at - INTERVAL '1' DAY WHERE token_hash = ?")
                .param(sha256(expired))
                .update();
        mvc.perform(get("/invitation/" + expired))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("data-reason=\"EXPIRED\"")));

        String revoked = invite("rev");
        UUID id = jdbc.sql("SELECT id FROM invitation WHERE token_hash = ?")
                .param(sha256(revoked))
                .query(UUID.class)
                .single();
        // another organisation cannot revoke it (nor learn it exists)
        mvc.perform(post("/api/invitations/" + id + "/revoke")
                        .with(as(PartyTestSupport.user(w.provider().id()))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/invitations/" + id + "/revoke").with(as(customerAdmin)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/invitation/" + revoked))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("data-reason=\"REVOKED\"")));

        mvc.perform(get("/invitation/" + "A".repeat(43)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("data-reason=\"UNKNOWN\"")));
        mvc.perform(get("/invitation/not-a-token")).andExpect(status().isNotFound());
        mvc.perform(post("/invitation/not-a-token").with(csrf()).param("username", "x"))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyTheSystemsCustomerInvitesOntoIt() throws Exception {
        String body = json(Map.of(
                "email",
                "x@example.cn",
                "displayName",
                "某人",
                "organizationId",
                w.assessor().id().toString(),
                "systemId",
                w.system().id().toString()));
        // the provider sees the system but is not its customer
        mvc.perform(post("/api/invitations")
                        .with(as(PartyTestSupport.user(w.provider().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        // a stranger does not even learn it exists
        mvc.perform(post("/api/invitations")
                        .with(as(PartyTestSupport.user(w.stranger().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
        // without a system only an organisation administrator invites (its own staff)
        mvc.perform(post("/api/invitations")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("email", "y@example.cn", "displayName", "某人"))))
                .andExpect(status().isForbidden());
        // an organisation on the platform is asked, never invited into
        mvc.perform(post("/api/invitations")
                        .with(as(customerAdmin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of(
                                "email",
                                "z@example.cn",
                                "displayName",
                                "某人",
                                "organizationId",
                                w.stranger().id().toString(),
                                "systemId",
                                w.system().id().toString()))))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation WHERE inviting_org_id IN (?, ?)")
                        .params(w.provider().id(), w.stranger().id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String invite(String prefix) throws Exception {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.example.cn";
        mvc.perform(post("/api/invitations")
                        .with(as(customerAdmin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of(
                                "email",
                                email,
                                "displayName",
                                "测试",
                                "organizationId",
                                w.customer().id().toString(),
                                "systemId",
                                w.system().id().toString()))))
                .andExpect(status().isCreated());
        return tokenMailedTo(email);
    }

    static String tokenMailedTo(GreenMailExtension smtp, String email) throws Exception {
        List<MimeMessage> to = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(email)) {
                to.add(m);
            }
        }
        assertThat(to).hasSize(1);
        Matcher m = LINK.matcher(to.get(0).getContent().toString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String tokenMailedTo(String email) throws Exception {
        return tokenMailedTo(SMTP, email);
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String json(Map<String, String> m) throws Exception {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(m);
    }
}
