package org.yunjian.security;

import java.time.Duration;
import java.util.Optional;

/**
 * The per-address throttle for other modules: a request refused at the edge (a URL, query or header that cannot
 * be decoded) counts against its source address like a refused API token, and an address past the limit is refused
 * (429 with {@code Retry-After}), logins included, for a delay that doubles while it keeps trying. Failed logins are
 * counted apart (per account name at the address, and per address with a much higher limit: issue 35), so an
 * office's mistyped passwords do not refuse its API clients.
 */
public interface AddressRefusals {

    /** How long {@code address} must still wait, if it is refused now. */
    Optional<Duration> retryAfter(String address);

    /** Counts one refused request from {@code address}. */
    void refused(String address);
}
