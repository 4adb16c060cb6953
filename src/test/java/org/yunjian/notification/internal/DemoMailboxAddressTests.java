package org.yunjian.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.yunjian.demo.DemoData;
import org.yunjian.support.WebSession;

/**
 * Issue 56, finding 5, as the attack went on the demo: {@code securities} set their unverified reminder address to the
 * government customer's and read the customer's mail (invitation links among them) in the demo mailbox. Now the
 * address waits for a confirmation the attacker never sees; their mailbox shows mail to their confirmed address only;
 * the customer opening the link confirms nothing; an address its owner confirms works at once.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@org.yunjian.support.OnePass
class DemoMailboxAddressTests {

    static final Pattern LINK = Pattern.compile("/lifecycle/calendar/reminder/confirm/([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    DemoMailSink sink;

    @Autowired
    JdbcClient jdbc;

    WebSession session(String user) throws Exception {
        WebSession s = new WebSession(p -> URI.create("http://localhost:" + port + p));
        s.login(user, DemoData.PASSWORD);
        return s;
    }

    /** A mail to {@code to} through the demo's sink, as an invitation or notification would be sent. */
    void mail(String to, String subject) throws Exception {
        MimeMessage m = sink.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(m, "UTF-8");
        h.setFrom("yunjian@localhost");
        h.setTo(to);
        h.setSubject(subject);
        h.setText("https://yunjian.example/invitation/secret");
        sink.send(m);
    }

    /** The token of the newest confirmation link the sink kept for {@code to}. */
    String token(String to) {
        return sink.kept().stream()
                .filter(k -> k.to().equals(to))
                .map(k -> LINK.matcher(k.body()))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElse(null);
    }

    HttpResponse<String> settings(WebSession s, String email) throws Exception {
        return s.send(
                "PUT",
                "/api/notifications/settings",
                "{\"emailMode\":\"IMMEDIATE\",\"language\":\"zh-CN\",\"email\":\"" + email + "\"}",
                Map.of("Content-Type", "application/json"));
    }

    @Test
    void aUserWhoSetsAnothersAddressNeverSeesTheirMailInTheDemoMailbox() throws Exception {
        String customers = DemoData.CUSTOMER_USER + "@" + DemoNotificationSettings.DOMAIN;
        String own = DemoData.SECURITIES_USER + "@" + DemoNotificationSettings.DOMAIN;
        WebSession attacker = session(DemoData.SECURITIES_USER);
        HttpResponse<String> set = settings(attacker, customers);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        String secret = "邀请您加入云鉴 " + UUID.randomUUID();
        mail(customers, secret);

        HttpResponse<String> box = attacker.get("/demo/mail");
        assertThat(box.statusCode()).isEqualTo(200);
        assertThat(box.body())
                .as("the attacker's demo mailbox")
                .doesNotContain(secret)
                .doesNotContain(customers);
        String token = token(customers);
        assertThat(token)
                .as("a confirmation link went to the address asked for")
                .isNotNull();
        assertThat(box.body()).doesNotContain(token);
        assertThat(set.body()).contains("\"email\":\"" + own + "\"", "\"pendingEmail\":\"" + customers + "\"");

        // the customer sees their own mail, the confirmation link among it, and opening it confirms nothing
        WebSession customer = session(DemoData.CUSTOMER_USER);
        assertThat(customer.get("/demo/mail").body()).contains(secret, token);
        assertThat(customer.get("/lifecycle/calendar/reminder/confirm/" + token).statusCode())
                .isEqualTo(404);
        assertThat(customer.send(
                                "POST",
                                "/lifecycle/calendar/reminder/confirm/" + token,
                                "",
                                Map.of("Content-Type", "application/x-www-form-urlencoded"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(attacker.get("/demo/mail").body()).doesNotContain(secret).doesNotContain(token);
        assertThat(attacker.get("/notifications/settings").body())
                .contains("id=\"email-pending\"", own)
                .doesNotContain(secret);
    }

    @Test
    void anAddressItsOwnerConfirmsShowsTheirMailAtOnce() throws Exception {
        String seeded = DemoData.PROVIDER_USER + "@" + DemoNotificationSettings.DOMAIN;
        String fresh = "provider-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        UUID provider = jdbc.sql("SELECT id FROM user_account WHERE username = ?")
                .param(DemoData.PROVIDER_USER)
                .query(UUID.class)
                .single();
        WebSession owner = session(DemoData.PROVIDER_USER);
        try {
            assertThat(settings(owner, fresh).statusCode()).isEqualTo(200);
            String token = token(fresh);
            HttpResponse<String> page = owner.get("/lifecycle/calendar/reminder/confirm/" + token);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(fresh, "id=\"confirm-form\"");
            HttpResponse<String> done = owner.send(
                    "POST",
                    "/lifecycle/calendar/reminder/confirm/" + token,
                    "",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("id=\"confirm-done\"");
            String subject = "给新邮箱的通知 " + UUID.randomUUID();
            mail(fresh, subject);
            assertThat(owner.get("/demo/mail").body()).contains(subject);
        } finally {
            // the shared demo context's other classes find the provider's seeded address as before
            jdbc.sql("UPDATE party_email_address SET email = ? WHERE user_id = ?")
                    .params(seeded, provider)
                    .update();
        }
    }
}
