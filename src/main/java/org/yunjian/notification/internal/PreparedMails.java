package org.yunjian.notification.internal;

import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunjian.shared.OutgoingMail;

/**
 * {@link OutgoingMail} on the delivery rows: the mail is a {@code MAIL} row written in the caller's transaction (so a
 * rolled-back invitation mails nothing), tried once that transaction commits, and otherwise left to the delivery job's
 * retries — the same status, audit entries and administrators' list as every notification.
 */
@Component
class PreparedMails implements OutgoingMail {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PreparedMails.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final DeliveryRepository rows;
    private final ObjectProvider<Deliveries> deliveries;
    private final Clock clock;

    PreparedMails(
            ObjectProvider<JavaMailSender> mail, JdbcClient jdbc, ObjectProvider<Deliveries> deliveries, Clock clock) {
        this.mail = mail;
        this.rows = new DeliveryRepository(jdbc);
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public UUID queue(String to, String subject, String body, UUID organization) {
        UUID id = UUID.randomUUID();
        rows.insertMail(id, to, subject, body, organization, Deliveries.Status.PENDING.name(), clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tryNow(id);
                }
            });
        } else {
            tryNow(id);
        }
        return id;
    }

    /** The first try; whatever goes wrong is the delivery job's to retry, never the caller's failure. */
    private void tryNow(UUID id) {
        try {
            deliveries.getObject().attempt(id);
        } catch (RuntimeException e) {
            log.warn("Mail delivery {} not tried at once, left to the delivery job: {}", id, e.toString());
        }
    }
}
