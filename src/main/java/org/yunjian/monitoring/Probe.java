package org.yunjian.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One probe of a monitor, as kept: when, how long, how it ended, the status the site answered, the SM3 digest and
 * size of the response as received, how many findings it gave and the node that ran it. Stored sealed in its
 * monitor's chain ({@link ProbeChain}); the response itself is kept only behind a probe that opened an alert or the
 * content of an approved baseline.
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
