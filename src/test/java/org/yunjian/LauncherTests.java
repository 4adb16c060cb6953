package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTests {

    @Test
    void springStyleOptionsStartTheServer() {
        assertThat(Application.isServerOption("--spring.profiles.active=demo")).isTrue();
        assertThat(Application.isServerOption("--server.port=9090")).isTrue();
    }

    @Test
    void helpVersionAndSubcommandsGoToTheCli() {
        assertThat(Application.isServerOption("--help")).isFalse();
        assertThat(Application.isServerOption("--version")).isFalse();
        assertThat(Application.isServerOption("audit")).isFalse();
    }

    /** Issue 56: {@code yunjian --server URL monitors list} started a server in the working directory. */
    @Test
    void globalOptionsBeforeTheCommandGoBehindItAndStartNoServer() {
        assertThat(org.yunjian.cli.CliArgs.globalsLast("--server", "https://y.example.cn", "monitors", "list"))
                .containsExactly("monitors", "list", "--server", "https://y.example.cn");
        assertThat(org.yunjian.cli.CliArgs.globalsLast("--lang", "en", "--server=https://y", "audit", "verify"))
                .containsExactly("audit", "verify", "--lang", "en", "--server=https://y");
        assertThat(org.yunjian.cli.CliArgs.globalsLast("audit", "--server", "u"))
                .containsExactly("audit", "--server", "u");
        assertThat(Application.isServerOption("--server")).isFalse();
        assertThat(Application.isServerOption("--server=https://y")).isFalse();
        assertThat(Application.isServerOption("--lang=en")).isFalse();
        assertThat(Application.isServerOption("--server.port=9090")).isTrue();
        assertThat(Application.startsServer()).isTrue();
        assertThat(Application.startsServer("serve", "--server.port=0")).isTrue();
        assertThat(Application.startsServer("--server.port=0", "--spring.profiles.active=demo"))
                .isTrue();
        assertThat(Application.startsServer("--server.port=0", "catalog", "list"))
                .isFalse();
        assertThat(Application.startsServer("monitors", "list", "--server", "https://y"))
                .isFalse();
        assertThat(Application.startsServer("--server", "https://y")).isFalse();
        assertThat(Application.startsServer("--lang=en")).isFalse();
    }
}
