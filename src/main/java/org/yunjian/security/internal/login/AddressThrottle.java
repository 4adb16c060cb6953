package org.yunjian.security.internal.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.yunjian.security.internal.SecurityProperties;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * Throttling of failed logins and of refusals at the edge. Three counts, each refusing what it counts for the initial
 * delay once it reaches its limit within the window, every further failure after that doubling the delay (up to the
 * maximum) until it has been quiet for a whole window:
 * <ul>
 * <li>each account name at each source address ({@code max-failures}): one person guessing or mistyping one
 *     account's password or codes is slowed down there, and nobody else is;</li>
 * <li>every failed login from one source address ({@code address-max-failures}, much higher): password spraying
 *     over many account names from one address is stopped, but one person's mistakes never lock out an office
 *     behind one NAT address (issue 35);</li>
 * <li>a source address's refused API tokens and undecodable requests ({@code max-failures},
 *     {@link org.yunjian.security.AddressRefusals}): a blocked address is refused everywhere, logins included.</li>
 * </ul>
 * Each account's own failures, whatever the address, lock it ({@link LoginAttempts}). Held where the sessions are:
 * in memory (one node) by default, in the database ({@code login_throttle}) with
 * {@code yunjian.sessions.store=database}, so that two nodes behind a proxy count together. The source address is
 * the request's remote address; behind a reverse proxy it is the client's only if the forwarded-header set-up is in
 * place.
 *
 * <p>A login attempt {@link #reserve reserves} its place in its counts before its password or code is checked, in
 * one atomic update of each entry, like the account lockout ({@link LoginAttempts}): the reservation counts as a
 * failure at once — the one that reaches the limit starts the block — so however many attempts arrive together, at
 * most the limit of them are checked (issue 33: 92 of 100 simultaneous attempts were evaluated against a limit of
 * 10). A failure keeps the reservation ({@link #failed}); an attempt that does not fail gives it back, with the
 * block it started, when the login filter {@link #settle settles} it.
 */
@Component
public class AddressThrottle implements org.yunjian.security.AddressRefusals {

    /** One address's failures; a value, so that both stores apply the same rule. */
    record Entry(int failures, Instant windowStart, Instant last, Instant blockedUntil, int level) {

        static final Entry NONE = new Entry(0, null, null, null, 0);

        Optional<Duration> retryAfter(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now)
                    ? Optional.of(Duration.between(now, blockedUntil))
                    : Optional.empty();
        }

        /** Quiet for a whole window since the last failure or the end of the block. */
        boolean forgotten(SecurityProperties.Throttle config, Instant now) {
            Instant quietSince = blockedUntil != null && blockedUntil.isAfter(last) ? blockedUntil : last;
            return quietSince != null && !now.isBefore(quietSince.plus(config.window()));
        }

        /** The entry after one more failure at {@code now}, and the block it starts (or {@code null}). */
        Step afterFailure(SecurityProperties.Throttle config, int limit, Instant now) {
            Entry e = last != null && forgotten(config, now) ? NONE : this;
            if (e.level > 0) {
                Duration blocked = delay(config, e.level + 1);
                return new Step(e, new Entry(e.failures, e.windowStart, now, now.plus(blocked), e.level + 1), blocked);
            }
            boolean newWindow = e.windowStart == null || !now.isBefore(e.windowStart.plus(config.window()));
            Instant start = newWindow ? now : e.windowStart;
            int failures = (newWindow ? 0 : e.failures) + 1;
            if (failures >= limit) {
                Duration blocked = delay(config, 1);
                return new Step(e, new Entry(failures, start, now, now.plus(blocked), 1), blocked);
            }
            return new Step(e, new Entry(failures, start, now, e.blockedUntil, 0), null);
        }

        /**
         * This entry with a reservation given back: the reservation moved the entry from {@code step.from()} to
         * {@code step.entry()}; its count is taken off (if the window is still the same), and the block it started
         * or raised is undone unless something raised it since.
         */
        Entry released(Step step) {
            Entry from = step.from();
            Entry reserved = step.entry();
            boolean counted =
                    reserved.failures != from.failures || !Objects.equals(reserved.windowStart, from.windowStart);
            int f = counted && Objects.equals(windowStart, reserved.windowStart) ? Math.max(0, failures - 1) : failures;
            boolean ours = step.blocked() != null
                    && Objects.equals(blockedUntil, reserved.blockedUntil)
                    && level == reserved.level;
            boolean untouched = ours && Objects.equals(last, reserved.last);
            return new Entry(
                    f,
                    windowStart,
                    untouched ? from.last : last,
                    ours ? from.blockedUntil : blockedUntil,
                    ours ? from.level : level);
        }

        private static Duration delay(SecurityProperties.Throttle config, int level) {
            Duration d = config.initialDelay().multipliedBy(1L << Math.min(level - 1, 20));
            return d.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : d;
        }
    }

    /** One failure's effect: the entry it started {@code from} (nothing, when forgotten), the new one, the block. */
    record Step(Entry from, Entry entry, Duration blocked) {}

    /** Which count refused a login: what the refusal tells the person. */
    enum Count {
        /** Refused tokens or undecodable requests from the address. */
        EDGE("security.throttle.detail"),
        /** Failed logins from the address, whatever the account. */
        ADDRESS("security.throttle.address.detail"),
        /** Failed logins of the account name from the address. */
        ACCOUNT("security.throttle.account.detail");

        final String detail;

        Count(String detail) {
            this.detail = detail;
        }
    }

    /** A login refused before it is checked: how long to wait, and which count refused it. */
    record Refusal(Duration retryAfter, Count count) {}

    /** One count a login attempt reserved a place in, and the audit text of a block it starts. */
    private record Held(String key, Step step, String audit, List<Object> auditArgs) {}

    /** A login attempt's places in its counts, held by the request's thread until it is settled. */
    private static final class Reservation {
        private final String address;
        private final List<Held> held;
        private boolean failed;

        Reservation(String address, List<Held> held) {
            this.address = address;
            this.held = held;
        }
    }

    /** Where the entries live. */
    interface Store {
        Optional<Entry> get(String address);

        /** Replaces the address's entry by {@code change} of it ({@link Entry#NONE} if absent), atomically; returns it. */
        Entry update(String address, UnaryOperator<Entry> change);

        void clear();
    }

    /** The longest user name ({@code user_account.username}). */
    private static final int ACCOUNT_NAME_LENGTH = 64;

    /** Entries kept in memory before stale ones are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private final SecurityProperties.Throttle config;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Store store;
    private final ThreadLocal<Reservation> reservation = new ThreadLocal<>();

    @Autowired
    AddressThrottle(
            SecurityProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            @Value("${yunjian.sessions.store:memory}") String sessionStore) {
        this(
                properties,
                clock,
                events,
                "database".equals(sessionStore)
                        ? new ThrottleRepository(jdbc, transactions, properties.throttle(), clock)
                        : new MemoryStore());
    }

    public AddressThrottle(SecurityProperties properties, Clock clock, ApplicationEventPublisher events, Store store) {
        this.config = properties.throttle();
        this.clock = clock;
        this.events = events;
        this.store = store;
    }

    /** How long the address must still wait, if its refused tokens or undecodable requests block it now. */
    @Override
    public Optional<Duration> retryAfter(String address) {
        Instant now = clock.instant();
        return store.get(key(address)).flatMap(e -> e.retryAfter(now));
    }

    /**
     * Reserves one login attempt of {@code account} from the address before its password or code is checked,
     * atomically in each count (the account name at the address, then the address): counted as a failure at once
     * (the one reaching a limit starts the block), held by this thread until {@link #settle}.
     *
     * @param account the account name tried (as typed; unknown names are counted like known ones)
     * @return why and how long the attempt must wait if it is refused now (nothing reserved), else empty
     */
    Optional<Refusal> reserve(String address, String account) {
        Instant now = entryTime();
        sweep(now);
        Optional<Duration> edge = retryAfter(address);
        if (edge.isPresent()) {
            return Optional.of(new Refusal(edge.get(), Count.EDGE));
        }
        String name = accountName(account);
        List<Held> held = new ArrayList<>();
        for (Count count : List.of(Count.ACCOUNT, Count.ADDRESS)) {
            boolean perAccount = count == Count.ACCOUNT;
            String key = perAccount ? accountKey(address, name) : loginKey(address);
            int limit = perAccount ? config.maxFailures() : config.addressMaxFailures();
            Step[] step = new Step[1];
            Duration[] wait = new Duration[1];
            store.update(key, e -> {
                Optional<Duration> refused = e.retryAfter(now);
                step[0] = refused.isPresent() ? null : e.afterFailure(config, limit, now);
                wait[0] = refused.orElse(null);
                return refused.isPresent() ? e : step[0].entry();
            });
            if (wait[0] != null) {
                held.forEach(this::release);
                return Optional.of(new Refusal(wait[0], count));
            }
            held.add(
                    perAccount
                            ? new Held(key, step[0], "security.audit.throttle.account", List.of(name, key(address)))
                            : new Held(key, step[0], "security.audit.throttle.address", List.of(key(address))));
        }
        reservation.set(new Reservation(key(address), held));
        return Optional.empty();
    }

    /**
     * Ends this thread's reservation: a failure keeps it (and its blocks, now audited); anything else — a correct
     * password, an error — gives it back.
     */
    void settle() {
        Reservation r = reservation.get();
        reservation.remove();
        if (r != null && !r.failed) {
            r.held.forEach(this::release);
        }
    }

    private void release(Held h) {
        store.update(h.key, e -> e.released(h.step));
    }

    /**
     * Records a failed password or code from the address: this thread's login reservation, if it holds one for the
     * address; otherwise a refusal at the edge, counted against the address itself.
     */
    public void failed(String address) {
        String key = key(address);
        Reservation r = reservation.get();
        if (r != null && r.address.equals(key)) {
            if (!r.failed) {
                r.failed = true;
                r.held.forEach(h -> audit(h.step, h.audit, h.auditArgs));
            }
            return;
        }
        Instant now = entryTime();
        sweep(now);
        Step[] step = new Step[1];
        store.update(key, e -> {
            step[0] = e.afterFailure(config, config.maxFailures(), now);
            return step[0].entry();
        });
        audit(step[0], "security.audit.throttle", List.of(key));
    }

    private void audit(Step step, String text, List<Object> args) {
        if (step.blocked() != null) {
            List<Object> all = new ArrayList<>(args);
            all.add(step.blocked().toSeconds());
            events.publishEvent(
                    AuditableEvent.failure("user.login.throttle", "address", null, Msg.of(text, all.toArray())));
        }
    }

    /** Now, in milliseconds: what the database keeps exactly, so that a reservation finds its own block there. */
    private Instant entryTime() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void sweep(Instant now) {
        if (store instanceof MemoryStore memory) {
            memory.sweep(config, now);
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

    /** Every login from the address. */
    private static String loginKey(String address) {
        return "login@" + key(address);
    }

    /** One account name's logins from the address. */
    private static String accountKey(String address, String name) {
        return loginKey(address) + "/" + name;
    }

    /** The name as typed, stripped; no account name is longer than a user name can be. */
    private static String accountName(String account) {
        String n = account == null ? "" : account.strip();
        return n.length() > ACCOUNT_NAME_LENGTH ? n.substring(0, ACCOUNT_NAME_LENGTH) : n;
    }

    /** One node's memory. */
    public static final class MemoryStore implements Store {
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
