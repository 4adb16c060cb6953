package org.yunjian.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

/** What every {@link Signer}/{@link Verifier} pair must do; subclassed once per algorithm. */
abstract class SignatureContract {

    abstract KeyPair newKeyPair();

    private final byte[] message = "anchor 100 mac 00ff".getBytes(StandardCharsets.UTF_8);

    @Test
    void verifiesItsOwnSignature() {
        KeyPair kp = newKeyPair();
        byte[] sig = Signer.of(kp.getPrivate()).sign(message);
        assertThat(Verifier.of(kp.getPublic()).verify(message, sig)).isTrue();
    }

    @Test
    void rejectsSignatureOverMessageWithOneFlippedByte() {
        KeyPair kp = newKeyPair();
        byte[] sig = Signer.of(kp.getPrivate()).sign(message);
        for (int i = 0; i < message.length; i++) {
            byte[] tampered = message.clone();
            tampered[i] ^= 0x01;
            assertThat(Verifier.of(kp.getPublic()).verify(tampered, sig))
                    .as("byte %d", i)
                    .isFalse();
        }
    }

    @Test
    void rejectsSignatureWithOneFlippedByte() {
        KeyPair kp = newKeyPair();
        byte[] sig = Signer.of(kp.getPrivate()).sign(message);
        Verifier v = Verifier.of(kp.getPublic());
        for (int i = 0; i < sig.length; i++) {
            byte[] tampered = sig.clone();
            tampered[i] ^= 0x01;
            assertThat(v.verify(message, tampered)).as("byte %d", i).isFalse();
        }
        assertThat(v.verify(message, new byte[0])).isFalse();
        assertThat(v.verify(message, null)).isFalse();
    }

    @Test
    void rejectsSignatureFromAnotherKey() {
        byte[] sig = Signer.of(newKeyPair().getPrivate()).sign(message);
        assertThat(Verifier.of(newKeyPair().getPublic()).verify(message, sig)).isFalse();
    }

    @Test
    void keysSurvivePemRoundTrip() {
        KeyPair kp = newKeyPair();
        String priv = Pem.writePrivateKey(kp.getPrivate());
        String pub = Pem.writePublicKey(kp.getPublic());
        assertThat(priv).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(pub).startsWith("-----BEGIN PUBLIC KEY-----");
        byte[] sig = Signer.of(Pem.readPrivateKey(priv)).sign(message);
        assertThat(Verifier.of(Pem.readPublicKey(pub)).verify(message, sig)).isTrue();
        assertThat(Signer.of(kp.getPrivate()).algorithm())
                .isEqualTo(Verifier.of(Pem.readPublicKey(pub)).algorithm());
    }
}
