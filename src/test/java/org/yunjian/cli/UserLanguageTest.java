package org.yunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user's language from the environment as POSIX orders it (issue 61: English help under {@code zh_CN}). */
class UserLanguageTest {

    @Test
    void theEnvironmentNamesTheLanguageInPosixOrder() {
        assertThat(CliArgs.userLanguage(Map.of("LANG", "zh_CN.UTF-8")::get)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliArgs.userLanguage(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "en_US.UTF-8")::get))
                .isEqualTo(Locale.US);
        assertThat(CliArgs.userLanguage(Map.of("LANG", "en_GB", "LC_MESSAGES", "zh_CN@pinyin")::get))
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliArgs.userLanguage(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "")::get))
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void cAndPosixAndNothingNameNoLanguage() {
        assertThat(CliArgs.userLanguage(Map.of("LANG", "C.UTF-8")::get)).isNull();
        assertThat(CliArgs.userLanguage(Map.of("LC_ALL", "POSIX", "LANG", "zh_CN.UTF-8")::get))
                .isNull();
        assertThat(CliArgs.userLanguage(Map.<String, String>of()::get)).isNull();
    }
}
