package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The cost of stored password hashes: production's defaults, the floor below which the application refuses to start,
 * and hashes made under one setting verifying under another (each hash names its own cost).
 */
class PasswordHashingTests {

    @Test
    void defaultsAreArgon2idWithSixteenMebibytesAndTwoPasses() {
        String hash = PasswordHashing.defaults().encoder().encode("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
    }

    @Test
    void hashesVerifyUnderOtherSettingsBecauseEachNamesItsOwnCost() {
        String cheap =
                new PasswordHashing(PasswordHashing.MIN_MEMORY_KIB, 1).encoder().encode("口令-Secret-1");
        assertThat(cheap).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(PasswordHashing.defaults().encoder().matches("口令-Secret-1", cheap))
                .isTrue();
        assertThat(PasswordHashing.defaults().encoder().matches("口令-Secret-2", cheap))
                .isFalse();
    }

    @Test
    void settingsBelowTheFloorStopTheStartWithBothLanguages() {
        assertThatThrownBy(() -> new PasswordHashing(512, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("yunjian.security.password-hash")
                .hasMessageContaining("512 KiB")
                .hasMessageContaining("1024 KiB")
                .hasMessageContaining("拒绝启动");
        assertThatThrownBy(() -> new PasswordHashing(16384, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0 passes");
    }
}
