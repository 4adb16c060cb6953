package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.yunjian.security.internal.DemoModeGuard;

class DemoModeGuardTest {

    @Test
    void refusesDemoModeWithThePostgresProfile() {
        MockEnvironment env = new MockEnvironment().withProperty("yunjian.demo", "true");
        env.setActiveProfiles("postgres");
        assertThatThrownBy(() -> DemoModeGuard.check(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo mode")
                .hasMessageContaining("postgres");
    }

    @Test
    void allowsDemoOnH2AndPostgresWithoutDemo() {
        assertThatCode(() -> DemoModeGuard.check(new MockEnvironment().withProperty("yunjian.demo", "true")))
                .doesNotThrowAnyException();
        MockEnvironment production = new MockEnvironment().withProperty("yunjian.demo", "false");
        production.setActiveProfiles("postgres");
        assertThatCode(() -> DemoModeGuard.check(production)).doesNotThrowAnyException();
    }
}
