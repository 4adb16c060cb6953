package org.yunjian.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Random;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

/** The BouncyCastle-free SM2 verification of {@link Sm2PublicKey} agrees with BouncyCastle's {@code SM2Signer}. */
class Sm2VerificationTest {

    private static final X9ECParameters X9 = GMNamedCurves.getByName(Sm2.CURVE);

    @Test
    void curveConstantsAreThoseOfSm2p256v1() {
        assertThat(Sm2Verification.P).isEqualTo(X9.getCurve().getField().getCharacteristic());
        assertThat(Sm2Verification.A).isEqualTo(X9.getCurve().getA().toBigInteger());
        assertThat(Sm2Verification.B).isEqualTo(X9.getCurve().getB().toBigInteger());
        assertThat(Sm2Verification.N).isEqualTo(X9.getN());
        assertThat(Sm2Verification.GX).isEqualTo(X9.getG().getAffineXCoord().toBigInteger());
        assertThat(Sm2Verification.GY).isEqualTo(X9.getG().getAffineYCoord().toBigInteger());
    }

    @Test
    void verifiesTheSignatureExampleOfGmT0003Part5() throws Exception {
        String qx = "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020";
        String qy = "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
        Sm2PublicKey key = Sm2PublicKey.fromEncoded(spki(qx + qy));
        assertThat(key).isNotNull();
        byte[] sig = StandardDSAEncoding.INSTANCE.encode(
                X9.getN(),
                new BigInteger("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", 16),
                new BigInteger("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", 16));
        byte[] msg = "message digest".getBytes(StandardCharsets.US_ASCII);
        assertThat(Verifier.of(key).verify(msg, sig)).isTrue();
        msg[0] ^= 1;
        assertThat(Verifier.of(key).verify(msg, sig)).isFalse();
    }

    @Test
    void agreesWithBouncyCastleOnRandomKeysMessagesAndTamperedSignatures() {
        Random rnd = new Random(7);
        for (int i = 0; i < 40; i++) {
            KeyPair pair = Sm2.generateKeyPair();
            PublicKey bc = pair.getPublic();
            Sm2PublicKey light = Sm2PublicKey.readPem(Pem.writePublicKey(bc));
            assertThat(light).isNotNull();
            assertThat(light.getEncoded()).isEqualTo(bc.getEncoded());
            assertThat(Sm2.isSm2Key(light)).isTrue();
            byte[] msg = new byte[rnd.nextInt(100)];
            rnd.nextBytes(msg);
            byte[] sig = Signer.of(pair.getPrivate()).sign(msg);
            assertThat(Verifier.of(light).verify(msg, sig)).isTrue();
            byte[] bad = sig.clone();
            bad[rnd.nextInt(bad.length)] ^= (byte) (1 << rnd.nextInt(8));
            assertThat(Verifier.of(light).verify(msg, bad))
                    .as("tampered signature %d", i)
                    .isEqualTo(Verifier.of(bc).verify(msg, bad))
                    .isFalse();
            byte[] other = msg.clone();
            if (other.length > 0) {
                other[0] ^= 1;
                assertThat(Verifier.of(light).verify(other, sig)).isFalse();
            }
            assertThat(Verifier.of(light, "someone else").verify(msg, sig)).isFalse();
            byte[] trailing = java.util.Arrays.copyOf(sig, sig.length + 1);
            assertThat(Verifier.of(light).verify(msg, trailing)).isFalse();
        }
    }

    @Test
    void malformedKeysAndSignaturesAreRefusedQuietly() {
        KeyPair pair = Sm2.generateKeyPair();
        byte[] der = pair.getPublic().getEncoded();
        byte[] offCurve = der.clone();
        offCurve[offCurve.length - 1] ^= 1;
        assertThat(Sm2PublicKey.fromEncoded(offCurve))
                .as("point not on the curve")
                .isNull();
        assertThat(Sm2PublicKey.readPem("garbage")).isNull();
        assertThat(Sm2PublicKey.readPem(Pem.writePrivateKey(pair.getPrivate()))).isNull();
        Sm2PublicKey key = Sm2PublicKey.fromEncoded(der);
        assertThat(Verifier.of(key).verify(new byte[1], null)).isFalse();
        assertThat(Verifier.of(key).verify(new byte[1], new byte[0])).isFalse();
        assertThat(Verifier.of(key).verify(new byte[1], new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01}))
                .as("r = 0")
                .isFalse();
        assertThat(Verifier.of(key)
                        .verify(new byte[1], new byte[] {0x30, 0x06, 0x02, 0x01, (byte) 0x81, 0x02, 0x01, 0x01}))
                .as("negative r")
                .isFalse();
        assertThat(Verifier.of(key)
                        .verify(new byte[1], new byte[] {0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01}))
                .as("non-minimal r")
                .isFalse();
    }

    private static byte[] spki(String xy) {
        return Hex.decode("3059301306072a8648ce3d020106082a811ccf5501822d03420004" + xy.toLowerCase());
    }
}
