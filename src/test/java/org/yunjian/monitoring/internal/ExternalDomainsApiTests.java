package org.yunjian.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunjian.monitoring.MonitoringWorldTests;
import org.yunjian.monitoring.net.DomainRegistrations;
import org.yunjian.monitoring.net.LoopbackDnsServer;
import org.yunjian.security.MutableClock;
import org.yunjian.shared.Formats;

/**
 * The linked domains of the deep checks (外链域名过期) through the REST API, against a DNS and an RDAP server the test
 * starts on loopback (the page's links to {@code *.test} are never fetched; each name its own registrable domain, as
 * {@code lapsed.example.test} would be {@code example.test}): a linked domain whose registration
 * expired raises one {@code EXTERNAL_DOMAIN} alert, one that does not exist another, and the renewal closes the alert at
 * the next deep check; a second monitor linking the same domains is answered from what this node holds. The same
 * Spring context as the other monitoring tests (the checks are pointed at the test's servers through
 * {@link NetworkChecks#use} and {@link ExternalDomains#use}).
 */
class ExternalDomainsApiTests extends MonitoringWorldTests {

    static final String LAPSED = "lapsed.test";
    static final String ALIVE = "alive.test";

    @Autowired
    NetworkChecks network;

    @Autowired
    ExternalDomains external;

    volatile String page =
            links("http://www." + LAPSED + "/notice", "http://" + LAPSED + "/guide", "https://" + ALIVE + "/");
    HttpServer rdap;
    LoopbackDnsServer dns;
    NetworkChecks.Settings networkBefore;
    DomainRegistrations heldBefore;
    final MutableClock clock = new MutableClock();
    final Map<String, Instant> expires = new ConcurrentHashMap<>();
    final AtomicInteger rdapAsked = new AtomicInteger();

    @BeforeEach
    void servers() throws Exception {
        rdap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rdap.createContext("/domain/", x -> {
            rdapAsked.incrementAndGet();
            String name = x.getRequestURI().getPath().substring("/domain/".length());
            Instant at = expires.get(name);
            byte[] b = at == null
                    ? new byte[0]
                    : ("{\"objectClassName\":\"domain\",\"ldhName\":\"" + name + "\",\"events\":["
                                    + "{\"eventAction\":\"expiration\",\"eventDate\":\"" + at + "\"}]}")
                            .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/rdap+json");
            x.sendResponseHeaders(at == null ? 404 : 200, at == null ? -1 : b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        rdap.start();
        dns = new LoopbackDnsServer();
        dns.set(LAPSED, NetworkChecksApiTests.a(LAPSED, "127.0.0.1"));
        dns.set(ALIVE, NetworkChecksApiTests.a(ALIVE, "127.0.0.1"));
        expires.put(LAPSED, Instant.now().minus(Duration.ofDays(3)));
        expires.put(ALIVE, Instant.now().plus(Duration.ofDays(365)));
        networkBefore = network.use(new NetworkChecks.Settings(
                List.of(dns.address()),
                URI.create("http://127.0.0.1:" + rdap.getAddress().getPort()),
                Duration.ofHours(1)));
        heldBefore = external.use(new DomainRegistrations(clock));
    }

    @AfterEach
    void stop() throws Exception {
        network.use(networkBefore);
        external.use(heldBefore);
        rdap.stop(0);
        dns.close();
    }

    @Test
    void aLapsedLinkedDomainRaisesOneAlertThatItsRenewalCloses() throws Exception {
        UUID m = addMonitor(site(), "");

        run(m);

        assertThat(open(m, "EXTERNAL_DOMAIN")).containsExactly(LAPSED);
        String alerts = openJson(m);
        assertThat((List<String>) JsonPath.read(alerts, "$.items[?(@.kind == 'EXTERNAL_DOMAIN')].message"))
                .singleElement()
                .asString()
                .contains(LAPSED, Formats.date(expires.get(LAPSED)), "2 个链接");
        assertThat(rdapAsked.get()).isEqualTo(2);

        // renewed; an hour later the lapsed answer is no longer held, and the page's links changed: deep checks due
        expires.put(LAPSED, Instant.now().plus(Duration.ofDays(365)));
        clock.set(clock.instant().plus(DomainRegistrations.HOLD_LAPSED).plusSeconds(1));
        page = links("http://www." + LAPSED + "/notice", "http://" + LAPSED + "/guide", "https://" + ALIVE + "/", "/");
        run(m);

        assertThat(open(m, "EXTERNAL_DOMAIN")).isEmpty();
        assertThat(rdapAsked.get()).as("only the lapsed one asked again").isEqualTo(3);
    }

    @Test
    void aSecondMonitorLinkingTheSameDomainsIsAnsweredFromWhatIsHeld() throws Exception {
        UUID first = addMonitor(site(), "");
        run(first);
        int asked = rdapAsked.get();
        assertThat(asked).isEqualTo(2);

        UUID second = addMonitor(site() + "?second", "");
        run(second);

        assertThat(rdapAsked.get()).isEqualTo(asked);
        assertThat(open(second, "EXTERNAL_DOMAIN")).containsExactly(LAPSED);
    }

    @Test
    void aLinkedNameThatDoesNotExistIsNotRegisteredPossiblyLapsed() throws Exception {
        page = links("http://www.gone.test/", "https://" + ALIVE + "/");
        UUID m = addMonitor(site(), "");

        run(m);

        assertThat(open(m, "EXTERNAL_DOMAIN")).containsExactly("gone.test");
        assertThat(rdapAsked.get())
                .as("a name DNS does not know is not asked of RDAP")
                .isEqualTo(1);
        String alerts = openJson(m);
        assertThat((List<String>) JsonPath.read(alerts, "$.items[?(@.kind == 'EXTERNAL_DOMAIN')].message"))
                .singleElement()
                .asString()
                .contains("gone.test", "不存在");
    }

    @Override
    protected String page() {
        return page;
    }

    String site() {
        return "http://127.0.0.1:" + site.port() + "/";
    }

    static String links(String... hrefs) {
        StringBuilder b = new StringBuilder("<html><body><p>示例市人民政府</p>");
        for (String h : hrefs) {
            b.append("<a href=\"").append(h).append("\">链接</a>");
        }
        return b.append("</body></html>").toString();
    }
}
