package org.yunjian.monitoring.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Texts;

/** {@link TlsCheck} against TLS servers on loopback presenting certificates of a test CA. */
class TlsCheckTest {

    static TestPki ca;
    static TestPki other;

    TlsTestServer server;

    @BeforeAll
    static void createCas() {
        ca = TestPki.create("Yunjian Test Root");
        other = TestPki.create("Other Test Root");
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    TlsCheck check(Duration deadline) {
        return new TlsCheck(
                deadline, ca.trustStore(), 30, Clock.systemUTC(), org.yunjian.support.LoopbackOutbound.POLICY);
    }

    TlsResult checkAs(String host, TlsTestServer s) {
        return check(Duration.ofSeconds(5)).check(host, new InetSocketAddress(TestPki.loopback(), s.port()));
    }

    @Test
    void validTrustedCertificateRaisesNothingAndIsDescribed() throws Exception {
        server = TlsTestServer.tls(ca.server(Duration.ofDays(365), "localhost", "127.0.0.1"));

        TlsResult r = checkAs("localhost", server);

        assertThat(r.outcome()).isEqualTo(TlsOutcome.CHECKED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.protocol()).isIn("TLSv1.3", "TLSv1.2");
        assertThat(r.chain()).hasSize(2);
        CertificateDescription leaf = r.chain().get(0);
        assertThat(leaf.subject()).isEqualTo("CN=localhost");
        assertThat(leaf.issuer()).isEqualTo("CN=Yunjian Test Root");
        assertThat(leaf.keyAlgorithm()).isEqualTo("EC");
        assertThat(leaf.keyBits()).isEqualTo(256);
        assertThat(leaf.signatureAlgorithm()).isEqualTo("SHA256WITHECDSA");
        assertThat(leaf.subjectAlternativeNames()).containsExactly("localhost", "127.0.0.1");
        assertThat(r.message().text(Texts.ENGLISH))
                .isEqualTo("Certificate and protocol versions of localhost:" + server.port() + " checked");
    }

    @Test
    void certificateExpiringInTenDaysRaisesExpiry() throws Exception {
        server = TlsTestServer.tls(ca.server(Duration.ofDays(10).plusHours(1), "localhost"));

        TlsResult r = checkAs("localhost", server);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CheckKind.TLS);
            assertThat(f.subject()).isEqualTo("expiry");
            assertThat(f.message().key()).isEqualTo("monitoring.net.tls.expiring");
            assertThat(f.message().text(Texts.ENGLISH)).endsWith(", in 10 days");
        });
    }

    @Test
    void expiredCertificateIsReportedAsExpiredNotAsUntrusted() throws Exception {
        Instant now = Instant.now();
        server = TlsTestServer.tls(
                ca.server(now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(2)), "localhost"));

        TlsResult r = checkAs("localhost", server);

        assertThat(r.outcome()).isEqualTo(TlsOutcome.CHECKED);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("validity");
        assertThat(r.findings().get(0).message().key()).isEqualTo("monitoring.net.tls.expired");
    }

    @Test
    void certificateNotYetValidIsReported() throws Exception {
        Instant now = Instant.now();
        server =
                TlsTestServer.tls(ca.server(now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(300)), "localhost"));

        assertThat(checkAs("localhost", server).findings())
                .extracting(f -> f.message().key())
                .containsExactly("monitoring.net.tls.notYetValid");
    }

    @Test
    void certificateForAnotherHostRaisesHostName() throws Exception {
        server = TlsTestServer.tls(ca.server(Duration.ofDays(365), "other.test"));

        TlsResult r = checkAs("localhost", server);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("hostname");
            assertThat(f.detail()).isEqualTo("other.test");
            assertThat(f.message().text(Texts.ENGLISH))
                    .isEqualTo("The certificate does not cover the host name localhost");
            assertThat(f.message().text(Texts.CHINESE)).isEqualTo("证书不适用于主机名 localhost");
        });
    }

    @Test
    void wildcardCoversOneLabelOnly() throws Exception {
        server = TlsTestServer.tls(ca.server(Duration.ofDays(365), "*.example.test"));

        assertThat(checkAs("www.example.test", server).findings()).isEmpty();
        assertThat(checkAs("a.b.example.test", server).findings())
                .extracting(Finding::subject)
                .containsExactly("hostname");
        assertThat(checkAs("example.test", server).findings())
                .extracting(Finding::subject)
                .containsExactly("hostname");
    }

    @Test
    void chainFromAnUntrustedRootNamesItsIssuer() throws Exception {
        server = TlsTestServer.tls(other.server(Duration.ofDays(365), "localhost"));

        TlsResult r = checkAs("localhost", server);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("chain");
            assertThat(f.message().args()).containsExactly("CN=Other Test Root");
            assertThat(f.detail()).contains("CN=localhost <- CN=Other Test Root");
        });
    }

    @Test
    void theJdkDefaultTrustStoreDoesNotTrustTheTestRoot() throws Exception {
        server = TlsTestServer.tls(ca.server(Duration.ofDays(365), "localhost"));

        TlsResult r = new TlsCheck(
                        Duration.ofSeconds(5), null, 30, Clock.systemUTC(), org.yunjian.support.LoopbackOutbound.POLICY)
                .check("localhost", new InetSocketAddress(TestPki.loopback(), server.port()));

        assertThat(r.findings()).extracting(Finding::subject).containsExactly("chain");
    }

    @Test
    void tls12ServerIsAcceptedAndLegacyVersionsAreTriedOnlyWhereTheJdkOffersThem() throws Exception {
        server = TlsTestServer.tls(ca.server(Duration.ofDays(365), "localhost"), "TLSv1.2");

        TlsResult r = checkAs("localhost", server);

        assertThat(r.protocol()).isEqualTo("TLSv1.2");
        assertThat(r.findings()).isEmpty();
        assertThat(r.legacyProtocolsTested()).isEqualTo(TlsCheck.legacyProtocolsOffered());
        String disabled = String.valueOf(Security.getProperty("jdk.tls.disabledAlgorithms"));
        for (String legacy : List.of("TLSv1", "TLSv1.1")) {
            if (List.of(disabled.split("\\s*,\\s*")).contains(legacy)) {
                assertThat(TlsCheck.legacyProtocolsOffered()).doesNotContain(legacy);
            }
        }
    }

    @Test
    void versionsBelowTls12AreRankedBelowIt() {
        assertThat(TlsCheck.below12("TLSv1")).isTrue();
        assertThat(TlsCheck.below12("TLSv1.1")).isTrue();
        assertThat(TlsCheck.below12("SSLv3")).isTrue();
        assertThat(TlsCheck.below12("TLSv1.2")).isFalse();
        assertThat(TlsCheck.below12("TLSv1.3")).isFalse();
        assertThat(TlsCheck.below12("NONE")).isFalse();
    }

    @Test
    void stoppedServerCannotBeConnected() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, TestPki.loopback())) {
            port = s.getLocalPort();
        }

        TlsResult r = check(Duration.ofSeconds(5)).check("127.0.0.1", port);

        assertThat(r.outcome()).isEqualTo(TlsOutcome.CANNOT_CONNECT);
        assertThat(r.findings()).isEmpty();
        assertThat(r.chain()).isEmpty();
        assertThat(r.message().text(Texts.ENGLISH)).isEqualTo("Cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void serverThatNeverAnswersIsCutOffAtTheDeadline() throws Exception {
        server = TlsTestServer.silent();
        long start = System.nanoTime();

        TlsResult r = check(Duration.ofSeconds(1))
                .check("localhost", new InetSocketAddress(TestPki.loopback(), server.port()));

        assertThat(r.outcome()).isEqualTo(TlsOutcome.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void serverSpeakingPlainTextIsAFailedHandshakeNotAnException() throws Exception {
        server = TlsTestServer.plainText();

        TlsResult r = checkAs("localhost", server);

        assertThat(r.outcome()).isEqualTo(TlsOutcome.HANDSHAKE_FAILED);
        assertThat(r.findings()).isEmpty();
    }
}
