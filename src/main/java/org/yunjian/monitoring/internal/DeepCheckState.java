package org.yunjian.monitoring.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a monitor's deep checks ({@link DeepChecks}) last ran and on what: the fingerprint of the page they read
 * ({@link DeepChecks#fingerprint}); both null when they never ran.
 */
record DeepCheckState(String fingerprint, Instant at) {

    static final DeepCheckState NEVER = new DeepCheckState(null, null);

    /**
     * Whether they are due on a page whose fingerprint is {@code now}: they never ran, the page changed since, or they
     * last ran {@code every} or more ago.
     */
    boolean due(String current, Instant now, Duration every) {
        return at == null || !current.equals(fingerprint) || !at.plus(every).isAfter(now);
    }
}
