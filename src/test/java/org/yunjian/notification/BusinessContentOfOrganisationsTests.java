package org.yunjian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.notification.internal.TaskText;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.SeedActor;
import org.yunjian.security.TestAccounts;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.WorldMvcTests;

/**
 * Issue 56 finding 3 (三权分立): an organisation's group-chat robots and its delivery records — the texts of its tasks,
 * to whom, through which robot — belong to that organisation's 组织管理员. The platform's administrators run accounts,
 * not business: they can neither add a robot to an organisation (and so receive its task texts) nor read its
 * deliveries, by page, REST or API token, and are told why; they see the delivery health instead — counts, the last
 * failure's time and category — without a text, an address or a robot.
 */
class BusinessContentOfOrganisationsTests extends WorldMvcTests {

    static final String SECRET_TASK = "秘密并购项目（证券）";

    @Autowired
    UserAdministration users;

    CurrentUser orgAdmin;
    CurrentUser member;
    CurrentUser sysadmin;
    CurrentUser secadmin;
    CurrentUser auditor;
    UUID robot;

    @BeforeEach
    void people() throws Exception {
        orgAdmin = account("org-admin", Role.USER, w.customer().id());
        member = account("member", Role.USER, w.customer().id());
        sysadmin = account("sysadmin", Role.SYSTEM_ADMIN, null);
        secadmin = account("secadmin", Role.SECURITY_ADMIN, null);
        auditor = account("auditor", Role.AUDIT_ADMIN, null);
        jdbc.sql("UPDATE user_account SET org_admin = TRUE WHERE id = ?")
                .param(orgAdmin.userId())
                .update();
        // the administrators' accounts as a second security administrator approved them (two-person rule)
        jdbc.sql("UPDATE user_account SET awaiting_approval = FALSE WHERE id IN (?, ?, ?)")
                .params(sysadmin.userId(), secadmin.userId(), auditor.userId())
                .update();
        // the organisation's administrator adds its robot (a literal public address: nothing is called here)
        String created = mvc.perform(post("/api/organizations/" + w.customer().id() + "/webhooks")
                        .with(as(orgAdmin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"WECOM","name":"并购值班群","url":"https://8.8.8.8/cgi-bin/webhook/send?key=robot-key-1"}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created);
        assertThat(m.find()).isTrue();
        robot = UUID.fromString(m.group(1));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        delivery("EMAIL", null, "SENT", 1, null, now.minusSeconds(600), now.minusSeconds(590));
        delivery("WEBHOOK", robot, "SENT", 1, null, now.minusSeconds(600), now.minusSeconds(590));
        delivery("WEBHOOK", robot, "FAILED", 5, "8.8.8.8: HTTP 500 down robot-key-1", now.minusSeconds(500), now);
        delivery(
                "WEBHOOK",
                robot,
                "PENDING",
                2,
                "8.8.8.8: java.net.ConnectException: Connection refused",
                now.minusSeconds(60),
                null);
        delivery("EMAIL", null, "PENDING", 0, null, now, null);
    }

    CurrentUser account(String prefix, Role role, UUID org) {
        return SeedActor.of(TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                        "演示 " + prefix,
                        role,
                        org,
                        "Business-Content-2026!")));
    }

    void delivery(
            String channel,
            UUID webhook,
            String status,
            int attempts,
            String error,
            Instant created,
            Instant finished) {
        jdbc.sql("""
                        INSERT INTO notification_delivery (id, channel, user_id, webhook_id, organization_id, task_id,
                        kind, args, href, status, attempts, next_attempt_at, last_error, created_at, finished_at)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        UUID.randomUUID(),
                        channel,
                        webhook == null ? member.userId() : null,
                        webhook,
                        w.customer().id(),
                        UUID.randomUUID(),
                        "work.test.review",
                        TaskText.encode(java.util.List.of(SECRET_TASK, "msg:enum.AssessmentStatus.IN_PROGRESS")),
                        "/assessments",
                        status,
                        attempts,
                        java.sql.Timestamp.from(created),
                        error,
                        java.sql.Timestamp.from(created),
                        finished == null ? null : java.sql.Timestamp.from(finished))
                .update();
    }

    long robots() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_webhook WHERE organization_id = ?")
                .param(w.customer().id())
                .query(Long.class)
                .single();
    }

    String token(CurrentUser u) throws Exception {
        String body = mvc.perform(post("/api/account/tokens")
                        .with(as(u))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"通知\",\"scope\":\"READ_WRITE\",\"validDays\":30}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*\"(yj_[A-Za-z0-9_]+)\"").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Refused with the reason (REST in the language asked for; pages in the user's, Chinese here). */
    static void refusedForAdministrators(ResultActions r) throws Exception {
        r.andExpect(status().isForbidden())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.anyOf(
                                containsString("platform administrators"), containsString("平台管理员"))))
                .andExpect(content().string(not(containsString(SECRET_TASK))));
    }

    @Test
    void platformAdministratorCannotAddARobotToAnOrganisationAndSoReceiveItsTaskTexts() throws Exception {
        for (CurrentUser admin : new CurrentUser[] {secadmin, sysadmin}) {
            refusedForAdministrators(
                    mvc.perform(post("/api/organizations/" + w.customer().id() + "/webhooks")
                            .with(as(admin))
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                            {"kind":"WECOM","name":"管理员的群","url":"https://8.8.8.8/cgi-bin/webhook/send?key=admin"}""")));
            mvc.perform(post("/organizations/" + w.customer().id() + "/webhooks")
                            .with(as(admin))
                            .header("Accept-Language", "en")
                            .param("kind", "WECOM")
                            .param("name", "管理员的群")
                            .param("url", "https://8.8.8.8/cgi-bin/webhook/send?key=admin"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("按三权分立，平台管理员")));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                    "/api/organizations/" + w.customer().id() + "/webhooks/" + robot)
                            .with(as(admin)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/organizations/" + w.customer().id() + "/webhooks/" + robot + "/delete")
                            .with(as(admin))
                            .param("confirm", "true"))
                    .andExpect(status().isForbidden());
        }
        assertThat(robots()).as("only the organisation's own robot").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'notification.organization.access' "
                                + "AND outcome = 'DENIED' AND username = ?")
                        .param(secadmin.username())
                        .query(Long.class)
                        .single())
                .as("the refusals are audited")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void platformAdministratorCannotReadAnOrganisationsDeliveriesByPageRestOrToken() throws Exception {
        for (CurrentUser admin : new CurrentUser[] {secadmin, sysadmin, auditor}) {
            refusedForAdministrators(
                    mvc.perform(get("/api/organizations/" + w.customer().id() + "/notification-deliveries")
                            .with(as(admin))
                            .header("Accept-Language", "en")));
            refusedForAdministrators(
                    mvc.perform(get("/api/organizations/" + w.customer().id() + "/webhooks")
                            .with(as(admin))
                            .header("Accept-Language", "en")));
            refusedForAdministrators(
                    mvc.perform(get("/organizations/" + w.customer().id() + "/webhooks")
                            .with(as(admin))
                            .header("Accept-Language", "en")));
        }
        String token = token(secadmin);
        refusedForAdministrators(
                mvc.perform(get("/api/organizations/" + w.customer().id() + "/notification-deliveries")
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "en")));
    }

    @Test
    void theOrganisationsAdministratorStillManagesItsRobotsAndReadsItsDeliveries() throws Exception {
        mvc.perform(get("/api/organizations/" + w.customer().id() + "/notification-deliveries")
                        .with(as(orgAdmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].text").value(containsString(SECRET_TASK)));
        mvc.perform(get("/organizations/" + w.customer().id() + "/webhooks").with(as(orgAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(SECRET_TASK)));
        String token = token(orgAdmin);
        mvc.perform(get("/api/organizations/" + w.customer().id() + "/notification-deliveries")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].text").value(containsString(SECRET_TASK)));
        // an ordinary member of the organisation is told why, too
        mvc.perform(get("/api/organizations/" + w.customer().id() + "/notification-deliveries")
                        .with(as(member))
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("administrators of the organisation")));
        // another organisation's user learns nothing of it
        CurrentUser stranger = account("stranger", Role.USER, w.provider().id());
        mvc.perform(get("/api/organizations/" + w.customer().id() + "/notification-deliveries")
                        .with(as(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void platformAdministratorsSeeDeliveryHealthWithoutTextAddressOrRobot() throws Exception {
        String mine = "$.organizations[?(@.organizationId == '" + w.customer().id() + "')]";
        for (CurrentUser admin : new CurrentUser[] {sysadmin, secadmin}) {
            String body = mvc.perform(get("/api/notification-health").with(as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath(mine + ".organizationName")
                            .value(w.customer().name()))
                    .andExpect(jsonPath(mine + ".counts.sent").value(2))
                    .andExpect(jsonPath(mine + ".counts.failed").value(1))
                    .andExpect(jsonPath(mine + ".counts.retrying").value(1))
                    .andExpect(jsonPath(mine + ".counts.pending").value(1))
                    .andExpect(jsonPath(mine + ".counts.lastFailure").value("HTTP_ERROR"))
                    .andExpect(jsonPath("$.total.failed").value(greaterThanOrEqualTo(1)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body)
                    .doesNotContain(SECRET_TASK)
                    .doesNotContain("并购值班群")
                    .doesNotContain("8.8.8.8")
                    .doesNotContain("robot-key-1")
                    .doesNotContain("down")
                    .doesNotContain(member.username());
            String page = mvc.perform(get("/admin/notification-health").with(as(admin)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .contains(w.customer().name(), "HTTP 错误")
                    .doesNotContain(SECRET_TASK)
                    .doesNotContain("并购值班群")
                    .doesNotContain("8.8.8.8")
                    .doesNotContain("robot-key-1")
                    .doesNotContain(w.customer().id().toString());
        }
        // business users, the audit administrator and tokens of a business user are not the platform's operators
        for (CurrentUser other : new CurrentUser[] {orgAdmin, member, auditor}) {
            mvc.perform(get("/api/notification-health").with(as(other))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/notification-health").with(as(other))).andExpect(status().isForbidden());
        }
    }
}
