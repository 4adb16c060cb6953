package org.yunjian.monitoring.net;

import java.net.InetSocketAddress;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import org.yunjian.monitoring.probe.Finding;

/**
 * Run in a JVM of its own by {@link LegacyProtocolTest}: TLS 1.0 and 1.1 enabled again (as an operator's
 * {@code java.security} may), before the JDK's TLS starts, which no test in the shared test JVM can do. Prints what
 * {@link TlsCheck} found for a server offering TLS 1.1 and 1.2, and for one offering TLS 1.1 only.
 */
final class LegacyProtocolProbe {

    private LegacyProtocolProbe() {}

    public static void main(String[] args) throws Exception {
        Security.setProperty(
                "jdk.tls.disabledAlgorithms",
                "SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL");
        TestPki ca = TestPki.create("Legacy Test Root");
        TlsCheck check = new TlsCheck(
                Duration.ofSeconds(5),
                ca.trustStore(),
                30,
                Clock.systemUTC(),
                org.yunjian.support.LoopbackOutbound.POLICY);
        System.out.println("offered " + String.join(",", TlsCheck.legacyProtocolsOffered()));
        for (String[] protocols : new String[][] {{"TLSv1.1", "TLSv1.2"}, {"TLSv1.1"}}) {
            try (TlsTestServer server = TlsTestServer.tls(ca.server(Duration.ofDays(365), "localhost"), protocols)) {
                TlsResult r = check.check("localhost", new InetSocketAddress(TestPki.loopback(), server.port()));
                System.out.println("server " + String.join(",", protocols) + " negotiated " + r.protocol() + " tested "
                        + String.join(",", r.legacyProtocolsTested()));
                for (Finding f : r.findings()) {
                    System.out.println(
                            "finding " + f.subject() + " " + f.message().key());
                }
            }
        }
    }
}
