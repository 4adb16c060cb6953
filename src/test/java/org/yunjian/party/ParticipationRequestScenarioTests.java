package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.Role;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkTask;
import org.yunjian.support.CommonContext;

/**
 * An event path across three modules, with Spring Modulith's {@link Scenario} in the common context (no context of
 * its own, docs/testing.md): while a participation request waits, the asked organisation names another administrator
 * ({@code security} publishes {@code OrganizationAdministratorsChanged}); {@code party} answers with the request's
 * {@link WorkSnapshot}, its task now addressed to every administrator there is; the inbox shows the new administrator
 * the task in 我的待办. Withdrawing the flag takes the task away again, and the first administrator keeps it.
 */
@CommonContext
@EnableScenarios
@Tag("database")
class ParticipationRequestScenarioTests {

    static final String PASSWORD = "Scenario-Pass-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

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
        org.yunjian.support.WholeOrganizationGrants.grant(
                customer.userId(), w.customer().id());
        providerAdmin = account(w.provider().id(), true);
        providerEngineer = account(w.provider().id(), false);
    }

    @Test
    void anAdministratorNamedWhileARequestWaitsGetsItsTaskAndLosesItWhenTheFlagIsWithdrawn(Scenario scenario)
            throws Exception {
        String id = send(customer, w.provider().id());
        String scope = "participation-request:" + id;
        String task = "处理参与请求：“" + w.customer().name() + "”请本组织以运维服务提供者身份参与系统“"
                + w.system().name() + "”";
        assertThat(waiting(providerAdmin)).containsExactly(task);
        assertThat(waiting(providerEngineer)).isEmpty();

        // the snapshot the request's creation published (the scenario sees every event of the test) names only the
        // first administrator: the one awaited is the answer to the change, and it names both
        scenario.stimulate(() -> runAs(providerAdmin, () -> orgAdmins.setOrgAdmin(providerEngineer.userId(), true)))
                .andWaitForEventOfType(WorkSnapshot.class)
                .matching(snapshot ->
                        snapshot.scope().equals(scope) && addressees(snapshot).contains(providerEngineer.userId()))
                .toArriveAndVerify(snapshot -> assertThat(addressees(snapshot))
                        .containsExactlyInAnyOrder(providerAdmin.userId(), providerEngineer.userId()));
        assertThat(waiting(providerEngineer)).containsExactly(task);
        assertThat(waiting(providerAdmin)).containsExactly(task);

        // the flag withdrawn: the task leaves the former administrator's 我的待办, the first administrator keeps it
        scenario.stimulate(() -> runAs(providerAdmin, () -> orgAdmins.setOrgAdmin(providerEngineer.userId(), false)))
                .andWaitForStateChange(() -> waitingUnchecked(providerEngineer), List::isEmpty)
                .andVerify(tasks -> assertThat(tasks).isEmpty());
        assertThat(waiting(providerAdmin)).containsExactly(task);
    }

    private List<String> waitingUnchecked(CurrentUser u) {
        try {
            return waiting(u);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> addressees(WorkSnapshot snapshot) {
        return snapshot.open().stream().map(WorkTask::to).map(to -> to.user()).toList();
    }

    private CurrentUser account(UUID org, boolean admin) {
        String username = "ps" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = orgAdmins.createInvited(username, "人员 " + username, PASSWORD, org, admin, "test");
        return new CurrentUser(id, username, org, Role.USER);
    }

    private String send(CurrentUser from, UUID to) throws Exception {
        String body = mvc.perform(post("/api/participation-requests")
                        .with(as(from))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"systemId":"%s","engagementId":"%s","organizationId":"%s",
                                 "role":"PARTNER_OM_SERVICE","message":"请参与"}""".formatted(w.system().id(), w.engagement().id(), to)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.id");
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
}
