package org.yunjian.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.obligations.OverdueDrill;
import org.yunjian.obligations.internal.ReminderService;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkOpened;
import org.yunjian.shared.work.WorkTask;
import org.yunjian.support.StrictMail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 60 point 4: every kind of e-mail the platform sends — an address's confirmation link, a notification, the
 * daily digest, an overdue reminder, an invitation into a system and one into an organisation's staff — reaches a
 * real SMTP server (GreenMail) and passes a strict reader: sender and Message-ID in the configured domain (never
 * {@code localhost}), every link absolute on the configured base URL, and the text in the receiver's language (one
 * person chose Chinese, one English; an invitee, who has no account yet, reads both).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@org.junit.jupiter.api.Tag("database")
@org.yunjian.support.OnePass
class EveryMailKindTests {

    static final String BASE = "https://yunjian.example.gov.cn";
    static final String DOMAIN = "mail.example.gov.cn";

    @RegisterExtension
    static final GreenMailExtension SMTP = OverdueDrill.smtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        // a database of its own: another cached context's delivery job would otherwise claim this class's deliveries
        org.yunjian.support.TestDatabases.fresh("every_mail_kind", registry);
        OverdueDrill.remindersThrough(SMTP, registry);
        registry.add("yunjian.mail.from", () -> "yunjian@" + DOMAIN);
        registry.add("yunjian.notifications.base-url", () -> BASE + "/"); // a trailing slash is no double slash
        registry.add("yunjian.notifications.delivery-interval", () -> "1h");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    OrganizationAdministration orgAdmins;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MailDelivery mail;

    @Autowired
    ReminderService reminders;

    @Test
    void everyKindOfMailIsStrictlyWellFormedAbsolutelyLinkedAndInTheReadersLanguage() throws Exception {
        LocalDate inTwoMonths = LocalDate.now(Formats.zone()).plusMonths(2);
        Fixtures.World w = fixtures.world();
        Fixtures.World w2 = fixtures.world();
        CurrentUser zh = OverdueDrill.arrange(mvc, users, w, "zh", "张三", "Every-Mail-2026!", inTwoMonths);
        CurrentUser en = OverdueDrill.arrange(mvc, users, w2, "en", "Ann Lee", "Every-Mail-2026!", inTwoMonths);
        String zhAddress = zh.username() + "@example.gov.cn";
        String enAddress = en.username() + "@example.gov.cn";

        // the confirmation links, each in the language chosen with the address
        settings(zh, "IMMEDIATE", "zh-CN", zhAddress);
        settings(en, "IMMEDIATE", "en", enAddress);
        OverdueDrill.confirm(mvc, SMTP, zh, zhAddress);
        OverdueDrill.confirm(mvc, SMTP, en, enAddress);
        // a notification at once
        open(WorkAddressee.user(zh.userId()), "张三的测评");
        open(WorkAddressee.user(en.userId()), "Ann's assessment");
        deliveries.runDue();
        // the daily digest
        settings(zh, "DIGEST", "zh-CN", zhAddress);
        settings(en, "DIGEST", "en", enAddress);
        open(WorkAddressee.user(zh.userId()), "张三的第二次测评");
        open(WorkAddressee.user(en.userId()), "Ann's second assessment");
        mail.openDigests();
        deliveries.runDue();
        // the overdue drill's reminder
        assertThat(reminders.sendDue()).isGreaterThanOrEqualTo(2);
        // the invitations: into a system, and into the organisation's staff
        String admin = "adm" + UUID.randomUUID().toString().substring(0, 8);
        CurrentUser customerAdmin = new CurrentUser(
                orgAdmins.createInvited(
                        admin, "管理员", "Every-Mail-2026!", w.customer().id(), true, "test"),
                admin,
                w.customer().id(),
                org.yunjian.security.Role.USER);
        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.example.cn";
        String staff = "staff-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.example.cn";
        invite(
                customerAdmin,
                Map.of(
                        "email",
                        invitee,
                        "displayName",
                        "受邀人",
                        "organizationId",
                        w.customer().id().toString(),
                        "systemId",
                        w.system().id().toString()));
        invite(customerAdmin, Map.of("email", staff, "displayName", "新同事"));

        List<StrictMail.Parsed> toZh = received(zhAddress);
        List<StrictMail.Parsed> toEn = received(enAddress);
        // every kind reached each reader, in that reader's language
        assertThat(toZh)
                .extracting(StrictMail.Parsed::subject)
                .anyMatch(s -> s.startsWith("【云鉴】请确认您的提醒邮箱"))
                .anyMatch(s -> s.startsWith("【云鉴】待办：") && s.contains("张三的测评"))
                .anyMatch(s -> s.startsWith("【云鉴】今日待办汇总："))
                .anyMatch(s -> s.startsWith("【云鉴】逾期提醒：") && s.contains("应急演练"))
                .allMatch(s -> s.startsWith("【云鉴】"));
        assertThat(toZh)
                .allSatisfy(m -> assertThat(m.body()).startsWith("张三，您好").doesNotContain("Dear"));
        assertThat(toEn)
                .extracting(StrictMail.Parsed::subject)
                .anyMatch(s -> s.startsWith("[Yunjian] Confirm your reminder address"))
                .anyMatch(s -> s.startsWith("[Yunjian] Waiting for you: ") && s.contains("Ann's assessment"))
                .anyMatch(s -> s.startsWith("[Yunjian] Daily digest: "))
                .anyMatch(s -> s.startsWith("[Yunjian] Overdue: ") && s.contains("drill"))
                .allMatch(s -> s.startsWith("[Yunjian] "));
        assertThat(toEn)
                .allSatisfy(
                        m -> assertThat(m.body()).startsWith("Dear Ann Lee,").doesNotContain("您好"));
        // the reminder links to where the completion is recorded, and to the calendar
        assertThat(toEn)
                .filteredOn(m -> m.subject().startsWith("[Yunjian] Overdue: "))
                .singleElement()
                .satisfies(m -> assertThat(m.links())
                        .contains(
                                BASE + "/systems/" + w2.system().id() + "/lifecycle/obligations?status=OVERDUE",
                                BASE + "/lifecycle/calendar"));
        // an invitee has no account, so no language yet: both, Chinese first
        for (String to : List.of(invitee, staff)) {
            assertThat(received(to)).singleElement().satisfies(m -> {
                assertThat(m.subject()).contains("云鉴", " / ", "Yunjian");
                assertThat(m.body()).contains("您好", "Dear");
                assertThat(m.links()).anyMatch(l -> l.startsWith(BASE + "/invitation/"));
            });
        }
    }

    void settings(CurrentUser u, String mode, String language, String email) throws Exception {
        mvc.perform(put("/api/notifications/settings")
                        .with(as(u))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"emailMode\":\"%s\",\"language\":\"%s\",\"email\":\"%s\"}"
                                .formatted(mode, language, email)))
                .andExpect(status().isOk());
    }

    void open(WorkAddressee to, String name) {
        UUID taskId = UUID.randomUUID();
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> events.publishEvent(new WorkOpened(
                        taskId,
                        "assessment:" + taskId,
                        new WorkTask(
                                "review",
                                "work.test.review",
                                List.of(name, "msg:enum.AssessmentStatus.IN_PROGRESS"),
                                "/assessments/" + taskId,
                                to,
                                null,
                                null),
                        Instant.now(),
                        null)));
    }

    void invite(CurrentUser inviter, Map<String, String> body) throws Exception {
        mvc.perform(post("/api/invitations")
                        .with(as(inviter))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JsonMapper.builder().build().writeValueAsString(body)))
                .andExpect(status().isCreated());
    }

    /** Every message {@code to} received, each passed through the strict reader. */
    List<StrictMail.Parsed> received(String to) throws Exception {
        List<StrictMail.Parsed> out = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                out.add(StrictMail.check(m, BASE, DOMAIN, to));
            }
        }
        return out;
    }
}
