package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.crypto.Pem;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Sm3;

/**
 * The provider's countersignature of the deletion record: {@code yunjian exit countersign} signs only a record as
 * the platform offers it, and a certificate carrying the countersignature verifies only when both signatures hold,
 * naming the one that fails.
 */
@org.junit.jupiter.api.extension.ExtendWith(InEnglish.class)
class DeletionRecordTest {

    @TempDir
    Path tmp;

    static Map<String, Object> record() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("deletion", Map.of("scope", "门户网站数据库、对象存储及备份", "deletedOn", "2026-11-25"));
        r.put("buckets", java.util.List.of("s3://portal-data/"));
        return r;
    }

    /** The certificate with the provider's countersignature of {@link #record()} by {@code provider}. */
    static DeletionCertificate countersigned(KeyPair provider, String value) {
        return DeletionCertificateTest.content()
                .withCountersignature(countersignature(provider, value, Keys.fingerprint(provider.getPublic())));
    }

    static DeletionCertificate.Countersignature countersignature(KeyPair provider, String value, String fingerprint) {
        byte[] file = DeletionRecord.write(record());
        return new DeletionCertificate.Countersignature(
                Sm2.ALGORITHM,
                Sm2.DEFAULT_USER_ID,
                fingerprint,
                Pem.writePublicKey(provider.getPublic()),
                new DeletionCertificate.Organization(null, "示例政务云计算有限公司", null),
                null,
                "2026-11-25T03:00:00Z",
                CanonicalJson.parseObject(new String(file, StandardCharsets.UTF_8)),
                Sm3.hex(file),
                value == null ? DeletionRecord.countersign(file, provider.getPrivate()) : value);
    }

    @Test
    void countersignCommandSignsTheRecordAsOfferedAndPrintsOnlyTheSignature() throws Exception {
        ExitFixture fx = new ExitFixture(tmp);
        byte[] file = DeletionRecord.write(record());
        Path recordFile = Files.write(tmp.resolve("deletion-record.json"), file);
        assertThat(fx.cli("exit", "countersign", recordFile.toString(), "--key", fx.key.toString()))
                .isZero();
        assertThat(fx.err).isEmpty();
        String signature = fx.out.strip();
        assertThat(fx.out).isEqualTo(signature + System.lineSeparator());
        assertThat(DeletionRecord.verify(file, Base64.getDecoder().decode(signature), fx.pair.getPublic()))
                .isTrue();
        assertThat(DeletionRecord.verify(
                        file,
                        DeletionRecord.decode(java.util.HexFormat.of()
                                .formatHex(Base64.getDecoder().decode(signature))),
                        fx.pair.getPublic()))
                .as("hex accepted too")
                .isTrue();
        assertThat(DeletionRecord.verify(
                        file, DeletionRecord.decode(signature), Keys.generate().getPublic()))
                .isFalse();

        // a re-formatted or edited file is not signed: nothing else gets the provider's signature by mistake
        Files.writeString(recordFile, new String(file, StandardCharsets.UTF_8).replace(",\"record\"", ", \"record\""));
        assertThat(fx.cli("exit", "countersign", recordFile.toString(), "--key", fx.key.toString()))
                .isEqualTo(2);
        assertThat(fx.out).isEmpty();
        assertThat(fx.err).contains("not in the canonical form the platform offered");
        Files.writeString(recordFile, "{\"certificate\":{}}");
        assertThat(fx.cli("exit", "countersign", recordFile.toString(), "--key", fx.key.toString(), "--lang", "zh"))
                .isEqualTo(2);
        assertThat(fx.err).contains("不是删除记录");
    }

    @Test
    void certificateWithAValidCountersignatureVerifiesAndNamesIt() {
        KeyPair platform = Keys.generate();
        KeyPair provider = Keys.generate();
        byte[] cert = countersigned(provider, null).sign(platform.getPrivate(), platform.getPublic());
        DeletionCertificate.Verified v = DeletionCertificate.verify(cert, platform.getPublic());
        assertThat(v.countersignature().text(java.util.Locale.ENGLISH))
                .startsWith(
                        "provider countersignature valid: 示例政务云计算有限公司 at 2026-11-25 11:00 (Beijing time) with key sm3:"
                                + Keys.fingerprint(provider.getPublic()));
        // a certificate from before countersignatures says it has none
        byte[] old = DeletionCertificateTest.content().sign(platform.getPrivate(), platform.getPublic());
        assertThat(DeletionCertificate.verify(old, platform.getPublic())
                        .countersignature()
                        .text(java.util.Locale.ENGLISH))
                .startsWith("no provider countersignature");
    }

    /**
     * A certificate the platform signed over a countersignature that does not hold (made by hand here: the
     * platform's own {@link DeletionCertificate#sign} refuses it): the platform signature verifies, the provider's
     * does not, and the answer says so — also from the command line.
     */
    @Test
    void aBadCountersignatureUnderAValidPlatformSignatureIsNamedAsTheProvidersOne() throws Exception {
        ExitFixture fx = new ExitFixture(tmp);
        KeyPair provider = Keys.generate();
        String byOther = DeletionRecord.countersign(
                DeletionRecord.write(record()), Keys.generate().getPrivate());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("certificate", countersigned(provider, byOther).json());
        doc.put("format", DeletionCertificate.FORMAT);
        doc.put("version", DeletionCertificate.VERSION);
        byte[] signed = CanonicalJson.write(doc).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("algorithm", Sm2.ALGORITHM);
        signature.put("signer", Keys.fingerprint(fx.pair.getPublic()));
        signature.put("userId", Sm2.DEFAULT_USER_ID);
        signature.put(
                "value",
                Base64.getEncoder()
                        .encodeToString(org.yunjian.crypto.Signer.of(fx.pair.getPrivate())
                                .sign(signed)));
        doc.put("signature", signature);
        byte[] cert = (CanonicalJson.write(doc) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DeletionCertificate.verify(cert, fx.pair.getPublic()))
                .isInstanceOfSatisfying(DeletionCertificate.Invalid.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeletionCertificate.Invalid.Reason.BAD_COUNTERSIGNATURE);
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "the platform signature is valid, but the provider's "
                                            + "countersignature is not: the provider's SM2 countersignature does not match the deletion record");
                });
        Path file = Files.write(tmp.resolve("cert.json"), cert);
        assertThat(fx.cli("exit", "verify-certificate", file.toString(), "--pubkey", fx.pub.toString()))
                .isEqualTo(1);
        assertThat(fx.err).contains("the platform signature is valid, but the provider's countersignature is not");
        assertThat(fx.cli("exit", "verify-certificate", file.toString(), "--pubkey", fx.pub.toString(), "--lang", "zh"))
                .isEqualTo(1);
        assertThat(fx.err).contains("平台签名有效，但服务商会签无效：服务商的 SM2 会签与删除记录不符");
    }

    @Test
    void platformRefusesToSignACertificateWhoseCountersignatureDoesNotHold() {
        KeyPair platform = Keys.generate();
        KeyPair provider = Keys.generate();
        // not the fingerprint of the key it carries
        DeletionCertificate content = DeletionCertificateTest.content()
                .withCountersignature(countersignature(provider, null, "ab".repeat(32)));
        assertThatThrownBy(() -> content.sign(platform.getPrivate(), platform.getPublic()))
                .isInstanceOfSatisfying(DeletionCertificate.Invalid.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeletionCertificate.Invalid.Reason.BAD_COUNTERSIGNATURE);
                    assertThat(e.getMessage())
                            .startsWith("the platform signature is valid, but the provider's "
                                    + "countersignature is not: the countersignature states key fingerprint abababab");
                });
    }
}
