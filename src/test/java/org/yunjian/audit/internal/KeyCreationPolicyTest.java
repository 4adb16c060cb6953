package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yunjian.audit.internal.AuditTestSupport.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.keys.KeyDirectory;

/**
 * Keys are created only at first set-up (an empty audit log): once the installation holds data, a missing
 * key directory — as for {@code yunjian audit verify} started with the wrong or a lost {@code keys/} — is an
 * error naming it instead of new keys that make the log read as modified.
 */
@org.yunjian.support.CommonContext
@Tag("database")
@org.yunjian.support.OnePass
class KeyCreationPolicyTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    HeadWitness witness;

    @Autowired
    KeyDirectory platformKeys;

    JdbcClient jdbc;

    @TempDir
    Path tmp;

    private Locale before;

    @Autowired
    void tamperer(Environment env, JdbcClient app) {
        this.jdbc = AuditTestSupport.tamperer(env, app);
    }

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        AuditTestSupport.emptyLog(jdbc, witness);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
        AuditTestSupport.emptyLog(jdbc, witness);
    }

    private AuditKeys keysIn(Path dir) {
        AuditProperties properties = new AuditProperties(dir, 100, Duration.ofMinutes(10), null);
        return new AuditKeys(properties, platformKeys.at(dir));
    }

    @Test
    void aMissingKeyDirectoryOnAnInstallationWithEntriesIsAnErrorNamingIt() {
        publish(events, 3);
        Path lost = tmp.resolve("keys");
        assertThatThrownBy(() -> keysIn(lost))
                .isInstanceOf(KeyDirectory.MissingKeyException.class)
                .hasMessageContaining("The key directory " + lost.toAbsolutePath() + " does not exist")
                .hasMessageContaining(AuditKeys.HMAC_FILE);
        assertThat(lost).doesNotExist();
    }

    @Test
    void aBrandNewInstallationCreatesItsKeys() {
        Path fresh = tmp.resolve("keys");
        AuditKeys keys = keysIn(fresh);
        assertThat(fresh.resolve(AuditKeys.HMAC_FILE)).exists();
        assertThat(fresh.resolve(AuditKeys.PRIVATE_FILE)).exists();
        assertThat(keys.signer()).isNotNull();
    }

    @Test
    void theSharedKeyDirectoryNoLongerCreatesKeysOnceEntriesExist() {
        publish(events, 1);
        assertThat(platformKeys.creationAllowed()).isFalse();
        // what VaultKeys, PlatformSigningKeyFile and every other secret go through
        assertThatThrownBy(() -> platformKeys.at(tmp.resolve("x")).secret("evidence-master.key", () -> "00"))
                .isInstanceOf(KeyDirectory.MissingKeyException.class)
                .hasMessageContaining("evidence-master.key");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    }
}
