package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.exit.cli.ExitCli;
import org.yunjian.exit.internal.ManifestPaths;

/** The offline commands speak the language of {@code --lang}: Chinese lines in Chinese, English in English. */
class ExitCliLanguageTest {

    @TempDir
    Path tmp;

    String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ExitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(rc), out.toString(), err.toString()};
    }

    @Test
    void missingCertificateIsReportedInTheChosenLanguage() {
        String missing = tmp.resolve("missing.json").toString();
        String key = tmp.resolve("key.pem").toString();
        String[] zh = run("exit", "verify-certificate", missing, "--pubkey", key, "--lang", "zh");
        assertThat(zh[0]).isEqualTo("2");
        assertThat(zh[2]).contains("错误：证明文件", "不存在").doesNotContain("does not exist");
        String[] en = run("exit", "--lang=en", "verify-certificate", missing, "--pubkey", key);
        assertThat(en[2]).contains("error: certificate", "does not exist");
    }

    @Test
    void errorsNameTheProblemInTheChosenLanguage() throws Exception {
        Path manifest = tmp.resolve("m.jsonl");
        java.nio.file.Files.writeString(
                manifest,
                "{\"type\":\"header\",\"format\":\"yunjian-exit-manifest\",\"version\":1,"
                        + "\"algorithm\":\"md5\",\"root\":\"/x\",\"created\":\"2026-01-01T00:00:00Z\"}\n");
        String[] zh = run("exit", "verify", "--manifest", manifest.toString(), tmp.toString(), "--lang", "zh");
        assertThat(zh[0]).isEqualTo("2");
        assertThat(zh[2])
                .contains("yunjian exit verify：错误：签名清单 " + manifest + " 第 1 行：未知的摘要算法“md5”（可用：sm3、sha256）")
                .doesNotContain("unknown");
        String[] en = run("exit", "verify", "--manifest", manifest.toString(), tmp.toString(), "--lang", "en");
        assertThat(en[2])
                .contains("yunjian exit verify: error: manifest " + manifest
                        + " line 1: unknown hash algorithm 'md5' (known: sm3, sha256)");
    }

    @Test
    void aKeyedProblemRendersInAnyLanguageWhateverTheCliUses() {
        ExitTexts.use(java.util.Locale.ENGLISH);
        try {
            InvalidInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> BucketDeletionCheck.Report.parse(
                            "{\"target\":\"s3://b\",\"bucket\":\"b\",\"prefix\":\"\",\"empty\":\"yes\"}"),
                    InvalidInputException.class);
            assertThat(e.getMessage()).isEqualTo("empty: required, true or false");
            assertThat(e.text(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("empty：必填，true 或 false");
            assertThat(e.key()).isEqualTo("exit.report.member");
            assertThat(e.args()[0]).isEqualTo("empty");
            ExitText reason =
                    ExitText.of(org.assertj.core.api.Assertions.catchThrowable(() -> ManifestPaths.check("a/../b")));
            ManifestException m = new ManifestException("exit.manifest.line", "m.jsonl", 3L, reason);
            assertThat(m.text(java.util.Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("签名清单 m.jsonl 第 3 行：路径用“..”跳出了根目录：“a/../b”");
            assertThat(m.getMessage()).isEqualTo("manifest m.jsonl line 3: path climbs out with '..': 'a/../b'");
        } finally {
            ExitTexts.use(java.util.Locale.getDefault());
        }
    }

    @Test
    void verificationOutputIsInTheChosenLanguage() throws Exception {
        ExitFixture fx = new ExitFixture(tmp);
        Path m = fx.build();
        java.nio.file.Files.delete(fx.tree.resolve("a.txt"));
        assertThat(fx.verify(m, "--lang", "zh")).isEqualTo(1);
        assertThat(fx.out)
                .contains("缺失", "a.txt  （文件不存在）", "签名：有效 — SM2 签名有效", "结果：发现差异")
                .doesNotContain("MISSING", "no such file", "RESULT");
        assertThat(fx.verify(m, "--lang", "en")).isEqualTo(1);
        assertThat(fx.out)
                .contains(
                        "MISSING        a.txt  (no such file)",
                        "signature: VALID — SM2 signature valid",
                        "RESULT: DIFFERENCES FOUND");
    }

    /** A pattern with arguments goes through MessageFormat, where a lone apostrophe would swallow what follows. */
    @Test
    void everyPatternWithArgumentsQuotesItsApostrophes() throws Exception {
        for (String bundle : java.util.List.of("messages/exit.properties", "messages/exit_en.properties")) {
            java.util.Properties p = new java.util.Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                if (pattern.matches("(?s).*\\{\\d.*")) {
                    assertThat(pattern).as(bundle + " " + key).doesNotContainPattern("(?<!')'(?!')");
                    Object[] args = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"};
                    String text =
                            new java.text.MessageFormat(pattern.replaceAll("\\{(\\d),number,#}", "{$1}")).format(args);
                    assertThat(text).as(bundle + " " + key).doesNotContain("{");
                }
            }
        }
    }

    @Test
    void chineseIsTheDefaultForANonEnglishLocaleAndEveryKeyHasBothLanguages() {
        assertThat(ExitTexts.get(java.util.Locale.SIMPLIFIED_CHINESE, "exit.cli.result.differences"))
                .isEqualTo("结果：发现差异");
        assertThat(ExitTexts.get(java.util.Locale.GERMAN, "exit.cli.result.differences"))
                .isEqualTo("结果：发现差异");
        assertThat(ExitTexts.get(java.util.Locale.UK, "exit.cli.result.differences"))
                .isEqualTo("RESULT: DIFFERENCES FOUND");
        assertThat(ExitTexts.get(java.util.Locale.ENGLISH, "exit.cli.expected"))
                .isEqualTo("yunjian: expected 'exit' or 'keys'");
    }
}
