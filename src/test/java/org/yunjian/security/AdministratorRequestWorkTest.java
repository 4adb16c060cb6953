package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.yunjian.security.internal.admin.AdministratorApprovals;
import org.yunjian.shared.Msg;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkTask;

/**
 * Issue 35: a pending administrator request waits for a second security administrator, in 我的待办 and the
 * notifications. After every change of a request its {@link WorkSnapshot} is published (captured here by the test's
 * event recorder, as the inbox module will receive it): filed — one task for every security administrator but the
 * requester; refused self-approval — nothing changed, nothing published; decided or its account deleted — nothing
 * waits. The rebuild ({@code publishAll}) publishes the same snapshot.
 */
@org.yunjian.support.OnePass
class AdministratorRequestWorkTest extends SecurityIntegrationTest {

    @Autowired
    AdministratorApprovals approvals;

    @Test
    void aFiledRequestWaitsForTheOtherSecurityAdministratorsUntilApproved() throws Exception {
        UserView alice = administrator(Role.SECURITY_ADMIN, null);
        UserView bob = administrator(Role.SECURITY_ADMIN, null);
        String name = unique("sys");
        UUID request = fileRequest(alice, name, "SYSTEM_ADMIN");
        UUID account = accounts.findByUsername(name).orElseThrow().id();
        String scope = "admin-request:" + account;

        WorkSnapshot filed = only(scope);
        WorkTask task = filed.open().get(0);
        assertThat(filed.open()).hasSize(1);
        // never the requester, nor the account the request is about
        assertThat(task.to())
                .isEqualTo(WorkAddressee.administrators("SECURITY_ADMIN").except(alice.id(), account));
        assertThat(task.href()).isEqualTo("/admin/users/requests");
        assertThat(task.due()).isNull();
        assertThat(text(task, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("批准管理员申请：" + name + "（新建管理员账户，系统管理员，申请人 " + alice.username() + "）");
        assertThat(text(task, Locale.ENGLISH))
                .isEqualTo("Approve administrator request: " + name
                        + " (New administrator account, System administrator, requested by " + alice.username() + ")");

        // the rebuild publishes the same snapshot
        events.clear();
        approvals.publishAll();
        assertThat(only(scope)).isEqualTo(filed);

        // the requester's own approval is refused: nothing changed, nothing published
        events.clear();
        mvc.perform(post("/api/users/admin-requests/{id}/approve", request)
                        .with(as(alice))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(snapshots(scope)).isEmpty();

        // the second security administrator approves: nothing waits any more
        mvc.perform(post("/api/users/admin-requests/{id}/approve", request)
                        .with(as(bob))
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(only(scope)).isEqualTo(WorkSnapshot.nothingWaiting(scope));
        events.clear();
        approvals.publishAll();
        assertThat(snapshots(scope)).as("a decided request is not rebuilt").isEmpty();
    }

    @Test
    void aRejectedRequestAndADeletedAccountLeaveNothingWaiting() throws Exception {
        UserView alice = administrator(Role.SECURITY_ADMIN, null);
        UserView bob = administrator(Role.SECURITY_ADMIN, null);
        String rejected = unique("aud");
        UUID first = fileRequest(alice, rejected, "AUDIT_ADMIN");
        String rejectedScope = "admin-request:"
                + accounts.findByUsername(rejected).orElseThrow().id();
        mvc.perform(post("/api/users/admin-requests/{id}/reject", first)
                        .with(as(bob))
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(snapshots(rejectedScope)).extracting(s -> s.open().size()).containsExactly(1, 0);

        // the last enabled audit administrator cannot be deleted, and one awaiting approval counts as enabled there
        administrator(Role.AUDIT_ADMIN, null);
        administrator(Role.AUDIT_ADMIN, null);
        String deleted = unique("aud");
        fileRequest(alice, deleted, "AUDIT_ADMIN");
        UUID account = accounts.findByUsername(deleted).orElseThrow().id();
        mvc.perform(delete("/api/users/{id}", account)
                        .with(as(bob))
                        .with(csrf())
                        .with(org.yunjian.support.IfMatch.current(jdbc, "user_account", account)))
                .andDo(r -> assertThat(r.getResponse().getStatus())
                        .as(r.getResponse().getContentAsString())
                        .isEqualTo(204));
        assertThat(snapshots("admin-request:" + account))
                .extracting(s -> s.open().size())
                .containsExactly(1, 0);
    }

    private UUID fileRequest(UserView by, String name, String role) throws Exception {
        String created = mvc.perform(post("/api/users")
                        .with(as(by))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"管理员","role":"%s","password":"%s"}""".formatted(name, role, TwoPersonRuleTest.NEW_PASSWORD)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(created, "$.pendingRequest"));
    }

    private List<WorkSnapshot> snapshots(String scope) {
        return events.stream(WorkSnapshot.class)
                .filter(s -> s.scope().equals(scope))
                .toList();
    }

    private WorkSnapshot only(String scope) {
        assertThat(snapshots(scope)).hasSize(1);
        return snapshots(scope).get(0);
    }

    /** The task's text as the inbox shows it: its kind with its arguments, {@code msg:} ones read from the bundles. */
    private static String text(WorkTask task, Locale locale) {
        Object[] args = task.args().stream()
                .map(a -> a.startsWith("msg:") ? (Object) Msg.of(a.substring(4)).text(locale) : a)
                .toArray();
        return Msg.of(task.kind(), args).text(locale);
    }
}
