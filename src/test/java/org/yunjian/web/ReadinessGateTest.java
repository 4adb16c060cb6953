package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 37: the port opened about 7 s before the demo was seeded (Tomcat starts with the context; the demo runners
 * and ready listeners run after it). A request in that window now waits for Spring Boot's readiness, so the first
 * page is the seeded one; the health probes still answer at once.
 */
class ReadinessGateTest {

    private final StaticApplicationContext context = new StaticApplicationContext();

    @Test
    void requestBeforeTheDemoIsSeededWaitsUntilTheApplicationIsReady() throws Exception {
        ReadinessGate gate = new ReadinessGate(Duration.ofSeconds(30));
        AtomicBoolean served = new AtomicBoolean();
        MockHttpServletResponse response = new MockHttpServletResponse();
        CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
            try {
                gate.doFilter(new MockHttpServletRequest("GET", "/login"), response, (req, res) -> served.set(true));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Thread.sleep(300);
        assertThat(served).as("answered while the runners still seed the demo").isFalse();
        gate.availability(new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
        request.get(10, TimeUnit.SECONDS);

        assertThat(served).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void healthProbesAnswerWhileTheApplicationStarts() throws Exception {
        ReadinessGate gate = new ReadinessGate(Duration.ofSeconds(30));
        AtomicBoolean served = new AtomicBoolean();

        gate.doFilter(
                new MockHttpServletRequest("GET", "/actuator/health/readiness"),
                new MockHttpServletResponse(),
                (req, res) -> served.set(true));

        assertThat(served).isTrue();
        assertThat(gate.isOpen()).isFalse();
    }

    @Test
    void startupOutlastingThePatienceAnswers503WithRetryAfter() throws Exception {
        ReadinessGate gate = new ReadinessGate(Duration.ofMillis(100));
        AtomicBoolean served = new AtomicBoolean();
        MockHttpServletResponse response = new MockHttpServletResponse();

        gate.doFilter(new MockHttpServletRequest("GET", "/login"), response, (req, res) -> served.set(true));

        assertThat(served).isFalse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    }

    @Test
    void refusingTrafficAgainDoesNotCloseTheGateOfARunningServer() throws Exception {
        ReadinessGate gate = new ReadinessGate(Duration.ofMillis(100));
        gate.availability(new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
        gate.availability(new AvailabilityChangeEvent<>(context, ReadinessState.REFUSING_TRAFFIC));
        AtomicBoolean served = new AtomicBoolean();

        gate.doFilter(
                new MockHttpServletRequest("GET", "/login"),
                new MockHttpServletResponse(),
                (req, res) -> served.set(true));

        assertThat(served).isTrue();
    }
}
