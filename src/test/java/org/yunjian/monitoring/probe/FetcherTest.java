package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunjian.crypto.Sm3;

/** The fetcher against a hostile or broken site on loopback: every limit holds and every failure is an outcome. */
class FetcherTest {

    private final Fetcher fetcher = new Fetcher(org.yunjian.support.LoopbackOutbound.POLICY);
    private LoopbackSite site;
    private LoopbackSite other;

    @BeforeEach
    void start() {
        site = LoopbackSite.start();
        other = LoopbackSite.start();
    }

    @AfterEach
    void stop() {
        site.close();
        other.close();
        fetcher.close();
    }

    @Test
    void fetchesAPageWithItsStatusTypeAndSm3() {
        site.html("/index.html", "<p>你好</p>");
        FetchResult r = fetcher.fetch(site.uri("/index.html"), FetchLimits.defaults());
        assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.isHtml()).isTrue();
        assertThat(r.charset()).contains(StandardCharsets.UTF_8);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>你好</p>");
        assertThat(r.sm3()).isEqualTo(Sm3.hex("<p>你好</p>".getBytes(StandardCharsets.UTF_8)));
        assertThat(site.requests()).containsExactly("GET /index.html");
    }

    @Test
    void anErrorStatusIsAnAnswerNotAFailure() {
        FetchResult r = fetcher.fetch(site.uri("/missing"), FetchLimits.defaults());
        assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.succeeded()).isFalse();
    }

    @Test
    void headAsksForNoBody() {
        site.html("/a", "<p>body</p>");
        FetchResult r = fetcher.fetch(Fetcher.Method.HEAD, site.uri("/a"), FetchLimits.defaults());
        assertThat(r.succeeded()).isTrue();
        assertThat(r.bodyLength()).isZero();
        assertThat(site.requests()).containsExactly("HEAD /a");
    }

    @Test
    void aGigabyteAnswerEndsTooLargeAtTheLimitWithoutBeingRead() throws InterruptedException {
        AtomicLong written = new AtomicLong();
        CountDownLatch handlerDone = new CountDownLatch(1);
        byte[] chunk = new byte[64 * 1024];
        site.handle("/huge", e -> {
            try {
                e.sendResponseHeaders(200, 1L << 30);
                OutputStream out = e.getResponseBody();
                for (long left = 1L << 30; left > 0; left -= chunk.length) {
                    out.write(chunk); // generated while writing, never held
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientWentAway) {
                // expected: the fetcher closed the connection at its limit
            } finally {
                handlerDone.countDown();
            }
        });
        long limit = 1024 * 1024;
        FetchResult r = fetcher.fetch(site.uri("/huge"), FetchLimits.defaults().withMaxBodyBytes(limit));

        assertThat(r.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyLength()).isEqualTo(limit);
        assertThat(r.elapsedMillis()).isLessThan(10_000);
        assertThat(handlerDone.await(10, TimeUnit.SECONDS))
                .as("the server's write fails once the fetcher hangs up")
                .isTrue();
        assertThat(written.get())
                .as("bytes the server managed to send: the limit plus socket buffers, far from 1 GiB")
                .isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aSlowDripEndsAtTheDeadline() {
        site.handle("/drip", e -> {
            e.sendResponseHeaders(200, 100);
            OutputStream out = e.getResponseBody();
            try {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1000); // the site's drip: one byte a second
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        long began = System.nanoTime();
        FetchResult r = fetcher.fetch(site.uri("/drip"), FetchLimits.defaults().withDeadline(Duration.ofSeconds(2)));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertThat(r.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(r.bodyLength()).isBetween(1, 10);
        assertThat(r.sm3()).isEqualTo(Sm3.hex(r.body()));
        assertThat(tookMillis).isLessThan(10_000);
    }

    @Test
    void headersThatNeverComeEndAtTheDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        site.handle("/silent", e -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        FetchResult r =
                fetcher.fetch(site.uri("/silent"), FetchLimits.defaults().withDeadline(Duration.ofMillis(500)));
        never.countDown();
        assertThat(r.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(r.elapsedMillis()).isLessThan(10_000);
    }

    @Test
    void followsRedirectsOnTheHostToTheFinalAddress() {
        site.redirect("/old", "/middle").redirect("/middle", "new?x=1").html("/new", "<p>moved</p>");
        FetchResult r = fetcher.fetch(site.uri("/old"), FetchLimits.defaults());
        assertThat(r.succeeded()).isTrue();
        assertThat(r.finalUri()).isEqualTo(site.uri("/new?x=1"));
        assertThat(site.requests()).containsExactly("GET /old", "GET /middle", "GET /new?x=1");
    }

    @Test
    void aRedirectLoopEndsAsALoop() {
        site.redirect("/a", "/b").redirect("/b", site.uri("/a").toString());
        FetchResult r = fetcher.fetch(site.uri("/a"), FetchLimits.defaults());
        assertThat(r.outcome()).isEqualTo(FetchOutcome.REDIRECT_LOOP);
        assertThat(r.finalUri()).isEqualTo(site.uri("/a"));
        assertThat(site.requests()).containsExactly("GET /a", "GET /b");
    }

    @Test
    void moreRedirectsThanTheLimitEndAsTooMany() {
        for (int i = 0; i < 6; i++) {
            site.redirect("/r" + i, "/r" + (i + 1));
        }
        site.html("/r6", "<p>end</p>");
        assertThat(fetcher.fetch(site.uri("/r0"), FetchLimits.defaults()).outcome())
                .isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
        assertThat(fetcher.fetch(site.uri("/r1"), FetchLimits.defaults()).finalUri())
                .as("five redirects are within the default limit")
                .isEqualTo(site.uri("/r6"));
    }

    /** Hosts compare by name: localhost and 127.0.0.1 are two hosts, another port of one name is the same host. */
    @Test
    void aRedirectToAnotherHostNameEndsOffHostUnlessAllowed() {
        other.html("/elsewhere", "<p>other host</p>");
        site.redirect("/away", other.uri("127.0.0.1", "/elsewhere").toString());
        site.redirect("/port", other.uri("localhost", "/elsewhere").toString());
        URI start = site.uri("localhost", "/away");

        FetchResult refused = fetcher.fetch(start, FetchLimits.defaults());
        assertThat(refused.outcome()).isEqualTo(FetchOutcome.REDIRECT_OFF_HOST);
        assertThat(refused.finalUri()).isEqualTo(other.uri("127.0.0.1", "/elsewhere"));
        assertThat(other.requests()).isEmpty();

        FetchResult allowed = fetcher.fetch(start, FetchLimits.defaults().withRedirectHosts(List.of("127.0.0.1")));
        assertThat(allowed.succeeded()).isTrue();
        assertThat(fetcher.fetch(start, FetchLimits.defaults().withRedirectsToAnyHost())
                        .succeeded())
                .isTrue();

        FetchResult samePortlessHost = fetcher.fetch(site.uri("localhost", "/port"), FetchLimits.defaults());
        assertThat(samePortlessHost.succeeded()).isTrue();
        assertThat(samePortlessHost.finalUri()).isEqualTo(other.uri("localhost", "/elsewhere"));
    }

    @Test
    void aStoppedServerIsAFailedConnection() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FetchResult r = fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/"), FetchLimits.defaults());
        assertThat(r.outcome()).isEqualTo(FetchOutcome.CONNECTION_FAILED);
        assertThat(r.status()).isZero();
    }

    @Test
    void onlyWebAddressesWithAHostAreFetched() {
        for (String bad : List.of("ftp://127.0.0.1/x", "file:///etc/passwd", "mailto:a@b.cn", "http:/nohost")) {
            assertThat(fetcher.fetch(URI.create(bad), FetchLimits.defaults()).outcome())
                    .as(bad)
                    .isEqualTo(FetchOutcome.BAD_URI);
        }
        site.redirect("/to-file", "file:///etc/passwd");
        assertThat(fetcher.fetch(site.uri("/to-file"), FetchLimits.defaults()).outcome())
                .isEqualTo(FetchOutcome.BAD_URI);
    }

    @Test
    void anUntrustedCertificateFailsTheHandshake() {
        SelfSignedTls tls = SelfSignedTls.create();
        try (LoopbackSite secure = LoopbackSite.startTls(tls.server());
                Fetcher trusting = new Fetcher(
                        tls.trustingClient(),
                        1,
                        org.yunjian.support.LoopbackOutbound.POLICY,
                        org.yunjian.shared.outbound.OutboundHttp.Resolver.SYSTEM)) {
            secure.html("/", "<p>secure</p>");
            assertThat(fetcher.fetch(secure.uri("/"), FetchLimits.defaults()).outcome())
                    .isEqualTo(FetchOutcome.TLS_FAILED);
            assertThat(trusting.fetch(secure.uri("/"), FetchLimits.defaults()).succeeded())
                    .isTrue();
        }
    }

    @Test
    void sendsItsUserAgent() {
        StringBuilder agent = new StringBuilder();
        site.handle("/ua", e -> {
            agent.append(e.getRequestHeaders().getFirst("User-Agent"));
            LoopbackSite.respond(e, 200, "text/plain", "ok");
        });
        fetcher.fetch(site.uri("/ua"), FetchLimits.defaults().withUserAgent("Probe/2"));
        assertThat(agent).hasToString("Probe/2");
    }

    @Test
    void aClosedFetcherFailsInsteadOfThrowing() {
        site.html("/", "<p>x</p>");
        Fetcher closed = new Fetcher(org.yunjian.support.LoopbackOutbound.POLICY);
        closed.close();
        assertThat(closed.fetch(site.uri("/"), FetchLimits.defaults()).outcome())
                .isEqualTo(FetchOutcome.CONNECTION_FAILED);
    }
}
