package org.yunjian.inbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.Formats;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.work.SystemReaders;
import org.yunjian.shared.work.WorkClosed;
import org.yunjian.shared.work.WorkOpened;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkTask;

/**
 * The read model behind 我的待办. Listens to every {@link WorkSnapshot} inside the publisher's transaction, keeps
 * the scope's open tasks as the snapshot lists them and publishes {@link WorkOpened} for a task that was not open
 * (unless a rebuild found it) and {@link WorkClosed} for one no longer listed; answers what waits for the caller.
 */
@Service
public class Inbox {

    /** Who has a 我的待办: every signed-in person (administrators get tasks addressed to their role). */
    public static final String READERS = "hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')";

    /** Set while a rebuild publishes: what it finds opens without notifications; the scopes it saw. */
    private static final ThreadLocal<Set<String>> REBUILDING = new ThreadLocal<>();

    private final TaskRepository store;
    private final org.springframework.beans.factory.ObjectProvider<SystemReaders> readers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inbox(
            TaskRepository store,
            ApplicationEventPublisher events,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<SystemReaders> readers) {
        this.store = store;
        this.readers = readers;
        this.events = events;
        this.clock = clock;
    }

    /** One line of 我的待办, its text in the reader's language. */
    public record Line(
            UUID id, String kind, String text, String href, LocalDate due, boolean overdue, Instant openedAt) {

        /** When it opened, in the users' zone to the minute. */
        public String opened() {
            return Formats.minute(openedAt);
        }

        public String dueDate() {
            return Formats.date(due);
        }
    }

    @EventListener
    @Transactional
    public void on(WorkSnapshot snapshot) {
        Set<String> rebuilding = REBUILDING.get();
        if (rebuilding != null) {
            rebuilding.add(snapshot.scope());
        }
        apply(snapshot, rebuilding != null);
    }

    private void apply(WorkSnapshot snapshot, boolean quietly) {
        Instant now = clock.instant();
        String scope = snapshot.scope();
        store.lockScope(scope, now);
        Map<String, TaskRepository.Stored> open = new LinkedHashMap<>();
        store.open(scope).forEach(s -> open.put(s.task().key(), s));
        UUID actor =
                quietly ? null : CurrentUser.current().map(CurrentUser::userId).orElse(null);
        for (WorkTask task : snapshot.open()) {
            TaskRepository.Stored was = open.remove(task.key());
            if (was != null && was.task().to().equals(task.to())) {
                // the group is the notifications' business: the inbox keeps the task without it
                if (!was.task().equals(task.in(null))) {
                    store.update(was.id(), task);
                }
                continue;
            }
            if (was != null) {
                // now waiting for other people: for them it is a new task
                close(was, now);
            }
            UUID id = UUID.randomUUID();
            store.insert(id, scope, task, now);
            if (!quietly) {
                events.publishEvent(new WorkOpened(id, scope, task, now, actor));
            }
        }
        open.values().forEach(s -> close(s, now));
    }

    private void close(TaskRepository.Stored s, Instant now) {
        store.delete(s.id());
        events.publishEvent(new WorkClosed(s.id(), s.scope(), s.task().key(), now));
    }

    /**
     * Runs {@code publishing} (the sources' {@code publishAll}) as a rebuild: the snapshots it publishes open tasks
     * without notifications; afterwards, if every source published ({@code publishing} answers true), the tasks of
     * every scope it did not publish that were open before it began close.
     */
    void rebuild(java.util.function.BooleanSupplier publishing) {
        Instant began = clock.instant();
        Set<String> seen = new HashSet<>();
        REBUILDING.set(seen);
        try {
            if (!publishing.getAsBoolean()) {
                return;
            }
            for (String scope : store.scopesOpenedBefore(began)) {
                if (!seen.contains(scope)) {
                    // through the event, so that it is applied in a transaction like any snapshot
                    events.publishEvent(WorkSnapshot.nothingWaiting(scope));
                }
            }
        } finally {
            REBUILDING.remove();
        }
    }

    /** One page of what waits for the caller, in the caller's language. */
    @Transactional(readOnly = true)
    public Paged<Line> mine(PageRequest page) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.zone()));
        return store.waitingFor(reader(), page).map(s -> line(s, today));
    }

    /** How many tasks wait for the caller. */
    @Transactional(readOnly = true)
    public long count() {
        return store.countFor(reader());
    }

    private TaskRepository.Reader reader() {
        CurrentUser u = CurrentUser.require();
        UUID org = u.is(Role.USER) ? u.organizationId() : null;
        SystemReaders rule = readers.getIfAvailable();
        return new TaskRepository.Reader(
                u.userId(),
                org,
                u.role().isAdministrator() ? u.role().name() : null,
                org == null || rule == null ? null : rule.limitedTo(u.userId(), org));
    }

    private static Line line(TaskRepository.Stored s, LocalDate today) {
        WorkTask t = s.task();
        return new Line(
                s.id(),
                t.kind(),
                WorkTask.text(t.kind(), t.args()).text(),
                t.href(),
                t.due(),
                t.due() != null && t.due().isBefore(today),
                s.openedAt());
    }
}
