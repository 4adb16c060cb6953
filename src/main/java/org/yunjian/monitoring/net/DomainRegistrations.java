package org.yunjian.monitoring.net;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the registrations of linked domains said, held on this node so that the many monitors linking the same portals
 * do not ask RDAP and DNS each time: an answer is held {@link #HOLD} (a day), one that found the name lapsed or not
 * registered only {@link #HOLD_LAPSED} (an hour — such a name is renewed or taken at any moment, and its alert should
 * close soon after the renewal). An answer that could not be had ({@link Status#UNKNOWN}) is not held. At most
 * {@link #MAX_HELD} domains; past that the expired answers go first, then all.
 */
public final class DomainRegistrations {

    public static final Duration HOLD = Duration.ofDays(1);
    public static final Duration HOLD_LAPSED = Duration.ofHours(1);
    public static final int MAX_HELD = 10_000;

    /** What is known of a domain's registration. */
    public enum Status {
        /** The name exists (DNS answers for it) or its registry holds it; {@code expires} when the registry said. */
        REGISTERED,
        /** DNS says the name does not exist (NXDOMAIN): not registered, possibly lapsed. */
        NOT_REGISTERED,
        /** Neither DNS nor RDAP gave an answer: nothing is judged. */
        UNKNOWN
    }

    /**
     * @param expires the registration's expiration, when the registry told it; else null
     */
    public record Registration(String domain, Status status, Instant expires) {

        public Registration {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(status, "status");
        }

        /** Whether this answer judges the domain (an alert of it not found again recovers). */
        public boolean judged() {
            return status != Status.UNKNOWN;
        }

        boolean lapsed(Instant now) {
            return status == Status.NOT_REGISTERED || (expires != null && !expires.isAfter(now));
        }
    }

    private record Held(Registration registration, Instant until) {}

    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    public DomainRegistrations(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The registration of {@code domain}: as held, else as {@code ask} answers it now (and then held). */
    public Registration get(String domain, Function<String, Registration> ask) {
        Instant now = clock.instant();
        Held h = held.get(domain);
        if (h != null && h.until().isAfter(now)) {
            return h.registration();
        }
        Registration r = ask.apply(domain);
        if (r.judged()) {
            if (held.size() >= MAX_HELD) {
                held.values().removeIf(old -> !old.until().isAfter(now));
                if (held.size() >= MAX_HELD) {
                    held.clear();
                }
            }
            held.put(domain, new Held(r, now.plus(r.lapsed(now) ? HOLD_LAPSED : HOLD)));
        }
        return r;
    }
}
