package org.yunjian.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.yunjian.monitoring.MonitoringWorldTests;
import org.yunjian.monitoring.net.LoopbackDnsServer;
import org.yunjian.monitoring.net.TestPki;
import org.yunjian.monitoring.net.TlsTestServer;

/**
 * The network checks of 8.4.1.2 b (域名及IP合规性) through the REST API, against servers the test starts on loopback:
 * a certificate of the test CA expiring in ten days raises a TLS alert; the DNS answers of a loopback DNS server are
 * recorded at first, then a changed A record raises a DNS alert, as does an address outside the approved list; an
 * RDAP server on loopback whose registration expires soon raises one; the checks run at most once per interval; bad
 * settings are refused naming the field. The same Spring context as the other monitoring tests: the checks are
 * pointed at the test's servers through {@link NetworkChecks#use}, and trust the test CA by the test configuration.
 */
class NetworkChecksApiTests extends MonitoringWorldTests {

    static final String WWW = "www.example.gov.cn";

    @Autowired
    NetworkChecks network;

    HttpServer rdap;
    LoopbackDnsServer dns;
    NetworkChecks.Settings before;
    final AtomicInteger rdapAsked = new AtomicInteger();

    @Override
    protected String page() {
        return "<html><body><p>示例市人民政府</p></body></html>";
    }

    @BeforeEach
    void dnsAndRdap() throws Exception {
        rdap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rdap.createContext("/domain/example.gov.cn", x -> {
            rdapAsked.incrementAndGet();
            byte[] b = ("{\"objectClassName\":\"domain\",\"ldhName\":\"example.gov.cn\",\"events\":["
                            + "{\"eventAction\":\"registration\",\"eventDate\":\"2001-05-01T00:00:00Z\"},"
                            + "{\"eventAction\":\"expiration\",\"eventDate\":\""
                            + Instant.now().plus(Duration.ofDays(12)) + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/rdap+json");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        rdap.start();
        dns = new LoopbackDnsServer();
        dns.set("example.gov.cn", ns("example.gov.cn", "ns1.example.gov.cn"));
        dns.set(WWW, a(WWW, "127.0.0.1"));
        before = network.use(new NetworkChecks.Settings(List.of(dns.address()), null, Duration.ZERO));
    }

    @AfterEach
    void stop() throws Exception {
        network.use(before);
        rdap.stop(0);
        dns.close();
    }

    @Test
    void anExpiringCertificateOfTheTestCaRaisesATlsAlertShownOnTheMonitorPage() throws Exception {
        TestPki ca = TestPki.monitoringTestCa();
        try (TlsTestServer tls =
                TlsTestServer.tls(ca.server(Duration.ofDays(10).plusHours(1), "localhost", "127.0.0.1"))) {
            UUID m = addMonitor("https://localhost:" + tls.port() + "/", ",\"timeoutSeconds\":2");

            String report = run(m);

            assertThat((List<String>) JsonPath.read(report, "$.alertsOpened[?(@.kind == 'TLS')].subject"))
                    .containsExactly("expiry");
            assertThat(open(m, "TLS")).containsExactly("expiry");
            mvc.perform(get("/monitoring/monitors/" + m).with(as(customer)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"network-tls\"")))
                    .andExpect(content().string(containsString("证书将于")));
        }
    }

    @Test
    void theFirstAnswerIsRecordedAndAChangedARecordRaisesADnsAlert() throws Exception {
        UUID m = addMonitor(site.url(), ",\"domainName\":\"" + WWW + "\"");
        call(post("/api/systems/" + w.system().id() + "/lifecycle/obligations/generate")
                        .content("{\"startDate\":\"" + java.time.LocalDate.now(org.yunjian.shared.Formats.zone())
                                + "\"}"))
                .andExpect(status().isCreated());

        run(m);
        assertThat(open(m, "DNS")).isEmpty();
        // 政府网站指南 8.4.1.2 b) 域名及IP合规性检测 needs a criterion: without an approved address list the check only
        // watches for changes, and the calendar's duty is not done by it (issue 59)
        assertThat(domainIpCompletions()).isEmpty();
        run(m);
        assertThat(open(m, "DNS")).isEmpty();

        dns.set(WWW, a(WWW, "127.0.0.2"));
        String report = run(m);

        assertThat((List<String>) JsonPath.read(report, "$.alertsOpened[?(@.kind == 'DNS')].subject"))
                .containsExactly("addresses");
        assertThat(open(m, "DNS")).containsExactly("addresses");
        String alerts = call(get("/api/monitors/" + m + "/alerts?open=true"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<String>) JsonPath.read(alerts, "$.items[?(@.kind == 'DNS')].message"))
                .singleElement()
                .asString()
                .contains("127.0.0.1", "127.0.0.2");
    }

    @Test
    void anAddressOutsideTheApprovedListRaisesADnsAlert() throws Exception {
        dns.set(WWW, a(WWW, "127.0.0.1"), a(WWW, "127.0.0.9"));
        UUID m = addMonitor(site.url(), ",\"domainName\":\"" + WWW + "\",\"approvedAddresses\":[\"127.0.0.0/30\"]");
        call(post("/api/systems/" + w.system().id() + "/lifecycle/obligations/generate")
                        .content("{\"startDate\":\"" + java.time.LocalDate.now(org.yunjian.shared.Formats.zone())
                                + "\"}"))
                .andExpect(status().isCreated());

        run(m);

        assertThat(open(m, "DNS")).containsExactly("127.0.0.9");
        // 政府网站指南 8.4.1.2 b): the check against the approved addresses is the day's 域名及IP合规性检测 in the
        // obligations calendar, whatever it found
        assertThat(domainIpCompletions()).containsExactly("MONITORING");
    }

    List<String> domainIpCompletions() {
        return jdbc.sql("SELECT c.source FROM lifecycle_obligation_completion c JOIN lifecycle_obligation o "
                        + "ON o.id = c.obligation_id WHERE o.system_id = ? AND o.kind = 'DOMAIN_IP_CHECK'")
                .param(w.system().id())
                .query(String.class)
                .list();
    }

    @Test
    void aRegistrationExpiringWithinTheWarningDaysOverRdapRaisesADnsAlert() throws Exception {
        network.use(new NetworkChecks.Settings(
                List.of(dns.address()),
                URI.create("http://127.0.0.1:" + rdap.getAddress().getPort()),
                Duration.ZERO));
        UUID quiet = addMonitor(site.url(), ",\"domainName\":\"" + WWW + "\",\"expiryWarningDays\":10");
        run(quiet);
        assertThat(open(quiet, "DNS")).isEmpty();

        UUID m = addMonitor(site.url(), ",\"domainName\":\"" + WWW + "\",\"expiryWarningDays\":30");
        run(m);

        assertThat(open(m, "DNS")).containsExactly("registration");
        assertThat(rdapAsked.get()).isEqualTo(2);
    }

    @Test
    void theNetworkChecksRunAtMostOncePerInterval() throws Exception {
        network.use(new NetworkChecks.Settings(List.of(dns.address()), null, Duration.ofHours(1)));
        UUID m = addMonitor(site.url(), ",\"domainName\":\"" + WWW + "\"");
        run(m);
        // what the first run found (nothing, or a timeout of the loopback resolver on a loaded machine)
        List<String> first = open(m, "DNS");

        dns.set(WWW, a(WWW, "127.0.0.2"));
        run(m);

        // the second probe within the interval asks no resolver: the changed address is not seen
        assertThat(open(m, "DNS")).isEqualTo(first).doesNotContain("addresses");
    }

    @Test
    void badNetworkSettingsAreRefusedNamingTheField() throws Exception {
        call(post("/api/systems/" + w.system().id() + "/monitors")
                        .content("{\"name\":\"门户\",\"url\":\"" + site.url()
                                + "\",\"approvedAddresses\":[\"203.0.113.0/33\"],\"expiryWarningDays\":0,"
                                + "\"domainName\":\"not a domain\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.approvedAddresses").isString())
                .andExpect(jsonPath("$.errors.expiryWarningDays").isString())
                .andExpect(jsonPath("$.errors.domainName").isString());
        UUID m = addMonitor(
                site.url(),
                ",\"approvedAddresses\":[\"203.0.113.10\",\"2001:db8::/32\"],\"domainName\":\"" + WWW + "\"");
        call(get("/api/monitors/" + m))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedAddresses[1]").value("2001:db8::/32"))
                .andExpect(jsonPath("$.expiryWarningDays").value(30))
                .andExpect(jsonPath("$.domainName").value(WWW));
        mvc.perform(get("/monitoring/monitors/" + m).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"monitor-addresses\"")))
                .andExpect(content().string(containsString("203.0.113.10, 2001:db8::/32")))
                .andExpect(content().string(containsString("<dd data-verbatim id=\"domain-checked\">" + WWW)))
                .andExpect(content().string(containsString("尚未进行证书与域名检测")));
    }

    static ARecord a(String name, String address) throws Exception {
        return new ARecord(LoopbackDnsServer.name(name), DClass.IN, 300, InetAddress.getByName(address));
    }

    static NSRecord ns(String name, String target) {
        return new NSRecord(LoopbackDnsServer.name(name), DClass.IN, 300, LoopbackDnsServer.name(target));
    }
}
