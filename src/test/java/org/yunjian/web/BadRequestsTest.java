package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yunjian.security.MutableClock;
import org.yunjian.web.BadRequests.OncePerMinute;
import org.yunjian.web.BadRequests.OncePerMinute.Note;

/** The log of unreadable requests: one line per address and minute, in bounded memory. */
class BadRequestsTest {

    final MutableClock clock = new MutableClock();

    @Test
    void logsAnAddressOncePerMinute() {
        clock.set(Instant.parse("2026-11-25T08:00:05Z"));
        OncePerMinute lines = new OncePerMinute(clock, 10);
        assertThat(lines.note("192.0.2.1").first()).isTrue();
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(500));
            assertThat(lines.note("192.0.2.1").first()).isFalse();
        }
        assertThat(lines.note("192.0.2.2").first())
                .as("another address has a line of its own")
                .isTrue();
        clock.set(Instant.parse("2026-11-25T08:01:00Z"));
        assertThat(lines.note("192.0.2.1").first()).as("the next minute").isTrue();
    }

    @Test
    void pastItsCapacityCountsTheRestAndSumsThemUpInOneLine() {
        clock.set(Instant.parse("2026-11-25T08:00:00Z"));
        OncePerMinute lines = new OncePerMinute(clock, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(lines.note("198.51.100." + i).first()).isTrue();
        }
        for (int i = 3; i < 1_000; i++) {
            assertThat(lines.note("198.51.100." + i).first())
                    .as("over capacity: not logged, not kept")
                    .isFalse();
        }
        clock.advance(Duration.ofMinutes(1));
        Note next = lines.note("198.51.100.999");
        assertThat(next.first()).isTrue();
        assertThat(next.skipped()).isEqualTo(997);
        assertThat(lines.note("198.51.100.998").skipped()).as("summed up once").isZero();
    }
}
