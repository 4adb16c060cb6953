package org.yunjian.monitoring.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Certificates described through BouncyCastle, SM2 included. */
class CertificateDescriptionTest {

    @Test
    void sm2CertificateIsReadAndItsKeyNamedSm2() {
        CertificateDescription d =
                CertificateDescription.read(TestPki.sm2Certificate()).orElseThrow();

        assertThat(d.keyAlgorithm()).isEqualTo("SM2");
        assertThat(d.sm2()).isTrue();
        assertThat(d.keyBits()).isEqualTo(256);
        assertThat(d.signatureAlgorithm()).isEqualTo("SM3WITHSM2");
        assertThat(d.subject()).contains("CN=某市人民政府门户网站");
        assertThat(d.issuer()).isEqualTo(d.subject());
        assertThat(d.subjectAlternativeNames()).containsExactly("www.example.gov.cn");
        assertThat(d.notAfter()).isAfter(d.notBefore());
    }

    @Test
    void ecCertificateIsNotSm2() throws Exception {
        TestPki ca = TestPki.create("Root");
        CertificateDescription d = CertificateDescription.read(ca.server(Duration.ofDays(30), "www.example.test")
                        .certificate()
                        .getEncoded())
                .orElseThrow();

        assertThat(d.keyAlgorithm()).isEqualTo("EC");
        assertThat(d.sm2()).isFalse();
        assertThat(d.issuer()).isEqualTo("CN=Root");
    }

    @Test
    void bytesThatAreNoCertificateGiveNothing() {
        assertThat(CertificateDescription.read(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .isEmpty();
        assertThat(CertificateDescription.read(new byte[0])).isEmpty();
    }
}
