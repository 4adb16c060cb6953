package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.crypto.Pem;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Verifier;

@org.junit.jupiter.api.extension.ExtendWith(org.yunjian.exit.InEnglish.class)
class KeysTest {

    @TempDir
    Path tmp;

    @Test
    void encryptedPrivateKeyRoundTripsAndSignsForItsPublicKey() throws Exception {
        KeyPair pair = Keys.generate();
        Path[] files = Keys.write(tmp, "signer", pair, "correct horse".toCharArray());
        String pem = Files.readString(files[0]);
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(files[0])).hasSize(2);
        var priv = Keys.readPrivateKey(files[0], "correct horse".toCharArray());
        var pub = Keys.readPublicKey(files[1]);
        assertThat(Keys.publicKeyOf(priv).getEncoded()).isEqualTo(pub.getEncoded());
        byte[] sig = Signer.of(priv).sign("m".getBytes());
        assertThat(Verifier.of(pub).verify("m".getBytes(), sig)).isTrue();
    }

    @Test
    void wrongPassphraseAndNonSm2KeysAreRefusedByName() throws Exception {
        Path[] files = Keys.write(tmp, "signer", Keys.generate(), "correct horse".toCharArray());
        assertThatThrownBy(() -> Keys.readPrivateKey(files[0], "wrong horse".toCharArray()))
                .hasMessageContaining("wrong passphrase");
        assertThatThrownBy(() -> Keys.readPrivateKey(files[0], null)).hasMessageContaining("no passphrase");
        var ec = java.security.KeyPairGenerator.getInstance("EC");
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair p256 = ec.generateKeyPair();
        assertThatThrownBy(() -> Keys.readPrivateKey(Pem.writePrivateKey(p256.getPrivate()), null))
                .hasMessageContaining("not an SM2");
        assertThatThrownBy(() -> Keys.readPublicKey(Pem.writePublicKey(p256.getPublic())))
                .hasMessageContaining("not an SM2");
        assertThatThrownBy(() -> Keys.write(tmp, "signer", Keys.generate(), "correct horse".toCharArray()))
                .hasMessageContaining("refusing to overwrite");
        assertThatThrownBy(() -> Keys.write(tmp, "../evil", Keys.generate(), "correct horse".toCharArray()))
                .hasMessageContaining("key name");
    }

    @Test
    void importsUnencryptedPemViaTheCommandLineAndShowsFingerprint() throws Exception {
        ExitFixture fx = new ExitFixture(tmp);
        assertThat(fx.cli("keys", "show", fx.pub.toString())).isZero();
        assertThat(fx.out).contains("fingerprint sm3:" + Keys.fingerprint(fx.pair.getPublic()));
        // no passphrase variable in the test environment and no terminal: a one-line error, status 2
        assertThat(fx.cli(
                        "keys",
                        "create",
                        "--out",
                        tmp.resolve("k").toString(),
                        "--passphrase-env",
                        "YUNJIAN_TEST_UNSET"))
                .isEqualTo(2);
        assertThat(fx.err.strip())
                .isEqualTo(
                        "yunjian keys create: error: no passphrase: set YUNJIAN_TEST_UNSET or run on a terminal to be prompted");
    }
}
