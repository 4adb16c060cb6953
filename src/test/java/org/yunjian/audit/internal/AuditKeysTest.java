package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.shared.keys.OwnerOnlyFiles;

class AuditKeysTest {

    @TempDir
    Path tmp;

    private AuditKeys keys(Path dir, String hmacKey) {
        return new AuditKeys(new AuditProperties(dir, 100, Duration.ofMinutes(10), hmacKey));
    }

    @Test
    void createsOwnerOnlyKeysOnFirstStartAndReusesThem() throws Exception {
        Path dir = tmp.resolve("keys");
        AuditKeys first = keys(dir, "");
        AuditKeys second = keys(dir, null);
        byte[] data = "x".getBytes();
        assertThat(second.hmac().mac(data)).isEqualTo(first.hmac().mac(data));
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.verifier().verify(data, first.signer().sign(data))).isTrue();
        if (OwnerOnlyFiles.posix(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
            for (String f : new String[] {AuditKeys.HMAC_FILE, AuditKeys.PRIVATE_FILE, AuditKeys.PUBLIC_FILE}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
                        .as(f)
                        .isEqualTo("rw-------");
            }
        }
        assertThat(Files.readString(dir.resolve(AuditKeys.PRIVATE_FILE))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void takesTheHmacKeyFromTheEnvironmentInsteadOfAFile() {
        String hex = "11".repeat(32);
        AuditKeys k = keys(tmp.resolve("env"), hex);
        assertThat(tmp.resolve("env").resolve(AuditKeys.HMAC_FILE)).doesNotExist();
        byte[] data = "entry".getBytes();
        assertThat(k.hmac().mac(data))
                .isEqualTo(HmacSm3.withKey(Hex.decode(hex)).mac(data));
    }

    @Test
    void verifiesWithThePublicKeyAloneButSigningNamesTheMissingPrivateKey() throws Exception {
        Path dir = tmp.resolve("auditor");
        AuditKeys server = keys(dir, null);
        byte[] data = "anchor".getBytes();
        byte[] signature = server.signer().sign(data);
        Files.delete(dir.resolve(AuditKeys.PRIVATE_FILE)); // the private key stays on the signing host
        AuditKeys auditor = new AuditKeys(
                new AuditProperties(dir, 100, Duration.ofMinutes(10), null),
                new org.yunjian.shared.keys.KeyDirectory(dir, () -> false, false, false));
        assertThat(auditor.verifier().verify(data, signature)).isTrue();
        assertThat(auditor.keyId()).isEqualTo(server.keyId());
        assertThatThrownBy(auditor::signer)
                .isInstanceOf(org.yunjian.shared.keys.KeyDirectory.MissingKeyException.class)
                .hasMessageContaining(AuditKeys.PRIVATE_FILE);
        assertThat(dir.resolve(AuditKeys.PRIVATE_FILE)).doesNotExist();
    }

    @Test
    void rejectsShortHmacKeysInTheLanguageOfTheMachine() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThatThrownBy(() -> keys(tmp.resolve("short"), "abcd"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("YUNJIAN_AUDIT_HMAC_KEY must hold at least 32 bytes (64 hex digits)");
            Path dir = tmp.resolve("short-file");
            OwnerOnlyFiles.ensureDirectory(dir);
            OwnerOnlyFiles.createIfAbsent(dir.resolve(AuditKeys.HMAC_FILE), "abcd\n");
            assertThatThrownBy(() -> keys(dir, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The audit HMAC key in "
                            + dir.resolve(AuditKeys.HMAC_FILE).toAbsolutePath() + " is shorter than 32 bytes");
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThatThrownBy(() -> keys(tmp.resolve("short"), "abcd"))
                    .hasMessage("YUNJIAN_AUDIT_HMAC_KEY 至少须有 32 字节（64 个十六进制数字）");
            assertThatThrownBy(() -> keys(dir, null))
                    .hasMessage(
                            "审计 HMAC 密钥文件 " + dir.resolve(AuditKeys.HMAC_FILE).toAbsolutePath() + " 中的密钥短于 32 字节");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void witnessCarriesAMacAnOldFormatOneIsReadAndReportedAndAForgedOneIsNotBuiltOn() throws Exception {
        AuditProperties props = new AuditProperties(tmp, 100, Duration.ofMinutes(10), null);
        HeadWitness w = new HeadWitness(props, new AuditKeys(props));
        java.nio.file.Path file = tmp.resolve(HeadWitness.FILE);
        // written by an earlier version: read as before, marked as without a MAC
        java.nio.file.Files.writeString(file, "5 " + "a".repeat(64) + "\npending 7\n");
        assertThat(w.state()).get().satisfies(s -> {
            assertThat(s.trust()).isEqualTo(HeadWitness.Trust.LEGACY);
            assertThat(s.confirmed()).isEqualTo(new HeadWitness.Head(5, "a".repeat(64)));
            assertThat(s.pending()).hasValue(7);
        });
        // the next commit rewrites it with a MAC and records that it started again there
        w.pending(6);
        w.advance(new HeadWitness.Head(6, "b".repeat(64)));
        assertThat(java.nio.file.Files.readString(file)).containsPattern("(?m)^hmac-sm3 [0-9a-f]{64}$");
        assertThat(w.state()).get().satisfies(s -> {
            assertThat(s.trust()).isEqualTo(HeadWitness.Trust.AUTHENTIC);
            assertThat(s.restarted()).isEqualTo(new HeadWitness.Restart(6, "legacy"));
        });
        w.anchored(6);
        assertThat(w.state().orElseThrow().anchor()).isEqualTo(6);
        // rewound without the key: the MAC no longer verifies, and a commit does not take the rewound entry over
        java.nio.file.Files.writeString(
                file, java.nio.file.Files.readString(file).replaceFirst("^6 b+", "3 " + "c".repeat(64)));
        assertThat(w.state().orElseThrow().trust()).isEqualTo(HeadWitness.Trust.FORGED);
        w.advance(new HeadWitness.Head(7, "d".repeat(64)));
        assertThat(w.state()).get().satisfies(s -> {
            assertThat(s.trust()).isEqualTo(HeadWitness.Trust.AUTHENTIC);
            assertThat(s.confirmed().seq()).isEqualTo(7);
            assertThat(s.restarted()).isEqualTo(new HeadWitness.Restart(7, "forged"));
        });
    }

    @Test
    void witnessOnlyMovesForward() {
        AuditProperties props = new AuditProperties(tmp, 100, Duration.ofMinutes(10), null);
        HeadWitness w = new HeadWitness(props, new AuditKeys(props));
        assertThat(w.read()).isEmpty();
        w.advance(new HeadWitness.Head(5, "a".repeat(64)));
        w.advance(new HeadWitness.Head(4, "b".repeat(64)));
        assertThat(w.read()).contains(new HeadWitness.Head(5, "a".repeat(64)));
        w.advance(new HeadWitness.Head(6, "c".repeat(64)));
        assertThat(w.read()).contains(new HeadWitness.Head(6, "c".repeat(64)));
    }
}
