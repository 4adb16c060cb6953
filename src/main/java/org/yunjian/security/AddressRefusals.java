package org.yunjian.security;

import java.time.Duration;
import java.util.Optional;

/**
 * The per-address throttle for other modules: a request refused at the edge (a URL, query or header that cannot
 * be decoded) counts against its source address like a failed login or a refused API token, and an address past
 * the limit is refused (429 with {@code Retry-After}) for a delay that doubles while it keeps trying.
 */
public interface AddressRefusals {

    /** How long {@code address} must still wait, if it is refused now. */
    Optional<Duration> retryAfter(String address);

    /** Counts one refused request from {@code address}. */
    void refused(String address);
}
