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
 * task about no system only whole-organisation robots). Tasks of one {@link WorkTask.Group group} reach a person as one
 * notification while it is unread (it counts them; no new e-mail) and a robot once a day; a daily group's tasks are
 * e-mailed in the daily digest, never at once. Recorded in a transaction of its own; a failure here is logged and
 * never undoes the change.
 */
@Component
class WorkOpenedListener {

    private static final Logger log = LoggerFactory.getLogger(WorkOpenedListener.class);

    private final JdbcClient jdbc;
    /** A robot hears of a group of tasks at most once in this time; the same news reaches a person at most once. */
    static final java.time.Duration DAY = java.time.Duration.ofDays(1);

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
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
        this.deliveries = new DeliveryRepository(jdbc);
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

    /** What a person already has of a task's news. */
    private enum Told {
        /** The news is there: nothing new, no e-mail. */
        ALREADY,
        /** A notification of its group older than a day now stands for it, unread again: e-mailed as new. */
        RENEWED,
        /** Nothing yet: a new notification. */
        NOT_YET
    }

    /**
     * What the person already has of this task's news: a notification with the same text and link today stands for
     * it; an unread notification of its group counts one more task; a notification of the group whose task closed
     * before it was read is taken over by this task (unread again; e-mailed again only after a day).
     */
    private Told told(UUID person, WorkOpened opened, String args, Instant at, Instant now) {
        WorkTask task = opened.task();
        var same = notifications.sameNews(person, task.kind(), args, task.href(), now.minus(DAY));
        if (same.isPresent()) {
            // the same words and link today (a task that closed and waits again): the notification stands for it
            notifications.repoint(same.get(), opened.taskId(), opened.scope());
            return Told.ALREADY;
        }
        WorkTask.Group group = task.group();
        if (group == null) {
            return Told.NOT_YET;
        }
        if (notifications.joinUnreadGroup(person, group.key()) == 1) {
            return Told.ALREADY;
        }
        var closed = notifications.closedUnread(person, group.key());
        if (closed.isEmpty()) {
            return Told.NOT_YET;
        }
        take(closed.get().id(), opened, args, at);
        return closed.get().createdAt().isBefore(now.minus(DAY)) ? Told.RENEWED : Told.ALREADY;
    }

    private void take(UUID notification, WorkOpened opened, String args, Instant at) {
        WorkTask task = opened.task();
        notifications.takeOver(notification, opened.taskId(), opened.scope(), task.kind(), args, task.href(), at);
    }

    private void record(WorkOpened opened) {
        WorkTask task = opened.task();
        WorkTask.Group group = task.group();
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
            Instant at = opened.openedAt() == null ? now : opened.openedAt();
            Told told = told(r.id(), opened, args, at, now);
            if (told == Told.ALREADY) {
                continue; // the person has this news already: nobody is told again
            }
            int inserted = told == Told.RENEWED
                    ? 1
                    : notifications.insertUnlessPresent(
                            r.id(),
                            opened.taskId(),
                            opened.scope(),
                            task.kind(),
                            args,
                            task.href(),
                            group == null ? null : group.key(),
                            group != null && group.daily(),
                            at);
            NotificationSettings.Settings s = settings.of(r.id());
            boolean atOnce = group == null || !group.daily(); // bulk work waits for the daily digest
            if (inserted == 1 && atOnce && s.emailMode() == EmailMode.IMMEDIATE && s.email() != null) {
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
                if (group != null && deliveries.robotHeardOfGroup(w.id(), group.key(), now.minus(DAY))) {
                    continue; // a robot hears of a group once a day, like a person's unread notification
                }
                Deliveries.enqueue(
                        jdbc, Deliveries.Channel.WEBHOOK, task.to().user(), w.id(), org, opened.taskId(), task, now);
            }
        }
    }
}
