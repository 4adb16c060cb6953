package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 37: the deletion certificate became a record. A certificate issued by the platform before that (commit
 * ce0c38d, from {@code ExitProjectApiTests}' walk to a countersigned certificate, with its platform key) still
 * verifies byte for byte through the record, reads into it completely, and the record writes exactly the
 * {@code certificate} object that was signed.
 */
@org.junit.jupiter.api.extension.ExtendWith(InEnglish.class)
class StoredCertificateTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = StoredCertificateTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCertificateIssuedByTheMapBuilderVerifiesAndTheRecordWritesItsSignedBytes() throws IOException {
        byte[] file = resource("deletion-certificate-ce0c38d.json");
        var key = Keys.readPublicKey(new String(resource("deletion-certificate-ce0c38d.pem"), StandardCharsets.UTF_8));

        DeletionCertificate.Verified v = DeletionCertificate.verify(file, key);

        DeletionCertificate c = v.certificate();
        assertThat(c.number()).isEqualTo("YJ-DEL-2026-000001");
        assertThat(c.parties().agents())
                .extracting(DeletionCertificate.Agent::role)
                .containsExactly("AGENT_SYSTEM_INTEGRATOR");
        assertThat(c.verificationRuns().get(0).counts().expected()).isPositive();
        assertThat(c.countersignature().record()).containsEntry("format", DeletionRecord.FORMAT);
        assertThat(v.countersignature().text()).startsWith("provider countersignature valid: ");
        Map<String, Object> signed = CanonicalJson.parseObject(new String(file, StandardCharsets.UTF_8));
        assertThat(CanonicalJson.write(c.json())).isEqualTo(CanonicalJson.write(signed.get("certificate")));
        assertThat(JsonRecords_strict(signed.get("certificate"))).isEqualTo(c);
    }

    /** Every member of the stored certificate is one the record declares: read strictly, nothing is left over. */
    private static DeletionCertificate JsonRecords_strict(Object certificate) {
        return org.yunjian.exit.internal.JsonRecords.read(DeletionCertificate.class, certificate, true);
    }
}
