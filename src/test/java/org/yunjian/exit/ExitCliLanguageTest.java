package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.exit.cli.ExitCli;

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
    void chineseIsTheDefaultForANonEnglishLocaleAndEveryKeyHasBothLanguages() {
        assertThat(ExitTexts.get(java.util.Locale.SIMPLIFIED_CHINESE, "exit.cli.result.differences")).isEqualTo("结果：发现差异");
        assertThat(ExitTexts.get(java.util.Locale.GERMAN, "exit.cli.result.differences")).isEqualTo("结果：发现差异");
        assertThat(ExitTexts.get(java.util.Locale.UK, "exit.cli.result.differences")).isEqualTo("RESULT: DIFFERENCES FOUND");
        assertThat(ExitTexts.get(java.util.Locale.ENGLISH, "exit.cli.expected")).isEqualTo("yunjian: expected 'exit' or 'keys'");
    }
}
