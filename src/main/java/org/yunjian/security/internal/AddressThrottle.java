package org.yunjian.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * Per-address throttling of logins, whichever user name is tried: after {@code max-failures} failed
 * passwords or codes from one source address within the window, the address is refused for the initial
 * delay; every further failure after that doubles the delay (up to the maximum) until the address has
 * been quiet for a whole window. Held where the sessions are: in memory (one node) by default, in the
 * database ({@code login_throttle}) with {@code yunjian.sessions.store=database}, so that two nodes behind a
 * proxy count one address's failures together. The source address is the request's remote address; behind
 * a reverse proxy it is the client's only if the forwarded-header set-up is in place.
 */
@Component
public class AddressThrottle implements org.yunjian.security.AddressRefusals {

    /** One address's failures; a value, so that both stores apply the same rule. */
    record Entry(int failures, Instant windowStart, Instant last, Instant blockedUntil, int level) {

        static final Entry NONE = new Entry(0, null, null, null, 0);

        Optional<Duration> retryAfter(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now)
                    ? Optional.of(Duration.between(now, blockedUntil)) : Optional.empty();
        }

        /** Quiet for a whole window since the last failure or the end of the block. */
        boolean forgotten(SecurityProperties.Throttle config, Instant now) {
            Instant quietSince = blockedUntil != null && blockedUntil.isAfter(last) ? blockedUntil : last;
            return quietSince != null && !now.isBefore(quietSince.plus(config.window()));
        }

        /** The entry after one more failure at {@code now}, and the block it starts (or {@code null}). */
        Step afterFailure(SecurityProperties.Throttle config, Instant now) {
            Entry e = last != null && forgotten(config, now) ? NONE : this;
            if (e.level > 0) {
                Duration blocked = delay(config, e.level + 1);
                return new Step(new Entry(e.failures, e.windowStart, now, now.plus(blocked), e.level + 1), blocked);
            }
            boolean newWindow = e.windowStart == null || !now.isBefore(e.windowStart.plus(config.window()));
            Instant start = newWindow ? now : e.windowStart;
            int failures = (newWindow ? 0 : e.failures) + 1;
            if (failures >= config.maxFailures()) {
                Duration blocked = delay(config, 1);
                return new Step(new Entry(failures, start, now, now.plus(blocked), 1), blocked);
            }
            return new Step(new Entry(failures, start, now, e.blockedUntil, 0), null);
        }

        private static Duration delay(SecurityProperties.Throttle config, int level) {
            Duration d = config.initialDelay().multipliedBy(1L << Math.min(level - 1, 20));
            return d.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : d;
        }
    }

    record Step(Entry entry, Duration blocked) {
    }

    /** Where the entries live. */
    interface Store {
        Optional<Entry> get(String address);

        /** Replaces the address's entry by {@code change} of it ({@link Entry#NONE} if absent), atomically; returns it. */
        Entry update(String address, UnaryOperator<Entry> change);

        void clear();
    }

    /** Entries kept in memory before stale ones are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private final SecurityProperties.Throttle config;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Store store;

    @Autowired
    AddressThrottle(SecurityProperties properties, Clock clock, ApplicationEventPublisher events, JdbcClient jdbc,
                    PlatformTransactionManager transactions,
                    @Value("${yunjian.sessions.store:memory}") String sessionStore) {
        this(properties, clock, events, "database".equals(sessionStore)
                ? new DatabaseThrottleStore(jdbc, transactions, properties.throttle(), clock) : new MemoryStore());
    }

    AddressThrottle(SecurityProperties properties, Clock clock, ApplicationEventPublisher events, Store store) {
        this.config = properties.throttle();
        this.clock = clock;
        this.events = events;
        this.store = store;
    }

    /** How long the address must still wait, if it is refused now. */
    @Override
    public Optional<Duration> retryAfter(String address) {
        Instant now = clock.instant();
        return store.get(key(address)).flatMap(e -> e.retryAfter(now));
    }

    /** Records a failed password or code from the address. */
    void failed(String address) {
        Instant now = clock.instant();
        if (store instanceof MemoryStore memory) {
            memory.sweep(config, now);
        }
        Step[] step = new Step[1];
        store.update(key(address), e -> {
            step[0] = e.afterFailure(config, now);
            return step[0].entry();
        });
        if (step[0].blocked() != null) {
            events.publishEvent(AuditableEvent.failure("user.login.throttle", "address", null,
                    Msg.of("security.audit.throttle", key(address), step[0].blocked().toSeconds())));
        }
    }

    /** A request refused at the edge counts like a failed password or code. */
    @Override
    public void refused(String address) {
        failed(address);
    }

    /** Forgets every address (tests; an operator restart does the same for the in-memory store). */
    public void clear() {
        store.clear();
    }

    private static String key(String address) {
        String k = address == null || address.isBlank() ? "unknown" : address.strip();
        return k.length() > 100 ? k.substring(0, 100) : k;
    }

    /** One node's memory. */
    static final class MemoryStore implements Store {
        private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<Entry> get(String address) {
            return Optional.ofNullable(entries.get(address));
        }

        @Override
        public Entry update(String address, UnaryOperator<Entry> change) {
            return entries.compute(address, (k, e) -> change.apply(e == null ? Entry.NONE : e));
        }

        @Override
        public void clear() {
            entries.clear();
        }

        void sweep(SecurityProperties.Throttle config, Instant now) {
            if (entries.size() > SWEEP_ABOVE) {
                entries.values().removeIf(e -> e.forgotten(config, now));
            }
        }
    }
}
