package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.crypto.Pem;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.cli.ExitCli;

/** The report seal and {@code yunjian report verify}, offline: the right file, a changed file, another key's seal. */
class ReportSealTest {

    static final KeyPair PLATFORM = Keys.generate();
    static final KeyPair OTHER = Keys.generate();
    static final byte[] REPORT = "%PDF-1.7 测评报告 YJ-2026-000042".getBytes(StandardCharsets.UTF_8);

    static Map<String, Object> content(byte[] file) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("reportNumber", "YJ-2026-000042");
        c.put("revision", 1);
        c.put("system", Map.of("name", "示例门户网站"));
        c.put("approver", Map.of("name", "吴工"));
        c.put("approvedAt", "2026-11-25T02:03:04Z");
        c.put(
                "files",
                List.of(Map.of(
                        "name",
                        "assessment-report-YJ-2026-000042-r1.pdf",
                        "format",
                        "PDF",
                        "sm3",
                        Sm3.hex(file),
                        "size",
                        file.length)));
        return c;
    }

    @Test
    void acceptsTheSealedFileAndRefusesAChangedByteOrAnotherKey(@TempDir Path dir) throws Exception {
        Path report = Files.write(dir.resolve("r.pdf"), REPORT);
        Path seal = Files.write(
                dir.resolve("r.seal.json"),
                ReportSeal.sign(content(REPORT), PLATFORM.getPrivate(), PLATFORM.getPublic()));
        Path key = Files.writeString(dir.resolve("platform.pub.pem"), Pem.writePublicKey(PLATFORM.getPublic()));
        Path otherKey = Files.writeString(dir.resolve("other.pub.pem"), Pem.writePublicKey(OTHER.getPublic()));

        String[] ok = run(
                "report",
                "verify",
                report.toString(),
                "--seal",
                seal.toString(),
                "--pubkey",
                key.toString(),
                "--lang",
                "zh");
        assertThat(ok[0]).isEqualTo("0");
        assertThat(ok[1]).startsWith("一致：报告 YJ-2026-000042 第 1 版 · 示例门户网站 · 批准于 2026-11-25 10:03");
        assertThat(ok[2]).isEmpty();

        byte[] flipped = REPORT.clone();
        flipped[3] ^= 0x01;
        Path changed = Files.write(dir.resolve("changed.pdf"), flipped);
        String[] refused = run(
                "report",
                "verify",
                changed.toString(),
                "--seal",
                seal.toString(),
                "--pubkey",
                key.toString(),
                "--lang",
                "zh");
        assertThat(refused[0]).isEqualTo("1");
        assertThat(refused[1]).isEmpty();
        assertThat(refused[2]).contains("不一致：文件与封签不符").contains(Sm3.hex(flipped));

        String[] wrongKey = run(
                "report",
                "verify",
                report.toString(),
                "--seal",
                seal.toString(),
                "--pubkey",
                otherKey.toString(),
                "--lang",
                "en");
        assertThat(wrongKey[0]).isEqualTo("1");
        assertThat(wrongKey[2]).contains("wrong key: the report seal names signer");

        // a seal someone else signed for the same file does not pass for the platform's
        Path forged = Files.write(
                dir.resolve("forged.seal.json"),
                ReportSeal.sign(content(REPORT), OTHER.getPrivate(), OTHER.getPublic()));
        assertThat(run("report", "verify", report.toString(), "--seal", forged.toString(), "--pubkey", key.toString())[
                        0])
                .isEqualTo("1");

        String[] missing =
                run("report", "verify", dir.resolve("nope.pdf").toString(), "--pubkey", key.toString(), "--lang", "en");
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[2]).contains("no such file");
    }

    @Test
    void aSealChangedAfterSigningIsRefused() {
        byte[] seal = ReportSeal.sign(content(REPORT), PLATFORM.getPrivate(), PLATFORM.getPublic());
        String text = new String(seal, StandardCharsets.UTF_8).replace("吴工", "王工");
        assertThatThrownBy(() -> ReportSeal.verify(text.getBytes(StandardCharsets.UTF_8), PLATFORM.getPublic()))
                .isInstanceOf(DeletionCertificate.Invalid.class)
                .extracting(e -> ((DeletionCertificate.Invalid) e).reason())
                .isEqualTo(DeletionCertificate.Invalid.Reason.BAD_SIGNATURE);
        assertThat(ReportSeal.verify(seal, PLATFORM.getPublic()).fileOf(REPORT).get("format"))
                .isEqualTo("PDF");
    }

    @Test
    void helpIsInTheLanguageAsked() {
        String[] zh = run("report", "verify", "--help", "--lang", "zh");
        assertThat(zh[0]).isEqualTo("0");
        assertThat(zh[1]).contains("离线核验下载的测评报告文件", "--pubkey", "平台公钥（PEM）");
        String[] en = run("report", "--help", "--lang", "en");
        assertThat(en[1]).contains("Check approved assessment reports offline", "verify");
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ExitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {
            String.valueOf(rc), out.toString().strip(), err.toString().strip()
        };
    }
}
