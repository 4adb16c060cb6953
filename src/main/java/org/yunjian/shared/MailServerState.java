package org.yunjian.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The mail server's state as the platform's real deliveries saw it (notifications, reminders, invitations, address
 * confirmations): the last success and the last failure. It is the health component {@code mail}, shown with its
 * details to system administrators and the monitoring credential; it never connects anywhere, so a health request
 * (anonymous ones included) opens no connection to the mail server. Spring Boot's own mail health indicator, which
 * connected on every request, is switched off ({@code management.health.mail.enabled=false}) and this bean takes its
 * name. A failing server is {@value #FAILING}, a status outside the aggregate's order: it shows on the component and
 * leaves the node's health (and its load balancer) alone. One WARN line when deliveries start failing, none for
 * each further failure or request.
 */
@Component("mailHealthIndicator")
public class MailServerState implements HealthIndicator {

    /** The component's status while the last delivery failed. */
    public static final String FAILING = "FAILING";

    private static final Logger log = LoggerFactory.getLogger(MailServerState.class);
    private static final int ERROR_MAX = 300;

    private record Seen(Instant lastSuccess, Instant lastFailure, String lastError) {
        boolean failing() {
            return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
        }
    }

    private final AtomicReference<Seen> seen = new AtomicReference<>(new Seen(null, null, null));
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;

    MailServerState(ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    /** A message was accepted by the mail server (or the demo's sink). */
    public void sent() {
        Instant now = clock.instant();
        Seen before = seen.getAndUpdate(s -> new Seen(now, s.lastFailure(), s.lastError()));
        if (before.failing()) {
            log.info("Mail server accepts messages again");
        }
    }

    /** The mail server refused or could not be reached: {@code e} is kept as one short line, without a stack trace. */
    public void failed(Exception e) {
        Instant now = clock.instant();
        String text = Text.safeLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        String error = text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) + "…" : text;
        Seen before = seen.getAndUpdate(s -> new Seen(s.lastSuccess(), now, error));
        if (!before.failing()) {
            log.warn(
                    "Mail server failed a delivery (further failures are shown in the health details only): {}", error);
        }
    }

    @Override
    public Health health() {
        Seen s = seen.get();
        boolean configured = mail.getIfAvailable() != null;
        Health.Builder b = !configured || s.lastSuccess() == null && s.lastFailure() == null
                ? Health.unknown()
                : s.failing() ? Health.status(new Status(FAILING)) : Health.up();
        b.withDetail("configured", configured);
        if (s.lastSuccess() != null) {
            b.withDetail("lastSuccess", s.lastSuccess().toString());
        }
        if (s.lastFailure() != null) {
            b.withDetail("lastFailure", s.lastFailure().toString()).withDetail("lastError", s.lastError());
        }
        return b.build();
    }
}
