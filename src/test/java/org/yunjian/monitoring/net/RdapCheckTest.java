package org.yunjian.monitoring.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.Fetcher;
import org.yunjian.shared.Texts;

/** {@link RdapCheck} against an RDAP stub on loopback. */
class RdapCheckTest {

    static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));

    static final Fetcher FETCHER = new Fetcher(org.yunjian.support.LoopbackOutbound.POLICY);

    HttpServer server;
    final List<String> paths = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    volatile int status = 200;
    volatile byte[] body = new byte[0];

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(TestPki.loopback(), 0), 0);
        server.createContext("/", this::answer);
        server.createContext("/stall/", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void closeFetcher() {
        FETCHER.close();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        exchange.getResponseHeaders().add("Content-Type", "application/rdap+json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rdap/");
    }

    RdapResult check(String host) {
        return new RdapCheck(FETCHER, base(), Duration.ofSeconds(5), 60, CLOCK).check(host);
    }

    void reply(String json) {
        body = json.getBytes(StandardCharsets.UTF_8);
    }

    static String domainWithExpiration(Instant expires) {
        return """
                {"objectClassName": "domain", "ldhName": "example.gov.cn",
                 "events": [{"eventAction": "registration", "eventDate": "2001-01-01T00:00:00Z"},
                            {"eventAction": "expiration", "eventDate": "%s"}]}""".formatted(expires);
    }

    @Test
    void registrationExpiringInThirtyDaysRaisesRegistration() {
        reply(domainWithExpiration(NOW.plus(Duration.ofDays(30))));

        RdapResult r = check("www.example.gov.cn");

        assertThat(paths).containsExactly("/rdap/domain/example.gov.cn");
        assertThat(r.outcome()).isEqualTo(RdapOutcome.CHECKED);
        assertThat(r.expires()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CheckKind.DNS);
            assertThat(f.subject()).isEqualTo("registration");
            assertThat(f.message().text(Texts.ENGLISH))
                    .isEqualTo("The registration of example.gov.cn expires on 2026-12-26, in 30 days");
            assertThat(f.message().text(Texts.CHINESE)).isEqualTo("域名 example.gov.cn 的注册将于 2026-12-26 到期，还剩 30 天");
        });
    }

    @Test
    void registrationFarFromExpiryRaisesNothing() {
        reply(domainWithExpiration(NOW.plus(Duration.ofDays(200))));

        RdapResult r = check("example.gov.cn");

        assertThat(r.outcome()).isEqualTo(RdapOutcome.CHECKED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.message().text(Texts.ENGLISH))
                .isEqualTo("The registration of example.gov.cn expires on 2027-06-14");
    }

    @Test
    void expiredRegistrationIsReported() {
        reply(domainWithExpiration(NOW.minus(Duration.ofDays(1))));

        assertThat(check("www.example.gov.cn").findings())
                .extracting(f -> f.message().key())
                .containsExactly("monitoring.net.rdap.expired");
    }

    @Test
    void unknownDomainIsNotFoundWithoutFinding() {
        status = 404;

        RdapResult r = check("www.example.gov.cn");

        assertThat(r.outcome()).isEqualTo(RdapOutcome.NOT_FOUND);
        assertThat(r.httpStatus()).isEqualTo(404);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void serverErrorIsUnreachable() {
        status = 503;

        RdapResult r = check("www.example.gov.cn");

        assertThat(r.outcome()).isEqualTo(RdapOutcome.UNREACHABLE);
        assertThat(r.httpStatus()).isEqualTo(503);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void replyThatIsNotJsonIsMalformed() {
        reply("<html>maintenance</html>");

        assertThat(check("www.example.gov.cn").outcome()).isEqualTo(RdapOutcome.MALFORMED);
    }

    @Test
    void unreadableExpirationDateIsMalformed() {
        reply("{\"events\": [{\"eventAction\": \"expiration\", \"eventDate\": \"next spring\"}]}");

        assertThat(check("www.example.gov.cn").outcome()).isEqualTo(RdapOutcome.MALFORMED);
    }

    @Test
    void recordWithoutExpirationSaysSo() {
        reply(
                "{\"objectClassName\": \"domain\", \"events\": [{\"eventAction\": \"last changed\", \"eventDate\": \"2026-01-01T00:00:00Z\"}]}");

        RdapResult r = check("www.example.gov.cn");

        assertThat(r.outcome()).isEqualTo(RdapOutcome.NO_EXPIRATION);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void replyOverTheLimitIsNotRead() {
        byte[] big = new byte[RdapCheck.MAX_REPLY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        body = big;

        assertThat(check("www.example.gov.cn").outcome()).isEqualTo(RdapOutcome.TOO_LARGE);
    }

    @Test
    void stalledServerIsCutOffAtTheDeadline() {
        long start = System.nanoTime();

        RdapResult r = new RdapCheck(
                        FETCHER,
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stall"),
                        Duration.ofSeconds(1),
                        60,
                        CLOCK)
                .check("www.example.gov.cn");

        assertThat(r.outcome()).isEqualTo(RdapOutcome.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void stoppedServerIsUnreachable() {
        URI gone = base();
        server.stop(0);

        RdapResult r = new RdapCheck(FETCHER, gone, Duration.ofSeconds(5), 60, CLOCK).check("www.example.gov.cn");

        assertThat(r.outcome()).isEqualTo(RdapOutcome.UNREACHABLE);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void addressLiteralHasNoRegistration() {
        RdapResult r = check("203.0.113.10");

        assertThat(r.outcome()).isEqualTo(RdapOutcome.NOT_A_DOMAIN);
        assertThat(paths).isEmpty();
    }

    @Test
    void datesWithoutOffsetOrTimeAreReadAsUtc() {
        assertThat(RdapCheck.instant("2027-03-15T04:00:00.123+08:00"))
                .hasValue(Instant.parse("2027-03-14T20:00:00.123Z"));
        assertThat(RdapCheck.instant("2027-03-15T04:00:00")).hasValue(Instant.parse("2027-03-15T04:00:00Z"));
        assertThat(RdapCheck.instant("2027-03-15")).hasValue(Instant.parse("2027-03-15T00:00:00Z"));
        assertThat(RdapCheck.instant("15/03/2027")).isEmpty();
    }
}
