package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yunjian.crypto.Sm2;
import org.yunjian.support.OpenSslRecipe;

/**
 * Issue 60: the OpenSSL 3 recipe of {@code docs/signatures.md}, run as written with stock {@code openssl} and
 * {@code python3}, verifies the platform's signed records — a report seal and a deletion certificate here, with text
 * that needs escapes and Chinese — and refuses one whose signed content changed by a character, or a seal checked
 * against another key. (The issued monthly report's manifest: {@code IssuedReportTests}.)
 */
class SignatureRecipeTest {

    final KeyPair platform = Sm2.generateKeyPair();

    static Map<String, Object> seal() {
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("reportNumber", "YJ-RPT-2026-000001");
        seal.put("revision", 1L);
        seal.put("title", "示例市人民政府门户网站 \"测评报告\"\n第 1 版\t\\ 云鉴");
        seal.put("files", List.of(Map.of("format", "PDF", "sm3", "ab".repeat(32), "size", 123456L)));
        return seal;
    }

    @Test
    void theRecipeVerifiesAReportSealAndRefusesAnAlteredOne() {
        byte[] file = ReportSeal.sign(seal(), platform.getPrivate(), platform.getPublic());
        OpenSslRecipe.Outcome ok = OpenSslRecipe.verify(file, platform.getPublic());
        assertThat(ok.verified()).as(ok.output()).isTrue();

        String text = new String(file, StandardCharsets.UTF_8);
        byte[] altered =
                text.replace("YJ-RPT-2026-000001", "YJ-RPT-2026-000002").getBytes(StandardCharsets.UTF_8);
        OpenSslRecipe.Outcome refused = OpenSslRecipe.verify(altered, platform.getPublic());
        assertThat(refused.verified()).isFalse();
        assertThat(refused.output()).contains("Signature Verification Failure");

        OpenSslRecipe.Outcome otherKey =
                OpenSslRecipe.verify(file, Sm2.generateKeyPair().getPublic());
        assertThat(otherKey.verified()).isFalse();
    }

    @Test
    void theRecipeVerifiesADeletionCertificate() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", "YJ-DEL-2026-000001");
        body.put("system", "证券公司核心交易系统（行业云）");
        body.put("buckets", List.of(Map.of("name", "trade-archive", "objectsDeleted", 18_446L)));
        byte[] file = SignedJson.sign(DeletionCertificate.FORM, body, platform.getPrivate(), platform.getPublic());
        OpenSslRecipe.Outcome ok = OpenSslRecipe.verify(file, platform.getPublic());
        assertThat(ok.verified()).as(ok.output()).isTrue();
        byte[] altered = new String(file, StandardCharsets.UTF_8)
                .replace("18446", "18447")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(OpenSslRecipe.verify(altered, platform.getPublic()).verified())
                .isFalse();
    }
}
