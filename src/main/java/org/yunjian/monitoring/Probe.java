package org.yunjian.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One probe of a monitor, as kept: when, how long, how it ended, the status the site answered, the SM3 digest and
 * size of the response as received (never the response itself), how many findings it gave and the node that ran it.
 */
public record Probe(
        UUID id,
        UUID monitorId,
        Instant startedAt,
        long durationMs,
        ProbeOutcome outcome,
        Integer httpStatus,
        String bodySm3,
        long bodyBytes,
        int findings,
        String node) {}
