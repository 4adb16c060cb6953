package org.yunjian.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.ProbeOutcome;

/**
 * When the scheduler puts a monitor's next probe (no database): after the first probe anywhere from half an interval
 * to one and a half (monitors added together spread out), then an interval after the probe was due give or take a
 * twentieth — so the mean period is the interval however late within a tick the probe started — and from now again
 * after a long delay.
 */
class MonitorScheduleTests {

    private static final Instant DUE = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void aFirstProbeSpreadsTheNextOverAnInterval() {
        Instant now = DUE.plusSeconds(2);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2_000; i++) {
            long s = Duration.between(now, MonitorScheduler.next(monitor(DUE, null), now))
                    .toSeconds();
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        assertThat(min).isBetween(150L, 165L);
        assertThat(max).isBetween(435L, 449L);
    }

    @Test
    void laterProbesKeepTheirRhythmWithTheMeanPeriodTheInterval() {
        Instant now = DUE.plusSeconds(4); // taken at the tick after it was due
        double sum = 0;
        for (int i = 0; i < 2_000; i++) {
            Instant next = MonitorScheduler.next(monitor(DUE, DUE.minusSeconds(300)), now);
            assertThat(next).isBetween(DUE.plusSeconds(285), DUE.plusSeconds(315));
            sum += Duration.between(DUE, next).toMillis();
        }
        assertThat(sum / 2_000 / 1000).isBetween(298.0, 302.0);
    }

    @Test
    void aProbeOverHalfAnIntervalLateStartsAgainFromNow() {
        Instant now = DUE.plusSeconds(200);
        Instant next = MonitorScheduler.next(monitor(DUE, DUE.minusSeconds(300)), now);
        assertThat(next).isBetween(now.plusSeconds(285), now.plusSeconds(315));
    }

    private static Monitor monitor(Instant nextRunAt, Instant lastRunAt) {
        return new Monitor(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "首页",
                URI.create("http://127.0.0.1/"),
                "GET",
                200,
                null,
                300,
                10,
                0,
                3,
                List.of(),
                List.of(),
                List.of(),
                Monitor.WARNING_DAYS_DEFAULT,
                null,
                null,
                false,
                0,
                nextRunAt,
                lastRunAt,
                lastRunAt == null ? null : ProbeOutcome.OK,
                "customer",
                DUE.minusSeconds(3_600),
                DUE.minusSeconds(3_600),
                0);
    }
}
