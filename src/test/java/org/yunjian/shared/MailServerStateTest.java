package org.yunjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 56, finding 4: the mail server's state shows to administrators from what real deliveries saw — no connection
 * made for a health request, no stack trace, one WARN line when failures start — and a failing mail server does not
 * take the node's aggregate health down.
 */
class MailServerStateTest {

    static MailServerState state(boolean configured) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (configured) {
            beans.addBean("mailSender", new JavaMailSenderImpl());
        }
        return new MailServerState(
                beans.getBeanProvider(JavaMailSender.class),
                Clock.fixed(Instant.parse("2026-12-07T01:30:00Z"), ZoneOffset.UTC));
    }

    /** Logback's context, once SLF4J has finished starting (classes start in parallel: it may be under way). */
    static ch.qos.logback.classic.LoggerContext logback() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    }

    @Test
    void unknownUntilAMessageIsSentAndWithoutAServer() {
        assertThat(state(false).health().getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(state(false).health().getDetails()).containsEntry("configured", false);
        MailServerState s = state(true);
        assertThat(s.health().getStatus()).isEqualTo(Status.UNKNOWN);
        s.sent();
        assertThat(s.health().getStatus()).isEqualTo(Status.UP);
        assertThat(s.health().getDetails()).containsEntry("lastSuccess", "2026-12-07T01:30:00Z");
    }

    @Test
    void aFailureShowsItsReasonInOneLineAndWarnsOnceUntilTheServerRecovers() {
        MailServerState s = state(true);
        ch.qos.logback.classic.Logger logger = logback().getLogger(MailServerState.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            for (int i = 0; i < 30; i++) {
                s.failed(new MailSendException(
                        "Mail server connection failed\n\tat somewhere",
                        new java.net.ConnectException("Connection refused")));
            }
        } finally {
            logger.detachAppender(logged);
        }
        Health h = s.health();
        assertThat(h.getStatus().getCode()).isEqualTo(MailServerState.FAILING);
        assertThat((String) h.getDetails().get("lastError"))
                .startsWith("Mail server connection failed")
                .doesNotContain("\n")
                .doesNotContain("\tat");
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).as("no stack trace").isNull();
        assertThat(logged.list.get(0).getFormattedMessage()).doesNotContain("\n");
        // the node stays UP for its load balancer: the status is outside the aggregate's order
        assertThat(StatusAggregator.getDefault().getAggregateStatus(Status.UP, h.getStatus()))
                .isEqualTo(Status.UP);
        s.sent();
        assertThat(s.health().getStatus()).isEqualTo(Status.UP);
        assertThat(s.health().getDetails()).containsKey("lastFailure");
    }
}
