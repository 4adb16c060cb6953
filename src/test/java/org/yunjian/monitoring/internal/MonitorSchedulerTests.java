package org.yunjian.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.monitoring.Monitor;
import org.yunjian.party.Fixtures;

/**
 * The scheduler takes each due probe exactly once, however many nodes look at the same moment (two ticks racing
 * here, as two nodes on one database would), moves the next run ahead (after a first probe by half an interval to one
 * and a half, then an interval from when it was due give or take a twentieth), and does not probe again before then.
 */
@SpringBootTest
// the suite's common context (MockMvc and the party fixtures), not one of its own (docs/performance.md, "CI time")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class MonitorSchedulerTests {

    @Autowired
    MonitorScheduler scheduler;

    @Autowired
    MonitorService monitors;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    /**
     * The other classes' monitors in the suite's common database are put a year ahead: left due, more of them than a
     * look has room for were taken before this class's (the oldest due first) and a probe of its own was not run.
     */
    @org.junit.jupiter.api.BeforeEach
    void othersNotDue() {
        jdbc.sql("UPDATE monitor SET next_run_at = ?")
                .param(OffsetDateTime.now(java.time.ZoneOffset.UTC).plusYears(1))
                .update();
    }

    @Test
    void eachDueProbeRunsExactlyOnceAcrossRacingNodes() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer site = site(hits);
        try {
            Fixtures.World w = fixtures.world();
            String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
            List<Monitor> added = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Monitor.Settings s = Monitor.Settings.page("页面" + i, url + "p" + i, null);
                added.add(runAs(
                        user(w.customer().id()),
                        () -> monitors.create(w.system().id(), s)));
            }
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(scheduler::tick);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(scheduler::tick);
            assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(3);
            awaitIdle();
            // other classes' monitors in this database may have been due too: these three ran exactly once each
            for (Monitor m : added) {
                assertThat(probes(m)).as(m.name()).isEqualTo(1);
                Instant next = jdbc.sql("SELECT next_run_at FROM monitor WHERE id = ?")
                        .param(m.id())
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant();
                // a first probe: the next between half an interval and one and a half later (monitors added together
                // spread out)
                assertThat(next)
                        .isAfterOrEqualTo(m.nextRunAt().plusSeconds(Monitor.INTERVAL_DEFAULT / 2 - 1))
                        .isBefore(Instant.now().plusSeconds(Monitor.INTERVAL_DEFAULT * 3L / 2 + 1));
            }
            assertThat(hits.get()).isEqualTo(3);

            scheduler.tick();
            awaitIdle();
            for (Monitor m : added) {
                assertThat(probes(m)).isEqualTo(1);
            }
            assertThat(hits.get()).isEqualTo(3);
        } finally {
            site.stop(0);
        }
    }

    /** More due probes than the pool can queue: one look starts them all (a backlog is taken as the queue drains). */
    @Test
    void oneLookTakesMoreThanTheQueueHolds() throws Exception {
        HttpServer site = site(new AtomicInteger());
        try {
            Fixtures.World w = fixtures.world();
            String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
            List<Monitor> added = new ArrayList<>();
            for (int i = 0; i < 50; i++) { // the default pool: 8 threads and a queue of 32
                Monitor.Settings s = Monitor.Settings.page("积压" + i, url + "b" + i, null);
                added.add(runAs(
                        user(w.customer().id()),
                        () -> monitors.create(w.system().id(), s)));
            }
            scheduler.look();
            awaitIdle();
            for (Monitor m : added) {
                assertThat(probes(m)).as(m.name()).isEqualTo(1);
            }
        } finally {
            site.stop(0);
        }
    }

    /** A loopback site answering every path with a small page, counting the requests in {@code hits}. */
    private static HttpServer site(AtomicInteger hits) throws java.io.IOException {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", x -> {
            hits.incrementAndGet();
            byte[] b = "<html><body>ok</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        site.start();
        return site;
    }

    private long probes(Monitor m) {
        return jdbc.sql("SELECT COUNT(*) FROM monitor_probe WHERE monitor_id = ?")
                .param(m.id())
                .query(Long.class)
                .single();
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!scheduler.idle() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(scheduler.idle()).as("probes finished").isTrue();
    }
}
