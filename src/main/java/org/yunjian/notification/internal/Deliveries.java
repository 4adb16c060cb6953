package org.yunjian.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.work.WorkTask;

/**
 * The delivery records and their job: each e-mail or robot message is a row written before it is tried; a run tries
 * the due rows, each claimed first with a conditional UPDATE (so two nodes never send one row twice), sent outside
 * any transaction, and then recorded SENT — or, after {@code maxAttempts} tries with doubling delays, FAILED —
 * with an audit entry either way.
 */
@Service
public class Deliveries {

    enum Channel {
        EMAIL,
        DIGEST,
        WEBHOOK,
        /** A mail written by its module (invitation, reminder, address confirmation): address, subject and body. */
        MAIL
    }

    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    /** A delivery row. */
    record Row(
            UUID id,
            Channel channel,
            UUID userId,
            UUID webhookId,
            UUID organizationId,
            UUID taskId,
            String kind,
            String args,
            String href,
            int attempts,
            Instant createdAt,
            String recipient,
            String subject,
            String body) {}

    /** What a try ended with: sent, or the reason it was not (for the record and the administrators). */
    static final class DeliveryFailure extends Exception {
        DeliveryFailure(String reason) {
            super(reason);
        }
    }

    /** Sends one row's message (e-mail or robot). */
    interface Sender {
        void send(Row row) throws DeliveryFailure;
    }

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    /** How long a claimed row is left alone (a node that died while sending): then it is due again. */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final DeliveryRepository rows;
    private final MailDelivery mail;
    private final WebhookDelivery robots;
    private final NotificationProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Deliveries(
            JdbcClient jdbc,
            MailDelivery mail,
            WebhookDelivery robots,
            NotificationProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.rows = new DeliveryRepository(jdbc);
        this.mail = mail;
        this.robots = robots;
        this.properties = properties;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        // its own transactions also when tried from a committing one (a prepared mail's afterCommit)
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    static UUID enqueue(
            JdbcClient jdbc,
            Channel channel,
            UUID user,
            UUID webhook,
            UUID organization,
            UUID taskId,
            WorkTask task,
            Instant now) {
        UUID id = UUID.randomUUID();
        new DeliveryRepository(jdbc)
                .insert(
                        id,
                        channel.name(),
                        user,
                        webhook,
                        organization,
                        taskId,
                        task == null ? null : task.kind(),
                        task == null ? null : TaskText.encode(task.args()),
                        task == null ? null : task.href(),
                        task == null || task.group() == null
                                ? null
                                : task.group().key(),
                        Status.PENDING.name(),
                        now);
        return id;
    }

    /** Tries every due delivery once; returns how many were sent. */
    public int runDue() {
        List<UUID> due = rows.due(Status.PENDING.name(), clock.instant());
        int sent = 0;
        for (UUID id : due) {
            sent += attempt(id) ? 1 : 0;
        }
        return sent;
    }

    /** Tries one delivery now (a prepared mail just committed); false when another run has it or it failed. */
    boolean attempt(UUID id) {
        Row row = tx.execute(status -> claim(id));
        if (row == null) {
            return false;
        }
        try {
            switch (row.channel()) {
                case WEBHOOK -> robots.send(row);
                case DIGEST -> mail.sendDigest(row);
                case MAIL -> mail.sendPrepared(row);
                default -> mail.send(row);
            }
        } catch (DeliveryFailure | RuntimeException e) {
            String reason = Text.safeLine(e instanceof DeliveryFailure ? e.getMessage() : e.toString());
            String cut = reason.length() > 900 ? reason.substring(0, 900) : reason;
            tx.executeWithoutResult(status -> failed(row, cut));
            return false;
        }
        tx.executeWithoutResult(status -> sent(row));
        return true;
    }

    private Row claim(UUID id) {
        Row row = rows.find(
                        id,
                        (rs, n) -> new Row(
                                id,
                                Channel.valueOf(rs.getString("channel")),
                                rs.getObject("user_id", UUID.class),
                                rs.getObject("webhook_id", UUID.class),
                                rs.getObject("organization_id", UUID.class),
                                rs.getObject("task_id", UUID.class),
                                rs.getString("kind"),
                                rs.getString("args"),
                                rs.getString("href"),
                                rs.getInt("attempts"),
                                Jdbc.instant(rs, "created_at"),
                                rs.getString("recipient"),
                                rs.getString("subject"),
                                rs.getString("body")))
                .orElse(null);
        if (row == null) {
            return null;
        }
        Instant now = clock.instant();
        int claimed = rows.claim(id, Status.PENDING.name(), row.attempts(), now, now.plus(CLAIM));
        return claimed == 1 ? row : null;
    }

    private void sent(Row row) {
        rows.sent(row.id(), Status.SENT.name(), clock.instant());
        events.publishEvent(AuditableEvent.success(
                        "notification.delivery.send",
                        "notification-delivery",
                        row.id(),
                        Msg.of(
                                "notification.audit.sent",
                                Msg.of("notification.channel." + row.channel().name()),
                                row.attempts() + 1))
                .withActor("system:notifications"));
    }

    private void failed(Row row, String reason) {
        int tries = row.attempts() + 1;
        if (tries >= properties.maxAttempts()) {
            rows.finish(row.id(), Status.FAILED.name(), clock.instant(), reason);
            log.warn("Notification delivery {} ({}) failed after {} tries: {}", row.id(), row.channel(), tries, reason);
            events.publishEvent(AuditableEvent.failure(
                            "notification.delivery.send",
                            "notification-delivery",
                            row.id(),
                            Msg.of(
                                    "notification.audit.failed",
                                    Msg.of("notification.channel."
                                            + row.channel().name()),
                                    tries,
                                    reason))
                    .withActor("system:notifications"));
            return;
        }
        Duration delay = properties.firstRetry().multipliedBy(1L << Math.min(tries - 1, 20));
        rows.retryAt(row.id(), clock.instant().plus(delay), reason);
    }
}
