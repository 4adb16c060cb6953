package org.yunjian.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeepCheckStateTest {

    static final Instant RAN = Instant.parse("2026-12-05T01:00:00Z");
    static final Duration EVERY = Duration.ofHours(6);

    @Test
    void dueWhenTheyNeverRan() {
        assertThat(DeepCheckState.NEVER.due("a", RAN, EVERY)).isTrue();
    }

    @Test
    void notDueOnTheSamePageWithinTheInterval() {
        DeepCheckState ran = new DeepCheckState("a", RAN);
        assertThat(ran.due("a", RAN.plus(Duration.ofMinutes(5)), EVERY)).isFalse();
        assertThat(ran.due("a", RAN.plus(EVERY).minusSeconds(1), EVERY)).isFalse();
    }

    @Test
    void dueWhenThePageChangedOrTheIntervalPassed() {
        DeepCheckState ran = new DeepCheckState("a", RAN);
        assertThat(ran.due("b", RAN.plusSeconds(1), EVERY)).isTrue();
        assertThat(ran.due("a", RAN.plus(EVERY), EVERY)).isTrue();
    }
}
