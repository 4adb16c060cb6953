package org.yunjian.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.obligations.OverdueDrill;
import org.yunjian.shared.OutgoingMail;

/**
 * Every mail through the delivery rows (issue 61): a mail another module wrote (an invitation, a reminder) is a
 * {@code MAIL} row written in the writer's transaction — so a rolled-back change mails nothing — tried once that
 * transaction commits (received by GreenMail, the row SENT and its body, which may carry a one-time link, no longer
 * kept), and a mail the server cannot take is retried by the delivery job and then recorded FAILED with its reason.
 */
@SpringBootTest
@org.yunjian.support.RunsBesideTheSuite
class PreparedMailTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = OverdueDrill.smtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        // a database of its own, and no delivery job run between this class's own tries
        org.yunjian.support.TestDatabases.fresh("prepared_mail", registry);
        OverdueDrill.remindersThrough(SMTP, registry);
        registry.add("yunjian.notifications.delivery-interval", () -> "1h");
        registry.add("yunjian.notifications.first-retry", () -> "0s");
        registry.add("yunjian.notifications.max-attempts", () -> "2");
    }

    @Autowired
    OutgoingMail mail;

    @Autowired
    Deliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aMailQueuedInACommittedChangeIsSentAtOnceAndItsBodyNotKept() throws Exception {
        String to = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.gov.cn";
        UUID id = new TransactionTemplate(transactions)
                .execute(status -> mail.queue(to, "邀请 / Invitation", "请打开链接 https://yunjian.example/x", null));

        MimeMessage received = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipients(m).contains(to))
                .findFirst()
                .orElseThrow();
        assertThat(received.getSubject()).isEqualTo("邀请 / Invitation");
        assertThat(GreenMailUtil.getBody(received)).isNotBlank();
        Map<String, Object> row = row(id);
        assertThat(row.get("CHANNEL")).isEqualTo("MAIL");
        assertThat(row.get("STATUS")).isEqualTo("SENT");
        assertThat(row.get("RECIPIENT")).isEqualTo(to);
        assertThat(row.get("BODY")).isNull();
    }

    @Test
    void aRolledBackChangeMailsNothing() {
        String to = "never-" + UUID.randomUUID().toString().substring(0, 8) + "@example.gov.cn";
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            mail.queue(to, "不应发送", "正文", null);
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE recipient = ?")
                        .param(to)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(PreparedMailTests::recipients))
                .noneMatch(a -> a.contains(to));
    }

    @Test
    void aMailTheServerCannotTakeIsRetriedThenRecordedFailed() {
        UUID id = new TransactionTemplate(transactions)
                .execute(status -> mail.queue("not an address@@", "主题", "正文", null));

        Map<String, Object> first = row(id);
        assertThat(first.get("STATUS")).isEqualTo("PENDING");
        assertThat(((Number) first.get("ATTEMPTS")).intValue()).isEqualTo(1);
        assertThat(first.get("LAST_ERROR")).isNotNull();

        deliveries.runDue();

        Map<String, Object> last = row(id);
        assertThat(last.get("STATUS")).isEqualTo("FAILED");
        assertThat(((Number) last.get("ATTEMPTS")).intValue()).isEqualTo(2);
        assertThat(last.get("BODY")).isNull();
    }

    static String recipients(MimeMessage m) {
        try {
            return GreenMailUtil.getAddressList(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> row(UUID id) {
        Map<String, Object> raw = jdbc.sql("SELECT * FROM notification_delivery WHERE id = ?")
                .param(id)
                .query()
                .singleRow();
        Map<String, Object> upper = new java.util.HashMap<>();
        raw.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
        return upper;
    }
}
