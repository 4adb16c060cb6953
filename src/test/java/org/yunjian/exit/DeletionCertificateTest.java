package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(org.yunjian.exit.InEnglish.class)
class DeletionCertificateTest {

    @TempDir
    Path tmp;

    static DeletionCertificate content() {
        return new DeletionCertificate(
                "0b6f0c1e-0000-4000-8000-000000000001",
                null,
                null,
                "2026-11-21T11:00:00Z",
                new DeletionCertificate.Issuer("办公厅信息中心 张工", null),
                null,
                new DeletionCertificate.SystemFacts(null, "示例市人民政府门户网站", "PUBLIC", null, null),
                new DeletionCertificate.Parties(
                        new DeletionCertificate.Organization(null, "示例市人民政府办公厅", null),
                        new DeletionCertificate.Organization(null, "示例政务云计算有限公司", null),
                        null),
                null,
                null,
                null,
                null,
                List.of(new DeletionCertificate.Manifest(
                        "m.jsonl",
                        "ab".repeat(32),
                        null,
                        null,
                        null,
                        null,
                        null,
                        3L,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)),
                null,
                List.of(new DeletionCertificate.VerificationRun(
                        null, null, null, null, null, null, true, null, null, null, null, null, null, null, null, null,
                        null, null)),
                null,
                null,
                null,
                List.of(new DeletionCertificate.Sanitisation(
                        "DISK-01", null, null, "PURGE", null, null, null, null, "引号\"与\\反斜杠\n换行", null, null, null)),
                null,
                null,
                null);
    }

    @Test
    void signedCertificateVerifiesAndIsItsOwnCanonicalForm() {
        KeyPair pair = Keys.generate();
        byte[] file = content().sign(pair.getPrivate(), pair.getPublic());
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").doesNotContain("\n{").startsWith("{\"certificate\":{");
        assertThat(text.substring(0, text.length() - 1)).isEqualTo(CanonicalJson.write(CanonicalJson.parse(text)));
        DeletionCertificate.Verified v = DeletionCertificate.verify(file, pair.getPublic());
        assertThat(v.summary().text(java.util.Locale.ENGLISH))
                .contains("示例市人民政府门户网站", "示例政务云计算有限公司", "1 manifests", "1 media records");
    }

    @Test
    void everySingleChangedByteIsRejected() {
        KeyPair pair = Keys.generate();
        byte[] file = content().sign(pair.getPrivate(), pair.getPublic());
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < file.length; i++) {
            for (int flip : new int[] {0x01, 0x20}) {
                byte[] changed = file.clone();
                changed[i] ^= (byte) flip;
                try {
                    DeletionCertificate.verify(changed, pair.getPublic());
                    accepted.add(i);
                } catch (DeletionCertificate.Invalid expected) {
                    assertThat(expected.getMessage()).doesNotContain("\n");
                }
            }
        }
        assertThat(accepted).as("positions whose change went unnoticed").isEmpty();
    }

    @Test
    void rejectsASignatureSpelledWithOtherUnusedBase64Bits() {
        KeyPair pair = Keys.generate();
        String text;
        do { // a DER signature whose length is not a multiple of 3 ends in '=' padding with unused bits before it
            text = new String(content().sign(pair.getPrivate(), pair.getPublic()), StandardCharsets.UTF_8);
        } while (!text.contains("=\""));
        int last = text.indexOf('=') - 1;
        char[] chars = text.toCharArray();
        chars[last] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                .charAt("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".indexOf(chars[last]) ^ 1);
        byte[] changed = new String(chars).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DeletionCertificate.verify(changed, pair.getPublic()))
                .hasMessageContaining("canonical base64");
    }

    @Test
    void reformattedWrongKeyUnknownAlgorithmAndMalformedAreNamed() {
        KeyPair pair = Keys.generate();
        byte[] file = content().sign(pair.getPrivate(), pair.getPublic());
        String text = new String(file, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DeletionCertificate.verify(
                        text.replace(",\"format\"", ", \"format\"").getBytes(StandardCharsets.UTF_8), pair.getPublic()))
                .hasMessageContaining("not in canonical form");
        assertThatThrownBy(
                        () -> DeletionCertificate.verify(file, Keys.generate().getPublic()))
                .hasMessageStartingWith("wrong key");
        assertThatThrownBy(() -> DeletionCertificate.verify(
                        text.replace("SM3withSM2", "SHA256withECDSA").getBytes(StandardCharsets.UTF_8),
                        pair.getPublic()))
                .hasMessageContaining("unknown signature algorithm");
        assertThatThrownBy(() -> DeletionCertificate.verify(
                        text.substring(0, 40).getBytes(StandardCharsets.UTF_8), pair.getPublic()))
                .hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> DeletionCertificate.verify(
                        text.replace("示例政务云", "示例私有云").getBytes(StandardCharsets.UTF_8), pair.getPublic()))
                .hasMessageStartingWith("bad signature");
    }

    @Test
    void commandLineAcceptsTheCertificateAndRejectsAChangedByteWithOneLine() throws Exception {
        ExitFixture fx = new ExitFixture(tmp);
        byte[] file = content().sign(fx.pair.getPrivate(), fx.pair.getPublic());
        Path cert = tmp.resolve("cert.json");
        Files.write(cert, file);
        assertThat(fx.cli("exit", "verify-certificate", cert.toString(), "--pubkey", fx.pub.toString()))
                .isZero();
        assertThat(fx.out).startsWith("certificate valid: ").contains("示例市人民政府门户网站", "1 manifests");
        assertThat(fx.cli("exit", "verify-certificate", cert.toString(), "--pubkey", fx.pub.toString(), "--lang", "zh"))
                .isZero();
        assertThat(fx.out)
                .startsWith("证明有效：数据删除证明 ")
                .contains("示例市人民政府门户网站", "签名清单 1 份")
                .doesNotContain("manifests");
        int at = new String(file, StandardCharsets.ISO_8859_1).indexOf("DISK-01");
        file[at] = 'X';
        Files.write(cert, file);
        assertThat(fx.cli("exit", "verify-certificate", cert.toString(), "--pubkey", fx.pub.toString()))
                .isEqualTo(1);
        assertThat(fx.err.strip()).doesNotContain("\n").contains("bad signature");
        assertThat(fx.cli("exit", "verify-certificate", cert.toString(), "--pubkey", fx.pub.toString(), "--lang", "zh"))
                .isEqualTo(1);
        assertThat(fx.err).contains("证明无效：签名无效：SM2 签名与内容不符（签名后被修改）");
        Files.writeString(cert, "{\"certificate\":");
        assertThat(fx.cli("exit", "verify-certificate", cert.toString(), "--pubkey", fx.pub.toString()))
                .isEqualTo(2);
        assertThat(fx.err).contains("malformed JSON");
    }

    @Test
    void canonicalJsonSortsMembersAndRejectsDuplicatesAndFractions() {
        assertThat(CanonicalJson.write(CanonicalJson.parse(" { \"b\" : [1, true, null], \"a\" : \"\\u0041\\n\" } ")))
                .isEqualTo("{\"a\":\"A\\n\",\"b\":[1,true,null]}");
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1.5}")).hasMessageContaining("only integers");
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":\"\\ud800\"}")).hasMessageContaining("lone surrogate");
    }
}
