package org.yunjian.monitoring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Texts;

/** {@link DnsCheck} against a DNS server on loopback whose records the test changes. */
class DnsCheckTest {

    static final String WWW = "www.example.gov.cn";
    static final ApprovedAddresses APPROVED = ApprovedAddresses.of("203.0.113.0/24", "2001:db8::/32");

    LoopbackDnsServer dns;

    @BeforeEach
    void startServer() throws Exception {
        dns = new LoopbackDnsServer();
        dns.set(WWW, a(WWW, "203.0.113.10"), aaaa(WWW, "2001:db8::10"));
        dns.set(
                "example.gov.cn",
                ns("example.gov.cn", "ns1.example.gov.cn"),
                ns("example.gov.cn", "ns2.example.gov.cn"));
    }

    @AfterEach
    void stopServer() throws Exception {
        dns.close();
    }

    DnsResult check(String name, ApprovedAddresses approved, DnsAnswer last) {
        return new DnsCheck(dns.address(), false, Duration.ofSeconds(5)).check(name, approved, last);
    }

    @Test
    void approvedAnswerRaisesNothing() {
        DnsResult r = check(WWW, APPROVED, null);

        assertThat(r.outcome()).isEqualTo(DnsOutcome.ANSWERED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.answer().a()).containsExactly("203.0.113.10");
        assertThat(r.answer().aaaa()).containsExactly(literal("2001:db8::10").getHostAddress());
        assertThat(r.answer().ns()).containsExactly("ns1.example.gov.cn.", "ns2.example.gov.cn.");
        assertThat(DnsAnswer.parse(r.answer().serialize())).isEqualTo(r.answer());
    }

    @Test
    void overTcpTheSameAnswerIsRead() {
        DnsResult r = new DnsCheck(dns.address(), true, Duration.ofSeconds(5)).check(WWW, APPROVED, null);

        assertThat(r.outcome()).isEqualTo(DnsOutcome.ANSWERED);
        assertThat(r.answer().a()).containsExactly("203.0.113.10");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void changedAddressOutsideTheApprovedListNamesTheNewAddress() {
        DnsAnswer last = check(WWW, APPROVED, null).answer();
        dns.set(WWW, a(WWW, "198.51.100.66"), aaaa(WWW, "2001:db8::10"));

        DnsResult r = check(WWW, APPROVED, last);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CheckKind.DNS);
            assertThat(f.subject()).isEqualTo("198.51.100.66");
            assertThat(f.message().text(Texts.ENGLISH))
                    .isEqualTo("The address 198.51.100.66 is not on the approved IP list: possibly hijacked");
            assertThat(f.detail()).contains("A 198.51.100.66").contains("NS ns1.example.gov.cn.");
        });
    }

    @Test
    void changedAddressInsideTheApprovedListRaisesNothing() {
        DnsAnswer last = check(WWW, APPROVED, null).answer();
        dns.set(WWW, a(WWW, "203.0.113.11"));

        assertThat(check(WWW, APPROVED, last).findings()).isEmpty();
    }

    @Test
    void changedCnameIsReportedWithBothTargets() {
        dns.set(WWW, cname(WWW, "site.cdn.example.net"));
        dns.set("site.cdn.example.net", a("site.cdn.example.net", "203.0.113.20"));
        dns.set("evil.example.org", a("evil.example.org", "203.0.113.21"));
        DnsResult first = check(WWW, APPROVED, null);
        assertThat(first.answer().cname()).containsExactly("site.cdn.example.net.");
        assertThat(first.answer().a()).containsExactly("203.0.113.20");
        assertThat(first.findings()).isEmpty();
        dns.set(WWW, cname(WWW, "evil.example.org"));

        DnsResult r = check(WWW, APPROVED, first.answer());

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("cname");
            assertThat(f.message().args()).containsExactly("site.cdn.example.net.", "evil.example.org.");
        });
    }

    @Test
    void changedNameServersAreReported() {
        DnsAnswer last = DnsAnswer.parse("A 203.0.113.10\nNS ns1.example.gov.cn.\nNS ns2.example.gov.cn.\n");
        dns.set("example.gov.cn", ns("example.gov.cn", "ns1.hijacker.example"));

        DnsResult r = check(WWW, APPROVED, last);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("ns");
            assertThat(f.message().text(Texts.CHINESE))
                    .isEqualTo("NS 记录由 ns1.example.gov.cn., ns2.example.gov.cn. 变为 ns1.hijacker.example.，可能遭到劫持");
        });
    }

    @Test
    void addressOutsideTheAllowedRegionsOrTheRegionTableIsReported() {
        ApprovedAddresses approved = ApprovedAddresses.of("203.0.113.0/24", "198.51.100.0/24", "2001:db8::/32")
                .withRegions(Map.of("203.0.113.0/24", "CN-BJ", "198.51.100.0/24", "US-WEST"), Set.of("CN-BJ"));
        dns.set(WWW, a(WWW, "203.0.113.10"), a(WWW, "198.51.100.7"), aaaa(WWW, "2001:db8::10"));

        DnsResult r = check(WWW, approved, null);

        String v6 = r.answer().aaaa().get(0);
        assertThat(r.findings())
                .extracting(Finding::subject)
                .containsExactlyInAnyOrder("region:198.51.100.7", "region:" + v6);
        assertThat(r.findings())
                .extracting(f -> f.message().key())
                .containsExactlyInAnyOrder("monitoring.net.dns.regionNotAllowed", "monitoring.net.dns.outsideRegions");
    }

    @Test
    void nonexistentNameIsNxdomain() {
        DnsResult r = check("gone.example.gov.cn", APPROVED, null);

        assertThat(r.outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
        assertThat(r.answer()).isEqualTo(DnsAnswer.EMPTY);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("nxdomain");
            assertThat(f.message().text(Texts.ENGLISH))
                    .isEqualTo("The domain gone.example.gov.cn does not exist (NXDOMAIN)");
        });
    }

    @Test
    void serverFailureIsServfail() {
        dns.failWithServfail(WWW);

        DnsResult r = check(WWW, APPROVED, null);

        assertThat(r.outcome()).isEqualTo(DnsOutcome.SERVFAIL);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("servfail");
    }

    @Test
    void nameWithoutAddressesIsNoAnswer() {
        dns.set(WWW, new TXTRecord(LoopbackDnsServer.name(WWW), DClass.IN, 300, "v=spf1 -all"));

        DnsResult r = check(WWW, APPROVED, null);

        assertThat(r.outcome()).isEqualTo(DnsOutcome.NO_ANSWER);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("no-answer");
    }

    @Test
    void silentServerIsATimeoutWithinTheDeadline() {
        dns.neverAnswer(WWW);
        long start = System.nanoTime();

        DnsResult r = new DnsCheck(dns.address(), false, Duration.ofMillis(500)).check(WWW, APPROVED, null);

        assertThat(r.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void closedTcpPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, TestPki.loopback())) {
            port = s.getLocalPort();
        }

        DnsResult r = new DnsCheck(new InetSocketAddress(TestPki.loopback(), port), true, Duration.ofSeconds(5))
                .check(WWW, APPROVED, null);

        assertThat(r.outcome()).isEqualTo(DnsOutcome.UNREACHABLE);
    }

    @Test
    void answerSurvivesStorageAndRejectsAlteredLines() {
        DnsAnswer answer = new DnsAnswer(
                java.util.List.of("203.0.113.10", "203.0.113.9"),
                java.util.List.of(),
                java.util.List.of("Site.CDN.example.net"),
                java.util.List.of("ns1.example.gov.cn."));

        assertThat(answer.cname()).containsExactly("site.cdn.example.net.");
        assertThat(answer.a()).containsExactly("203.0.113.10", "203.0.113.9");
        assertThat(DnsAnswer.parse(answer.serialize())).isEqualTo(answer);
        assertThat(DnsAnswer.parse("")).isEqualTo(DnsAnswer.EMPTY);
        assertThatThrownBy(() -> DnsAnswer.parse("MX 10 mail.example.gov.cn."))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Record a(String name, String address) {
        return new ARecord(LoopbackDnsServer.name(name), DClass.IN, 300, literal(address));
    }

    static Record aaaa(String name, String address) {
        return new AAAARecord(LoopbackDnsServer.name(name), DClass.IN, 300, literal(address));
    }

    static Record cname(String name, String target) {
        return new CNAMERecord(LoopbackDnsServer.name(name), DClass.IN, 300, LoopbackDnsServer.name(target));
    }

    static Record ns(String zone, String server) {
        return new NSRecord(LoopbackDnsServer.name(zone), DClass.IN, 300, LoopbackDnsServer.name(server));
    }

    static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
