package org.yunjian.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.security.Addressees;
import org.yunjian.security.Role;
import org.yunjian.shared.work.Notice;
import org.yunjian.shared.work.WorkClosed;
import org.yunjian.shared.work.WorkOpened;
import org.yunjian.shared.work.WorkTask;

/**
 * Turns an opened task (or a {@link Notice}) into notifications after the change that opened it committed (a rolled-back change notifies
 * nobody): one in-application notification per addressed person, an e-mail delivery for each who wants e-mail at
 * once and has an address, and a robot delivery for each robot of the organisations addressed (the organisation
 * itself, or the organisations of the people addressed) whose scope hears of the task's system ({@link RobotScope}: a
 * task about no system only whole-organisation robots). Recorded in a transaction of its own; a failure here is
 * logged and never undoes the change.
 */
@Component
class WorkOpenedListener {

    private static final Logger log = LoggerFactory.getLogger(WorkOpenedListener.class);

    private final JdbcClient jdbc;
    private final NotificationRepository notifications;
    private final Addressees addressees;
    private final NotificationSettings settings;
    private final Webhooks webhooks;
    private final TransactionTemplate tx;
    private final Clock clock;

    WorkOpenedListener(
            JdbcClient jdbc,
            Addressees addressees,
            NotificationSettings settings,
            Webhooks webhooks,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.notifications = new NotificationRepository(jdbc);
        this.addressees = addressees;
        this.settings = settings;
        this.webhooks = webhooks;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(WorkOpened opened) {
        try {
            tx.executeWithoutResult(status -> record(opened));
        } catch (RuntimeException e) {
            log.error("Notifications of task {} ({}) not recorded: {}", opened.taskId(), opened.scope(), e.toString());
        }
    }

    /**
     * A task that closed needs nobody's attention any more: its unread notifications count as read (the bell counts
     * what still waits; the list keeps them). After the commit too, so it follows the {@link WorkOpened} of a task
     * that opened and closed in one change.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(WorkClosed closed) {
        try {
            tx.executeWithoutResult(status -> notifications.markTaskRead(
                    closed.taskId(), closed.closedAt() == null ? clock.instant() : closed.closedAt()));
        } catch (RuntimeException e) {
            log.error(
                    "Notifications of closed task {} ({}) not marked read: {}",
                    closed.taskId(),
                    closed.scope(),
                    e.toString());
        }
    }

    /**
     * News that needs no action: delivered like an opened task, and — no task being behind it — nothing marks it
     * read but its reader.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Notice notice) {
        on(new WorkOpened(notice.id(), notice.scope(), notice.task(), notice.at(), notice.actor()));
    }

    private void record(WorkOpened opened) {
        WorkTask task = opened.task();
        String args = TaskText.encode(task.args());
        Instant now = clock.instant();
        Set<UUID> organizations = new LinkedHashSet<>();
        if (task.to().organization() != null) {
            organizations.add(task.to().organization());
        }
        List<Addressees.Recipient> recipients = addressees.resolve(task.to());
        for (Addressees.Recipient r : recipients) {
            if (r.role() == Role.USER && r.organizationId() != null) {
                organizations.add(r.organizationId());
            }
            int inserted = notifications.insertUnlessPresent(
                    r.id(),
                    opened.taskId(),
                    opened.scope(),
                    task.kind(),
                    args,
                    task.href(),
                    opened.openedAt() == null ? now : opened.openedAt());
            NotificationSettings.Settings s = settings.of(r.id());
            if (inserted == 1 && s.emailMode() == EmailMode.IMMEDIATE && s.email() != null) {
                Deliveries.enqueue(
                        jdbc,
                        Deliveries.Channel.EMAIL,
                        r.id(),
                        null,
                        r.role() == Role.USER ? r.organizationId() : null,
                        opened.taskId(),
                        task,
                        now);
            }
        }
        for (UUID org : organizations) {
            for (Webhooks.Target w : webhooks.targets(org)) {
                if (!w.scope().hears(task.to().system())) {
                    continue; // need to know: a robot scoped to systems hears of those systems alone
                }
                Deliveries.enqueue(
                        jdbc, Deliveries.Channel.WEBHOOK, task.to().user(), w.id(), org, opened.taskId(), task, now);
            }
        }
    }
}
