package org.yunjian.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.junit.jupiter.api.Test;

class Sm2SignatureTest extends SignatureContract {

    @Override
    KeyPair newKeyPair() {
        return Sm2.generateKeyPair();
    }

    /*
     * GM/T 0003.5-2012 (= GB/T 32918.5-2017) Appendix A, signature example on the recommended curve
     * sm2p256v1: message "message digest", user ID 1234567812345678, private key
     * 3945208F…4DF7C5B8, random k 59276E27…EAC1BC21. The same numbers appear in e.g. GmSSL's and
     * Arm CryptoCell's SM2 self-tests.
     */
    private static final String QX = "09F9DF31 1E5421A1 50DD7D16 1E4BC5C6 72179FAD 1833FC07 6BB08FF3 56F35020";
    private static final String QY = "CCEA490C E26775A5 2DC6EA71 8CC1AA60 0AED05FB F35E084A 6632F607 2DA9AD13";
    private static final String R = "F5A03B06 48D2C463 0EEAC513 E1BB81A1 5944DA38 27D5B741 43AC7EAC EEE720B3";
    private static final String S = "B1B6AA29 DF212FD8 763182BC 0D421CA1 BB9038FD 1F7F42D4 840B69C4 85BBC1AA";
    private static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);

    @Test
    void verifiesTheSignatureExampleOfGmT0003Part5() throws Exception {
        assertThat(Verifier.of(standardPublicKey()).verify(MESSAGE, derSignature(R, S)))
                .isTrue();
    }

    @Test
    void rejectsTheStandardExampleWithFlippedMessageOrSignature() throws Exception {
        PublicKey key = standardPublicKey();
        byte[] msg = MESSAGE.clone();
        msg[0] ^= 1;
        assertThat(Verifier.of(key).verify(msg, derSignature(R, S))).isFalse();
        String flippedS = "B1B6AA29 DF212FD8 763182BC 0D421CA1 BB9038FD 1F7F42D4 840B69C4 85BBC1AB";
        assertThat(Verifier.of(key).verify(MESSAGE, derSignature(R, flippedS))).isFalse();
        assertThat(Verifier.of(key, "another user").verify(MESSAGE, derSignature(R, S)))
                .isFalse();
    }

    @Test
    void rejectsKeysOnOtherCurves() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", SharedProvider.provider());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = g.generateKeyPair();
        assertThatThrownBy(() -> Signer.of(p256.getPrivate())).isInstanceOf(UnsupportedKeyException.class);
        assertThatThrownBy(() -> Verifier.of(p256.getPublic())).isInstanceOf(UnsupportedKeyException.class);
        assertThat(Sm2.isSm2Key(p256.getPublic())).isFalse();
        assertThat(Sm2.isSm2Key(Sm2.generateKeyPair().getPublic())).isTrue();
    }

    @Test
    void rejectsPemOfTheWrongType() {
        String pub = Pem.writePublicKey(Sm2.generateKeyPair().getPublic());
        assertThatThrownBy(() -> Pem.readPrivateKey(pub)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.readPublicKey("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    private static PublicKey standardPublicKey() throws Exception {
        ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec(Sm2.CURVE);
        byte[] point = Hex.decode("04" + QX + QY);
        return KeyFactory.getInstance("EC", SharedProvider.provider())
                .generatePublic(new ECPublicKeySpec(spec.getCurve().decodePoint(point), spec));
    }

    private static byte[] derSignature(String r, String s) throws Exception {
        BigInteger n = ECNamedCurveTable.getParameterSpec(Sm2.CURVE).getN();
        return StandardDSAEncoding.INSTANCE.encode(
                n, new BigInteger(1, Hex.decode(r)), new BigInteger(1, Hex.decode(s)));
    }
}
