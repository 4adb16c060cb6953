package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.Role;

/**
 * Issue 57, "no organisation adds people to another": the customer asks the provider (an organisation already on the
 * platform) to take part; the request reaches only the provider's administrators — in 我的待办, with a notification —
 * who accept it naming their own people (assigned to the system, the organisation in the engagement role) or decline
 * it with a reason; either decision notifies the requester, is audited, and closes the task. Nobody else decides it,
 * nobody outside the two organisations learns of it, and it is decided once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class ParticipationRequestTests {

    static final String PASSWORD = "Request-Pass-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationAdministration orgAdmins;

    Fixtures.World w;
    CurrentUser customer;
    CurrentUser providerAdmin;
    CurrentUser providerEngineer;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = account(w.customer().id(), false);
        // the customer's person works on every system of the customer (need to know: the grant)
        org.yunjian.support.WholeOrganizationGrants.grant(
                customer.userId(), w.customer().id());
        providerAdmin = account(w.provider().id(), true);
        providerEngineer = account(w.provider().id(), false);
    }

    private CurrentUser account(UUID org, boolean admin) {
        String username = "pr" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = orgAdmins.createInvited(username, "人员 " + username, PASSWORD, org, admin, "test");
        return new CurrentUser(id, username, org, Role.USER);
    }

    @Test
    void theProvidersAdministratorAcceptsNamingItsEngineerAndTheCustomerIsTold() throws Exception {
        String id = send(customer, w.provider().id(), "PARTNER_OM_SERVICE");

        // only the provider's administrator has the task, and a notification of it
        assertThat(waiting(providerAdmin))
                .containsExactly("处理参与请求：“" + w.customer().name() + "”请本组织以运维服务提供者身份参与系统“"
                        + w.system().name() + "”");
        assertThat(waiting(providerEngineer)).isEmpty();
        assertThat(notifications(providerAdmin)).anyMatch(t -> t.contains("处理参与请求"));
        assertThat(notifications(providerEngineer)).noneMatch(t -> t.contains("参与请求"));

        // nobody but the provider's administrators decides; nobody outside the two organisations learns of it
        String people = "{\"people\":[\"%s\"]}".formatted(providerEngineer.userId());
        accept(providerEngineer, id, people).andExpect(status().isForbidden());
        accept(customer, id, people).andExpect(status().isForbidden());
        CurrentUser assessorAdmin = account(w.assessor().id(), true);
        accept(assessorAdmin, id, people).andExpect(status().isNotFound());
        mvc.perform(get("/api/participation-requests/" + id).with(as(assessorAdmin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/participation-requests/" + id).with(as(providerEngineer)))
                .andExpect(status().isNotFound());
        // the people named are the provider's own: not the customer's, not nobody
        accept(providerAdmin, id, "{\"people\":[\"%s\"]}".formatted(customer.userId()))
                .andExpect(status().isBadRequest());
        accept(providerAdmin, id, "{\"people\":[]}").andExpect(status().isBadRequest());

        accept(providerAdmin, id, people)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.assigned[0]").value("人员 " + providerEngineer.username()));
        assertThat(jdbc.sql("SELECT role FROM engagement_participant WHERE engagement_id = ? AND organization_id = ?")
                        .params(w.engagement().id(), w.provider().id())
                        .query(String.class)
                        .list())
                .contains("PARTNER_OM_SERVICE");
        assertThat(jdbc.sql("SELECT user_id FROM system_assignment WHERE system_id = ?")
                        .param(w.system().id())
                        .query(UUID.class)
                        .list())
                .containsExactly(providerEngineer.userId());
        assertThat(waiting(providerAdmin)).isEmpty();
        assertThat(notifications(customer))
                .contains("“" + w.provider().name() + "”接受了以运维服务提供者身份参与系统“"
                        + w.system().name() + "”的请求");
        assertThat(audited("participation.accept", id)).isEqualTo(1);

        // decided once
        accept(providerAdmin, id, people).andExpect(status().isBadRequest());
        decline(providerAdmin, id, "{\"reason\":\"晚了\"}").andExpect(status().isBadRequest());
    }

    @Test
    void aDeclineNeedsAReasonWhichTheRequesterReads() throws Exception {
        String id = send(customer, w.provider().id(), "PARTNER_SECURITY_SERVICE");
        decline(providerAdmin, id, "{\"reason\":\"  \"}").andExpect(status().isBadRequest());
        decline(providerAdmin, id, "{\"reason\":\"本季度人手不足，请下季度再联系\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.reason").value("本季度人手不足，请下季度再联系"))
                .andExpect(jsonPath("$.decidedBy").value("人员 " + providerAdmin.username()));
        assertThat(waiting(providerAdmin)).isEmpty();
        assertThat(notifications(customer))
                .anyMatch(t -> t.startsWith("“" + w.provider().name() + "”拒绝了"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engagement_participant WHERE engagement_id = ? AND role = ?")
                        .params(w.engagement().id(), "PARTNER_SECURITY_SERVICE")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(audited("participation.decline", id)).isEqualTo(1);
    }

    @Test
    void theCustomerWithdrawsAndTheTaskCloses() throws Exception {
        String id = send(customer, w.provider().id(), "PARTNER_SOFTWARE");
        assertThat(waiting(providerAdmin)).hasSize(1);
        // the same ask twice is refused while the first waits
        sendBody(customer, w.provider().id(), "PARTNER_SOFTWARE")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("organizationId")));
        mvc.perform(post("/api/participation-requests/" + id + "/withdraw").with(as(providerAdmin)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/participation-requests/" + id + "/withdraw").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        assertThat(waiting(providerAdmin)).isEmpty();
        // the administrator whose task closed is told why
        assertThat(notifications(providerAdmin))
                .anyMatch(t -> t.contains("撤回了关于系统“" + w.system().name()));
        accept(providerAdmin, id, "{\"people\":[\"%s\"]}".formatted(providerEngineer.userId()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheCustomerAsksAndOnlyAnOrganisationThatCanDecide() throws Exception {
        // the provider sees the system but is not its customer
        sendBody(providerAdmin, w.assessor().id(), "PARTNER_SOFTWARE").andExpect(status().isForbidden());
        // a stranger does not learn the system exists
        sendBody(account(w.stranger().id(), true), w.provider().id(), "PARTNER_SOFTWARE")
                .andExpect(status().isNotFound());
        // an organisation without an administrator could not decide: refused, naming why
        sendBody(customer, w.agent().id(), "PARTNER_SOFTWARE")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("organizationId")));
        // never the customer role, never the customer's own organisation
        sendBody(customer, w.provider().id(), "CUSTOMER").andExpect(status().isBadRequest());
        sendBody(customer, w.customer().id(), "PARTNER_SOFTWARE").andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM participation_request WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String send(CurrentUser from, UUID to, String role) throws Exception {
        String body = sendBody(from, to, role)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.id");
    }

    private org.springframework.test.web.servlet.ResultActions sendBody(CurrentUser from, UUID to, String role)
            throws Exception {
        return mvc.perform(post("/api/participation-requests")
                .with(as(from))
                .contentType(MediaType.APPLICATION_JSON)
                .content(tools.jackson.databind.json.JsonMapper.builder()
                        .build()
                        .writeValueAsString(Map.of(
                                "systemId", w.system().id().toString(),
                                "engagementId", w.engagement().id().toString(),
                                "organizationId", to.toString(),
                                "role", role,
                                "message", "请参与"))));
    }

    private org.springframework.test.web.servlet.ResultActions accept(CurrentUser u, String id, String body)
            throws Exception {
        return mvc.perform(post("/api/participation-requests/" + id + "/accept")
                .with(as(u))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private org.springframework.test.web.servlet.ResultActions decline(CurrentUser u, String id, String body)
            throws Exception {
        return mvc.perform(post("/api/participation-requests/" + id + "/decline")
                .with(as(u))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** The texts of 我的待办 of {@code u} that concern this test's system. */
    private List<String> waiting(CurrentUser u) throws Exception {
        List<String> texts = JsonPath.read(
                mvc.perform(get("/api/my-work").with(as(u)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.items[*].text");
        return texts.stream().filter(t -> t.contains(w.system().name())).toList();
    }

    private List<String> notifications(CurrentUser u) throws Exception {
        List<String> texts = JsonPath.read(
                mvc.perform(get("/api/notifications").with(as(u)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.items[*].text");
        return texts.stream().filter(t -> t.contains(w.system().name())).toList();
    }

    private long audited(String action, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id = ? AND outcome = 'SUCCESS'")
                .params(action, id)
                .query(Long.class)
                .single();
    }
}
