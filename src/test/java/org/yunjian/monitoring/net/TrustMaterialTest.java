package org.yunjian.monitoring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TrustMaterial}: PEM and PKCS#12 trust stores added to the JDK's roots, and trusted by the TLS check. */
class TrustMaterialTest {

    static final TestPki CA = TestPki.create("Trust Material Test Root");

    @Test
    void readsThePemCertificatesOfAFile() throws Exception {
        TestPki other = TestPki.create("Second Root");
        String pem = pem(CA.root.certificate()) + pem(other.root.certificate());

        List<X509Certificate> read = TrustMaterial.read(pem.getBytes(StandardCharsets.US_ASCII), null);

        assertThat(read).containsExactly(CA.root.certificate(), other.root.certificate());
    }

    @Test
    void readsAPkcs12TrustStoreWithItsPassword() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CA.trustStore().store(out, "secret".toCharArray());

        assertThat(TrustMaterial.read(out.toByteArray(), "secret".toCharArray()))
                .containsExactly(CA.root.certificate());
        assertThatThrownBy(() -> TrustMaterial.read(out.toByteArray(), "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustMaterial.read("-----BEGIN CERTIFICATE-----\n".getBytes(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJdkRootsAndTheAddedOnesAreTrustedByTheTlsCheck() throws Exception {
        KeyStore store = TrustMaterial.withDefaults(List.of(CA.root.certificate()));
        assertThat(Collections.list(store.aliases()).size()).isGreaterThan(1);
        try (TlsTestServer server = TlsTestServer.tls(CA.server(Duration.ofDays(365), "localhost"))) {
            TlsResult r = new TlsCheck(
                            Duration.ofSeconds(5),
                            store,
                            30,
                            Clock.systemUTC(),
                            org.yunjian.support.LoopbackOutbound.POLICY)
                    .check("localhost", new java.net.InetSocketAddress(TestPki.loopback(), server.port()));

            assertThat(r.outcome()).isEqualTo(TlsOutcome.CHECKED);
            assertThat(r.findings()).isEmpty();
        }
        assertThat(TrustMaterial.context(store).getProtocol()).isEqualTo("TLS");
    }

    static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
