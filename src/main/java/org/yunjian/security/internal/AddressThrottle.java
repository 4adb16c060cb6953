package org.yunjian.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * Per-address throttling of logins, whichever user name is tried: after {@code max-failures} failed
 * passwords or codes from one source address within the window, the address is refused for the initial
 * delay; every further failure after that doubles the delay (up to the maximum) until the address has
 * been quiet for a whole window. Held in memory, so per node (behind a load balancer each node throttles
 * on its own). The source address is the request's remote address; behind a reverse proxy it is the
 * client's only if the forwarded-header set-up is in place.
 */
@Component
public class AddressThrottle {

    /** Entries kept before stale ones are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private static final class State {
        int failures;
        Instant windowStart;
        Instant last;
        Instant blockedUntil;
        int level;
    }

    private final SecurityProperties.Throttle config;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    AddressThrottle(SecurityProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.config = properties.throttle();
        this.clock = clock;
        this.events = events;
    }

    /** How long the address must still wait, if it is refused now. */
    Optional<Duration> retryAfter(String address) {
        Instant now = clock.instant();
        State s = states.get(key(address));
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return s.blockedUntil != null && s.blockedUntil.isAfter(now)
                    ? Optional.of(Duration.between(now, s.blockedUntil)) : Optional.empty();
        }
    }

    /** Records a failed password or code from the address. */
    void failed(String address) {
        Instant now = clock.instant();
        if (states.size() > SWEEP_ABOVE) {
            states.values().removeIf(s -> forgotten(s, now));
        }
        Duration blocked = null;
        State s = states.computeIfAbsent(key(address), k -> new State());
        synchronized (s) {
            if (s.last != null && forgotten(s, now)) {
                s.failures = 0;
                s.windowStart = null;
                s.blockedUntil = null;
                s.level = 0;
            }
            s.last = now;
            if (s.level > 0) {
                s.level++;
                blocked = delay(s.level);
            } else {
                if (s.windowStart == null || !now.isBefore(s.windowStart.plus(config.window()))) {
                    s.windowStart = now;
                    s.failures = 0;
                }
                if (++s.failures >= config.maxFailures()) {
                    s.level = 1;
                    blocked = delay(1);
                }
            }
            if (blocked != null) {
                s.blockedUntil = now.plus(blocked);
            }
        }
        if (blocked != null) {
            events.publishEvent(AuditableEvent.failure("user.login.throttle", "address", null,
                    Msg.of("security.audit.throttle", key(address), blocked.toSeconds())));
        }
    }

    /** Forgets every address (tests; an operator restart does the same). */
    public void clear() {
        states.clear();
    }

    private Duration delay(int level) {
        Duration d = config.initialDelay().multipliedBy(1L << Math.min(level - 1, 20));
        return d.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : d;
    }

    private boolean forgotten(State s, Instant now) {
        Instant quietSince = s.blockedUntil != null && s.blockedUntil.isAfter(s.last) ? s.blockedUntil : s.last;
        return quietSince != null && !now.isBefore(quietSince.plus(config.window()));
    }

    private static String key(String address) {
        return address == null || address.isBlank() ? "unknown" : address.strip();
    }
}
