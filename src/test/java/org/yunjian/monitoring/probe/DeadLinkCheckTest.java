package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Msg;

class DeadLinkCheckTest {

    private final Fetcher fetcher = new Fetcher(org.yunjian.support.LoopbackOutbound.POLICY);
    private final DeadLinkCheck check = new DeadLinkCheck(fetcher);
    private LoopbackSite site;

    @BeforeEach
    void start() {
        site = LoopbackSite.start();
        site.html("/ok", "<p>ok</p>").status("/error", 500).redirect("/moved", "/ok");
        site.handle("/no-head", e -> {
            if (e.getRequestMethod().equals("HEAD")) {
                e.sendResponseHeaders(405, -1);
            } else {
                LoopbackSite.respond(e, 200, "text/html", "<p>GET only</p>");
            }
        });
        site.handle("/no-head-gone", e -> {
            if (e.getRequestMethod().equals("HEAD")) {
                e.sendResponseHeaders(501, -1);
            } else {
                LoopbackSite.respond(e, 404, "text/html", "<p>gone</p>");
            }
        });
    }

    @AfterEach
    void stop() {
        site.close();
        fetcher.close();
    }

    @Test
    void aMissingPageIsADeadLinkNamedWithItsStatus() {
        URI page = site.uri("/index.html");
        String html = "<a href=/ok>ok</a><a href=/missing>missing</a><a href=/error>error</a><a href=/moved>moved</a>"
                + "<a href=/no-head>get only</a><a href=/no-head-gone>gone</a>";
        List<Finding> findings = check.check(PageSnapshot.of(page, html, List.of()));

        assertThat(findings)
                .extracting(Finding::kind, Finding::subject, Finding::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                CheckKind.DEAD_LINK,
                                site.uri("/missing").toString(),
                                Msg.of("monitoring.page.dead.status", site.uri("/missing"), 404)),
                        org.assertj.core.groups.Tuple.tuple(
                                CheckKind.DEAD_LINK,
                                site.uri("/error").toString(),
                                Msg.of("monitoring.page.dead.status", site.uri("/error"), 500)),
                        org.assertj.core.groups.Tuple.tuple(
                                CheckKind.DEAD_LINK,
                                site.uri("/no-head-gone").toString(),
                                Msg.of("monitoring.page.dead.status", site.uri("/no-head-gone"), 404)));
        assertThat(site.requests())
                .as("HEAD first, GET only where HEAD is refused")
                .contains("HEAD /ok", "HEAD /no-head", "GET /no-head", "HEAD /no-head-gone", "GET /no-head-gone")
                .doesNotContain("GET /ok", "GET /missing");
    }

    @Test
    void aLinkToAStoppedServerIsADeadLinkNamingTheFailure() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port + "/x");
        assertThat(check.check(site.uri("/"), List.of(dead)))
                .extracting(Finding::message)
                .containsExactly(Msg.of(
                        "monitoring.page.dead.failure",
                        dead,
                        Msg.of(DeadLinkCheck.outcomeKey(FetchOutcome.CONNECTION_FAILED))));
    }

    @Test
    void anchorsMailJavascriptAndRepeatsAreSkipped() {
        URI page = site.uri("/index.html");
        String html = "<a href=#top>top</a><a href=index.html#news>news</a><a href='mailto:a@example.gov.cn'>mail</a>"
                + "<a href='javascript:void(0)'>js</a><a href='tel:12345'>tel</a>"
                + "<a href=/missing#a>a</a><a href=/missing#b>b</a><a href=/missing>c</a>";
        assertThat(check.check(PageSnapshot.of(page, html, List.of()))).hasSize(1);
        assertThat(site.requests()).containsExactly("HEAD /missing");
    }

    @Test
    void atMostTheCapIsChecked() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            html.append("<a href=/missing").append(i).append(">x</a>");
        }
        DeadLinkCheck capped = new DeadLinkCheck(fetcher, DeadLinkCheck.DEFAULT_LIMITS, 3, 2);
        assertThat(capped.check(PageSnapshot.of(site.uri("/"), html.toString(), List.of())))
                .extracting(Finding::subject)
                .containsExactly(
                        site.uri("/missing0").toString(),
                        site.uri("/missing1").toString(),
                        site.uri("/missing2").toString());
        assertThat(site.requests()).hasSize(3);
    }
}
