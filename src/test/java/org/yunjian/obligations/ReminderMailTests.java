package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.UUID;
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
import org.yunjian.obligations.internal.ReminderService;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;

/**
 * E-mail reminders through a real SMTP server in the test JVM (GreenMail): an overdue drill sends exactly one
 * e-mail, in Chinese, to the address the user set; a second run and page views send none; a bad address is refused
 * naming the field.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ReminderMailTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = OverdueDrill.smtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        OverdueDrill.remindersThrough(SMTP, registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    ReminderService reminders;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser customer;
    String address;
    LocalDate today;

    @BeforeEach
    void world() throws Exception {
        w = fixtures.world();
        today = LocalDate.now(Formats.zone());
        // everything first due in two months, except the drill: last held 14 months ago
        customer = OverdueDrill.arrange(mvc, users, w, "rem", "提醒用户", "Reminder-Mail-2026!", today.plusMonths(2));
        address = customer.username() + "@example.gov.cn";
    }

    /**
     * Whether {@code m} is not an overdue reminder: the notifications of the same tasks (待办 mails, and the daily
     * digest a notification job sends whenever its day begins) reach the same address.
     */
    static boolean notification(MimeMessage m) throws Exception {
        return !m.getSubject().startsWith("【云鉴】逾期提醒");
    }

    /** Whether {@code m} is an address's confirmation link. */
    static boolean confirmation(MimeMessage m) throws Exception {
        return m.getSubject().startsWith("【云鉴】请确认您的提醒邮箱");
    }

    /** Reminders received at {@code to}. */
    long mailsTo(String to) throws Exception {
        long n = 0;
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to) && !notification(m)) {
                n++;
            }
        }
        return n;
    }

    /** What reached {@code to}, and what the platform recorded as sent to it: the failure message of a count. */
    String received(String to) {
        StringBuilder b = new StringBuilder("mails to ").append(to).append(':');
        try {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(to)) {
                    b.append("\n  ")
                            .append(m.getSubject())
                            .append(" | ")
                            .append(m.getContent().toString().lines().limit(3).toList());
                }
            }
        } catch (Exception e) {
            b.append(' ').append(e);
        }
        b.append("\nrecorded: ")
                .append(jdbc.sql("SELECT obligation_id, due_date, user_id, sent_at FROM "
                                + "lifecycle_reminder_sent WHERE recipient = ?")
                        .param(to)
                        .query()
                        .listOfRows());
        return b.toString();
    }

    @Test
    void anOverdueDrillSendsExactlyOneMail() throws Exception {
        mvc.perform(put("/api/lifecycle/calendar/reminder-address")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + address + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminderAddress").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.pendingReminderAddress").value(address))
                .andExpect(jsonPath("$.mailConfigured").value(true));
        // page views send nothing
        mvc.perform(get("/lifecycle/calendar").with(as(customer))).andExpect(status().isOk());
        mvc.perform(get("/systems/" + w.system().id() + "/lifecycle/obligations")
                        .with(as(customer)))
                .andExpect(status().isOk());
        mvc.perform(get("/").with(as(customer))).andExpect(status().isOk());
        assertThat(mailsTo(address)).isZero();
        // issue 56: not confirmed yet, so the reminder job sends nothing to it (only the confirmation link went there)
        reminders.sendDue();
        assertThat(mailsTo(address)).as(() -> received(address)).isZero();
        OverdueDrill.confirm(mvc, SMTP, customer, address);
        mvc.perform(get("/api/lifecycle/calendar").with(as(customer)))
                .andExpect(jsonPath("$.reminderAddress").value(address))
                .andExpect(jsonPath("$.pendingReminderAddress").value(org.hamcrest.Matchers.nullValue()));

        reminders.sendDue();
        assertThat(mailsTo(address)).as(() -> received(address)).isEqualTo(1);
        MimeMessage mail = SMTP.getReceivedMessages()[SMTP.getReceivedMessages().length - 1];
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address) && !notification(m)) {
                mail = m;
            }
        }
        assertThat(mail.getSubject()).isEqualTo("【云鉴】逾期提醒：" + w.system().name() + " 的应急演练：网络攻击事件");
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getContent().toString())
                .contains(
                        "提醒用户",
                        w.system().name(),
                        Formats.date(today.minusMonths(2)),
                        w.customer().name());
        assertThat(body).isNotBlank();

        // a second run, and more page views, send nothing more
        reminders.sendDue();
        mvc.perform(get("/lifecycle/calendar").with(as(customer))).andExpect(status().isOk());
        reminders.sendDue();
        assertThat(mailsTo(address)).as(() -> received(address)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_reminder_sent WHERE recipient = ?")
                        .param(address)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // each reminder sent is audited once: to this user, and to anyone else who keeps an address and sees the
        // system (in the full suite, a system administrator given an address by another test class gets one too)
        int sent = jdbc.sql("SELECT COUNT(*) FROM lifecycle_reminder_sent WHERE obligation_id IN "
                        + "(SELECT id FROM lifecycle_obligation WHERE system_id = ?)")
                .param(w.system().id())
                .query(Integer.class)
                .single();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.reminder.send' AND object_id IN "
                                        + "(SELECT CAST(id AS VARCHAR(64)) FROM lifecycle_obligation WHERE system_id = ?)")
                        .param(w.system().id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(sent);
    }

    /** Issue 33: these were stored; each is a 400 naming the field and the reason, in the caller's language. */
    @Test
    void refusesAddressLiteralsAndInvisibleOrDirectionChangingCharacters() throws Exception {
        String[][] cases = {
            {"a@[127.0.0.1]", "方括号中的 IP 地址", "an IP address in brackets"},
            {"li\u200bsi@example.cn", "U+200B", "invisible (zero-width)"},
            {"lisi@\u202eexample.cn", "改变文字方向", "text-direction control"},
            {"lisi\u2066@example.cn", "U+2066", "text-direction control"},
            {"\u200flisi@example.cn", "U+200F", "text-direction control"},
        };
        for (String[] c : cases) {
            mvc.perform(put("/api/lifecycle/calendar/reminder-address")
                            .with(as(customer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\":\"" + c[0] + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.email").value(containsString(c[1])));
            mvc.perform(put("/api/lifecycle/calendar/reminder-address")
                            .with(as(customer))
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\":\"" + c[0] + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.email").value(containsString(c[2])));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM party_email_address WHERE user_id = ?")
                        .param(customer.userId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** An address stored before the rule is never sent to. */
    @Test
    void anAddressStoredBeforeTheRuleIsNotSentTo() throws Exception {
        String literal = "rem-" + UUID.randomUUID().toString().substring(0, 8) + "@[127.0.0.1]";
        jdbc.sql("INSERT INTO party_email_address (user_id, email, set_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
                .params(customer.userId(), literal)
                .update();
        reminders.sendDue();
        assertThat(mailsTo(literal)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_reminder_sent WHERE recipient = ?")
                        .param(literal)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aBadAddressIsRefusedNamingTheField() throws Exception {
        for (String bad : new String[] {"not-an-address", "张三 <a@example.cn>", "a@b", "a@example.cn, b@example.cn"}) {
            mvc.perform(put("/api/lifecycle/calendar/reminder-address")
                            .with(as(customer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\":\"" + bad.replace("\"", "\\\"") + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.email").value(containsString("电子邮件地址")));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM party_email_address WHERE user_id = ?")
                        .param(customer.userId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** A new account of the world's customer (no obligations of its own arranged). */
    CurrentUser colleague(String prefix) {
        return org.yunjian.security.SeedActor.of(org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                        "同事",
                        org.yunjian.security.Role.USER,
                        w.customer().id(),
                        "Reminder-Mail-2026!")));
    }

    /** The confirmed address of {@code u} in the database (the only one mail goes to), or {@code null}. */
    String confirmedOf(CurrentUser u) {
        return jdbc.sql("SELECT email FROM party_email_address WHERE user_id = ?")
                .param(u.userId())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /**
     * Issue 56, finding 5: a business user set their unverified address to a colleague's and read the colleague's
     * mail. Now the address waits; mail keeps going to the confirmed one; the colleague, signed in as themselves,
     * cannot confirm it for the other account by opening the link; a guessed, used or expired link confirms nothing.
     */
    @Test
    void anAddressTakesEffectOnlyWhenItsOwnerConfirmsTheMailedLinkSignedInAsTheAccountThatAskedForIt()
            throws Exception {
        CurrentUser victim = colleague("victim");
        String victimsAddress = victim.username() + "@example.gov.cn";
        OverdueDrill.confirmedAddress(mvc, SMTP, victim, victimsAddress);
        assertThat(confirmedOf(victim)).isEqualTo(victimsAddress);
        // the attacker's own address is confirmed; then they ask for the victim's
        OverdueDrill.confirmedAddress(mvc, SMTP, customer, address);
        mvc.perform(put("/api/notifications/settings")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"emailMode\":\"IMMEDIATE\",\"language\":\"zh-CN\",\"email\":\"" + victimsAddress
                                + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(address))
                .andExpect(jsonPath("$.pendingEmail").value(victimsAddress));
        assertThat(confirmedOf(customer))
                .as("mail keeps going to the confirmed address")
                .isEqualTo(address);
        reminders.sendDue();
        // the victim gets their own reminder (they see the same system), never one of the attacker's account
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_reminder_sent WHERE recipient = ? AND user_id <> ?")
                        .params(victimsAddress, victim.userId())
                        .query(Integer.class)
                        .single())
                .as("no reminder of another account reaches the victim")
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_reminder_sent WHERE user_id = ?")
                        .param(customer.userId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(mailsTo(address)).as(() -> received(address)).isEqualTo(1);

        String token = OverdueDrill.confirmationToken(SMTP, victimsAddress);
        assertThat(token).isNotNull();
        // the victim, signed in as themselves, opens the link they did not ask for: it confirms nothing
        mvc.perform(get("/lifecycle/calendar/reminder/confirm/" + token).with(as(victim)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("此确认链接无效")));
        mvc.perform(post("/lifecycle/calendar/reminder/confirm/" + token).with(as(victim)))
                .andExpect(status().isNotFound());
        assertThat(confirmedOf(customer)).isEqualTo(address);
        assertThat(confirmedOf(victim)).isEqualTo(victimsAddress);
        // a guessed link, and the link without a session, confirm nothing either
        mvc.perform(post("/lifecycle/calendar/reminder/confirm/" + "A".repeat(43))
                        .with(as(customer)))
                .andExpect(status().isNotFound());
        mvc.perform(
                        post("/lifecycle/calendar/reminder/confirm/" + token)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(r -> assertThat(r.getResponse().getStatus())
                        .as("sign in first")
                        .isIn(302, 401));
        assertThat(confirmedOf(customer)).isEqualTo(address);

        // only the hash of the token is stored
        assertThat(jdbc.sql("SELECT token_hash FROM party_email_address_pending WHERE user_id = ?")
                        .param(customer.userId())
                        .query(String.class)
                        .single())
                .hasSize(64)
                .isNotEqualTo(token)
                .doesNotContain(token);
        // an expired link confirms nothing, and the page says so
        jdbc.sql("UPDATE party_email_address_pending SET expires_at = requested_at WHERE user_id = ?")
                .param(customer.userId())
                .update();
        mvc.perform(post("/lifecycle/calendar/reminder/confirm/" + token).with(as(customer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/lifecycle/calendar").with(as(customer)))
                .andExpect(content().string(containsString("id=\"address-pending-expired\"")));
        assertThat(confirmedOf(customer)).isEqualTo(address);
    }

    /** The owner's own confirmation: once, audited, and the link is used up. */
    @Test
    void theOwnerConfirmsOnceAndBothStepsAreAudited() throws Exception {
        mvc.perform(put("/api/lifecycle/calendar/reminder-address")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + address + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/lifecycle/calendar").with(as(customer)))
                .andExpect(content().string(containsString("id=\"address-pending\"")))
                .andExpect(content().string(containsString("尚无已确认的邮箱")));
        // a second link within a minute is refused, naming the field
        mvc.perform(put("/api/lifecycle/calendar/reminder-address")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"other-" + address + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.email").value(containsString("一分钟")));
        String token = OverdueDrill.confirmationToken(SMTP, address);
        mvc.perform(get("/lifecycle/calendar/reminder/confirm/" + token).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(address)))
                .andExpect(content().string(containsString("id=\"confirm-form\"")));
        assertThat(confirmedOf(customer))
                .as("opening the link alone changes nothing")
                .isNull();
        mvc.perform(post("/lifecycle/calendar/reminder/confirm/" + token).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"confirm-done\"")));
        assertThat(confirmedOf(customer)).isEqualTo(address);
        mvc.perform(post("/lifecycle/calendar/reminder/confirm/" + token).with(as(customer)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_type = 'lifecycle-reminder' AND object_id = ? "
                                + "ORDER BY seq")
                        .param(customer.userId().toString())
                        .query(String.class)
                        .list())
                .containsSubsequence("lifecycle.reminder.address", "lifecycle.reminder.address-confirm");
    }

    /**
     * The confirmation mail is a well-formed message: strict address parsing, in the language of the account that
     * asked (Chinese without a choice), the link absolute.
     */
    @Test
    void theConfirmationMailPassesAStrictParser() throws Exception {
        mvc.perform(put("/api/lifecycle/calendar/reminder-address")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + address + "\"}"))
                .andExpect(status().isOk());
        MimeMessage sent = null;
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address) && confirmation(m)) {
                sent = m;
            }
        }
        assertThat(sent).isNotNull();
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        sent.writeTo(raw);
        java.util.Properties strict = new java.util.Properties();
        strict.setProperty("mail.mime.address.strict", "true");
        strict.setProperty("mail.mime.parameters.strict", "true");
        MimeMessage parsed = new MimeMessage(
                jakarta.mail.Session.getInstance(strict), new java.io.ByteArrayInputStream(raw.toByteArray()));
        assertThat(jakarta.mail.internet.InternetAddress.parseHeader(parsed.getHeader("To", ","), true))
                .extracting(Object::toString)
                .containsExactly(address);
        jakarta.mail.internet.InternetAddress.parseHeader(parsed.getHeader("From", ","), true);
        assertThat(parsed.getSubject()).isEqualTo("【云鉴】请确认您的提醒邮箱");
        assertThat(parsed.getContent().toString())
                .contains("提醒用户，您好", customer.username(), "http://localhost:8080/lifecycle/calendar/reminder/confirm/")
                .doesNotContain("\r\r", "Dear");
    }
}
