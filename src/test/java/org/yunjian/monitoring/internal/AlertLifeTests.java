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
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.yunjian.monitoring.MonitoringWorldTests;
import org.yunjian.monitoring.net.LoopbackDnsServer;
import org.yunjian.monitoring.net.TestPki;
import org.yunjian.monitoring.net.TlsTestServer;
import org.yunjian.party.PartyTestSupport;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;

/**
 * An alert's life after it opened, through the REST API against loopback servers: N answers in a row slower than
 * the monitor's threshold raise 响应缓慢 and an answer in time closes it; a renewed certificate, DNS records back on the
 * approved addresses and a dead link that answers again close their alerts on the next check — closed by the platform
 * (平台（自动）), with the recovery time and the outage's length on the alert page and a 恢复 notice to the
 * responsible organisations' people; an alert a person closed stays closed and one found again opens anew; an address
 * outside the approved regions raises an alert naming it. Same context configuration as the other monitoring tests.
 */
class AlertLifeTests extends MonitoringWorldTests {

    static final String WWW = "www.example.gov.cn";

    @Autowired
    NetworkChecks network;

    @Autowired
    UserAdministration users;

    LoopbackDnsServer dns;
    NetworkChecks.Settings before;
    final AtomicLong delayMillis = new AtomicLong();
    final AtomicInteger linkStatus = new AtomicInteger(404);
    volatile String page = "<html><body><p>示例市人民政府</p><a href=\"/notice\">通知</a></body></html>";

    @Override
    protected String page() {
        try {
            Thread.sleep(delayMillis.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return page;
    }

    @BeforeEach
    void linkAndDns() throws Exception {
        site.context("/notice", x -> {
            byte[] b = "<html><body>通知</body></html>".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            int s = linkStatus.get();
            x.sendResponseHeaders(s, x.getRequestMethod().equals("HEAD") ? -1 : b.length);
            if (!x.getRequestMethod().equals("HEAD")) {
                x.getResponseBody().write(b);
            }
            x.close();
        });
        dns = new LoopbackDnsServer();
        dns.set("example.gov.cn", NetworkChecksApiTests.ns("example.gov.cn", "ns1.example.gov.cn"));
        dns.set(WWW, a("127.0.0.1"));
        before = network.use(new NetworkChecks.Settings(List.of(dns.address()), null, Duration.ZERO));
    }

    @AfterEach
    void stop() throws Exception {
        network.use(before);
        dns.close();
    }

    @Test
    void slowAnswersInARowRaiseALatencyAlertAndAnAnswerInTimeClosesItWithANotice() throws Exception {
        UUID person = PartyTestSupport.runAs(PartyTestSupport.admin(), () -> org.yunjian.security.TestAccounts.create(
                        users,
                        new UserAdministration.NewUser(
                                "alerts-" + UUID.randomUUID().toString().substring(0, 8),
                                "值班员",
                                Role.USER,
                                w.customer()
                                        .id(), // tasked with a latency alert; the provider is not told of it (issue 59)
                                "Alert-Life-Test-2026!"))
                .id());
        UUID m = addMonitor(site.url(), ",\"failuresBeforeAlert\":2,\"slowAboveMillis\":150,\"timeoutSeconds\":5");
        call(get("/api/monitors/" + m)).andExpect(jsonPath("$.slowAboveMillis").value(150));
        run(m);
        delayMillis.set(400);
        run(m);
        assertThat(open(m, "LATENCY")).isEmpty();
        String report = run(m);
        assertThat((List<String>) JsonPath.read(report, "$.alertsOpened[*].kind"))
                .containsExactly("LATENCY");
        UUID alert = openId(m, "LATENCY");
        mvc.perform(get("/monitoring/alerts/" + alert).with(as(customer)))
                .andExpect(content().string(containsString("响应缓慢")))
                .andExpect(content().string(containsString("连续 2 次响应缓慢")));

        delayMillis.set(0);
        run(m);

        assertThat(open(m, "LATENCY")).isEmpty();
        mvc.perform(get("/monitoring/alerts/" + alert).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("平台（自动）")))
                .andExpect(content().string(containsString("id=\"alert-recovered\"")))
                .andExpect(content().string(containsString("中断时长：不到 1 分钟")));
        mvc.perform(get("/monitoring/monitors/" + m).with(as(customer)))
                .andExpect(content().string(containsString("已关闭（自动恢复，中断时长：不到 1 分钟）")))
                .andExpect(content().string(containsString("<dd id=\"slow-above\">150</dd>")));
        // a notice, unread until read: the bell counts it
        assertThat(jdbc.sql("SELECT kind FROM notification WHERE scope = ? AND user_id = ? AND read_at IS NULL")
                        .params("monitor-recovery:" + alert, person)
                        .query(String.class)
                        .list())
                .containsExactly("work.monitoring.recovered");
        // nothing stays waiting in 我的待办
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_task WHERE scope LIKE ?")
                        .param("monitor-%:" + alert)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRenewedCertificateClosesTheTlsAlertOnTheNextCheck() throws Exception {
        TestPki ca = TestPki.monitoringTestCa();
        int port;
        UUID m;
        UUID alert;
        try (TlsTestServer tls =
                TlsTestServer.tls(ca.server(Duration.ofDays(10).plusHours(1), "localhost", "127.0.0.1"))) {
            port = tls.port();
            m = addMonitor("https://localhost:" + port + "/", ",\"timeoutSeconds\":2");
            run(m);
            assertThat(open(m, "TLS")).containsExactly("expiry");
            alert = openId(m, "TLS");
        }
        try (TlsTestServer renewed =
                TlsTestServer.tls(port, ca.server(Duration.ofDays(365), "localhost", "127.0.0.1"))) {
            run(m);
            assertThat(open(m, "TLS")).isEmpty();
            call(get("/api/monitoring/alerts/" + alert))
                    .andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.closedOnRecovery").value(true))
                    .andExpect(jsonPath("$.outageSeconds").isNumber());
        }
    }

    @Test
    void dnsBackOnTheApprovedAddressesClosesTheAlertAndAFindingAgainOpensANewOne() throws Exception {
        dns.set(WWW, a("127.0.0.1"), a("127.0.0.9"));
        UUID m = addMonitor(site.url(), ",\"domainName\":\"" + WWW + "\",\"approvedAddresses\":[\"127.0.0.0/30\"]");
        run(m);
        assertThat(open(m, "DNS")).containsExactly("127.0.0.9");
        UUID first = openId(m, "DNS");

        dns.set(WWW, a("127.0.0.1"));
        run(m);
        assertThat(open(m, "DNS")).isEmpty();

        dns.set(WWW, a("127.0.0.1"), a("127.0.0.9"));
        run(m);
        assertThat(open(m, "DNS")).containsExactly("127.0.0.9");
        UUID again = openId(m, "DNS");
        assertThat(again).isNotEqualTo(first);

        // closed by a person: stays closed, even once the records are right again
        long version = ((Number) JsonPath.read(
                        call(get("/api/monitoring/alerts/" + again))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.version"))
                .longValue();
        call(post("/api/monitoring/alerts/" + again + "/close")
                        .content("{\"note\":\"已修正解析\",\"version\":" + version + "}"))
                .andExpect(status().isOk());
        dns.set(WWW, a("127.0.0.1"));
        run(m);
        call(get("/api/monitoring/alerts/" + again))
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closeNote").value("已修正解析"))
                .andExpect(jsonPath("$.closedOnRecovery").value(false));
    }

    @Test
    void anAddressOutsideTheApprovedRegionsRaisesAnAlertNamingIt() throws Exception {
        dns.set(WWW, a("127.0.0.1"), a("127.0.0.9"));
        UUID m = addMonitor(
                site.url(),
                ",\"domainName\":\"" + WWW
                        + "\",\"approvedRegions\":[{\"name\":\"华北-北京\",\"ranges\":[\"127.0.0.0/30\"]},"
                        + "{\"name\":\"华东-上海\",\"ranges\":[\"127.0.1.0/24\"]}]");
        call(get("/api/monitors/" + m))
                .andExpect(jsonPath("$.approvedRegions[0].name").value("华北-北京"))
                .andExpect(jsonPath("$.approvedRegions[0].ranges[0]").value("127.0.0.0/30"));

        run(m);

        assertThat(open(m, "DNS")).containsExactly("region:127.0.0.9");
        String alerts = call(get("/api/monitors/" + m + "/alerts?open=true"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<String>) JsonPath.read(alerts, "$.items[?(@.kind == 'DNS')].message"))
                .singleElement()
                .asString()
                .contains("127.0.0.9", "华北-北京", "华东-上海");
        mvc.perform(get("/monitoring/monitors/" + m).with(as(customer)))
                .andExpect(content().string(containsString("地址 127.0.0.1 位于 华北-北京")))
                .andExpect(content().string(containsString("id=\"monitor-approved-regions\"")))
                .andExpect(content().string(containsString("<div>华东-上海: 127.0.1.0/24</div>")));
    }

    @Test
    void aBadRegionIsRefusedNamingTheFieldAndTheRegion() throws Exception {
        call(post("/api/systems/" + w.system().id() + "/monitors")
                        .content("{\"name\":\"门户\",\"url\":\"" + site.url() + "\",\"approvedRegions\":["
                                + "{\"name\":\"华北-北京\",\"ranges\":[\"127.0.0.0/30\"]},"
                                + "{\"name\":\"华东-上海\",\"ranges\":[\"127.0.1.0/33\"]}],\"slowAboveMillis\":5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.approvedRegions").value(containsString("第 2 个地区")))
                .andExpect(jsonPath("$.errors.approvedRegions").value(containsString("127.0.1.0/33")))
                .andExpect(jsonPath("$.errors.slowAboveMillis").isString());
    }

    @Test
    void aDeadLinkThatAnswersAgainClosesItsAlert() throws Exception {
        UUID m = addMonitor(site.url(), "");
        run(m);
        assertThat(open(m, "DEAD_LINK")).containsExactly(site.url() + "notice");

        linkStatus.set(200);
        // the deep checks run again when the page's links change (or after yunjian.monitoring.deep-every)
        page = "<html><body><p>示例市人民政府</p><a href=\"/notice\">通知</a><a href=\"/notice#top\">顶部</a>"
                + "<a href=\"/\">首页</a></body></html>";
        run(m);

        assertThat(open(m, "DEAD_LINK")).isEmpty();
    }

    UUID openId(UUID monitor, String kind) throws Exception {
        List<String> ids = JsonPath.read(openJson(monitor), "$.items[?(@.kind == '" + kind + "')].id");
        assertThat(ids).hasSize(1);
        return UUID.fromString(ids.get(0));
    }

    static ARecord a(String address) throws Exception {
        return new ARecord(LoopbackDnsServer.name(WWW), DClass.IN, 300, InetAddress.getByName(address));
    }
}
