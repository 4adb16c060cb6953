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
}
