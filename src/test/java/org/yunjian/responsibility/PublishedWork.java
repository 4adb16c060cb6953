package org.yunjian.responsibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkTask;

/**
 * Stands in for the inbox in tests (it lands with another change): keeps every {@link WorkSnapshot} published, as the
 * inbox receives them — inside the transaction of the change — and answers what is open per scope now.
 */
@TestComponent
public class PublishedWork {

    private final List<WorkSnapshot> all = new ArrayList<>();

    @EventListener
    synchronized void on(WorkSnapshot snapshot) {
        all.add(snapshot);
    }

    public synchronized void clear() {
        all.clear();
    }

    /** The last snapshot of every scope starting with {@code prefix}, by scope. */
    public synchronized Map<String, WorkSnapshot> latest(String prefix) {
        Map<String, WorkSnapshot> out = new LinkedHashMap<>();
        all.stream().filter(s -> s.scope().startsWith(prefix)).forEach(s -> out.put(s.scope(), s));
        return out;
    }

    /** The last snapshot of {@code scope}, if one was published. */
    public synchronized Optional<WorkSnapshot> of(String scope) {
        return Optional.ofNullable(latest(scope).get(scope));
    }

    /** The tasks now open in the scopes starting with {@code prefix}, as the last snapshot of each says. */
    public synchronized List<WorkTask> open(String prefix) {
        return latest(prefix).values().stream().flatMap(s -> s.open().stream()).toList();
    }
}
