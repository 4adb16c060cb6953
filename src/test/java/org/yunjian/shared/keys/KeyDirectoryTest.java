package org.yunjian.shared.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** When the key directory may create a secret, and which directories it refuses. */
class KeyDirectoryTest {

    @TempDir
    Path tmp;

    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private KeyDirectory keys(Path dir, boolean firstSetUp, boolean createMissing, boolean demo) {
        return new KeyDirectory(dir, () -> firstSetUp, createMissing, demo);
    }

    @Test
    void createsMissingSecretsOnlyAtFirstSetUp() throws Exception {
        Path dir = tmp.resolve("keys");
        String secret = keys(dir, true, false, false).secret("a.key", () -> "abc");
        assertThat(secret).isEqualTo("abc");
        assertThat(keys(dir, false, false, false).secret("a.key", () -> "other"))
                .isEqualTo("abc");
        if (OwnerOnlyFiles.posix(tmp)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aMissingKeyFileOnAnInstallationWithDataIsAnErrorNamingIt() {
        Path dir = tmp.resolve("keys");
        keys(dir, true, false, false).secret("a.key", () -> "abc");
        assertThatThrownBy(() -> keys(dir, false, false, false).secret("b.key", () -> "new"))
                .isInstanceOf(KeyDirectory.MissingKeyException.class)
                .hasMessageContaining("The key file " + dir.resolve("b.key").toAbsolutePath() + " does not exist");
        assertThat(dir.resolve("b.key")).doesNotExist();
    }

    @Test
    void aMissingKeyDirectoryIsAnErrorNamingItAndIsNotCreated() {
        Path dir = tmp.resolve("gone");
        assertThatThrownBy(() -> keys(dir, false, false, false).secret("audit-hmac.key", () -> "new"))
                .isInstanceOf(KeyDirectory.MissingKeyException.class)
                .hasMessageContaining("The key directory " + dir.toAbsolutePath() + " does not exist")
                .hasMessageContaining("audit-hmac.key");
        assertThat(dir).doesNotExist();
    }

    @Test
    void theOperatorCanAskForMissingKeysExplicitly() {
        Path dir = tmp.resolve("keys");
        assertThat(keys(dir, false, true, false).secret("a.key", () -> "abc")).isEqualTo("abc");
    }

    @Test
    void theMessageIsInChineseForAChineseLocale() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThatThrownBy(() -> keys(tmp.resolve("gone"), false, false, false).secret("x.key", () -> "new"))
                .hasMessageContaining("密钥目录")
                .hasMessageContaining("不存在");
    }

    @Test
    void refusesAKeyDirectoryOpenToOthersButOnlyWarnsInDemoMode() throws Exception {
        assumeTrue(OwnerOnlyFiles.posix(tmp));
        Path dir = tmp.resolve("keys");
        keys(dir, true, false, false).secret("a.key", () -> "abc");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> keys(dir, false, false, false).secret("a.key", () -> "x"))
                .isInstanceOf(KeyDirectory.KeyDirectoryException.class)
                .hasMessageContaining("grants permissions to group or others")
                .hasMessageContaining("chmod 700");
        assertThat(keys(dir, false, false, true).secret("a.key", () -> "x")).isEqualTo("abc");
    }

    @Test
    void productionRefusesAKeyDirectoryInsideTheDataDirectory() {
        Path data = tmp.resolve("data");
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        KeyDirectoryConfig config = new KeyDirectoryConfig();
        assertThatThrownBy(() -> config.keyDirectory(
                        data.resolve("keys"), data, false, false, production, none.getBeanProvider(FirstSetUp.class)))
                .isInstanceOf(KeyDirectory.KeyDirectoryException.class)
                .hasMessageContaining("lies inside the data directory")
                .hasMessageContaining("YUNJIAN_KEY_DIR");
        assertThat(config.keyDirectory(
                                tmp.resolve("keys"),
                                data,
                                false,
                                false,
                                production,
                                none.getBeanProvider(FirstSetUp.class))
                        .path())
                .isEqualTo(tmp.resolve("keys"));
        // development and demo keep the default data/keys, with a warning
        assertThat(config.keyDirectory(
                                data.resolve("keys"),
                                data,
                                false,
                                true,
                                new MockEnvironment(),
                                none.getBeanProvider(FirstSetUp.class))
                        .path())
                .isEqualTo(data.resolve("keys"));
    }

    @Test
    void aKeyDirectoryReachedThroughASymbolicLinkIntoTheDataDirectoryIsInside() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.createDirectories(data.resolve("keys"));
        Path link = Files.createSymbolicLink(tmp.resolve("elsewhere"), data.resolve("keys"));
        assertThat(KeyDirectoryConfig.inside(link, data)).isTrue();
        assertThat(KeyDirectoryConfig.inside(tmp.resolve("keys"), data)).isFalse();
        assertThat(KeyDirectoryConfig.inside(tmp.resolve("data-keys"), data)).isFalse();
    }
}
