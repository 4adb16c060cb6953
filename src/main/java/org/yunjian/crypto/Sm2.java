package org.yunjian.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/** SM2 (GB/T 32918) on the recommended curve {@code sm2p256v1}: key generation and signature factories. */
public final class Sm2 {

    /** The default distinguishing identifier of GB/T 35276 / GM/T 0009: ASCII {@code 1234567812345678}. */
    public static final String DEFAULT_USER_ID = "1234567812345678";
    /** Curve name as in GM/T 0006 and BouncyCastle. */
    public static final String CURVE = "sm2p256v1";

    public static final String ALGORITHM = "SM3withSM2";

    private static final X9ECParameters X9 = GMNamedCurves.getByName(CURVE);
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(X9);

    private Sm2() {}

    /** A new key pair on {@code sm2p256v1} (JCA keys, encodable with {@link Pem}). */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", SharedProvider.provider());
            g.initialize(new ECGenParameterSpec(CURVE), SharedProvider.random());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key generation unavailable", e);
        }
    }

    /** The public key of an SM2 private key (the curve's generator times its scalar). */
    public static PublicKey publicKeyOf(PrivateKey key) {
        try {
            var ec = (org.bouncycastle.jce.interfaces.ECPrivateKey)
                    java.security.KeyFactory.getInstance("EC", SharedProvider.provider())
                            .translateKey(key);
            var spec = new org.bouncycastle.jce.spec.ECPublicKeySpec(
                    ec.getParameters().getG().multiply(ec.getD()).normalize(), ec.getParameters());
            return java.security.KeyFactory.getInstance("EC", SharedProvider.provider())
                    .generatePublic(spec);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new UnsupportedKeyException(String.valueOf(e.getMessage()));
        }
    }

    /** Whether {@code key} is an EC key on {@code sm2p256v1}. */
    public static boolean isSm2Key(java.security.Key key) {
        if (key instanceof Sm2PublicKey) {
            return true;
        }
        try {
            return onSm2Curve(parameters(key));
        } catch (UnsupportedKeyException e) {
            return false;
        }
    }

    static Signer signer(PrivateKey key, String userId) {
        ECPrivateKeyParameters params = (ECPrivateKeyParameters) requireSm2(key);
        byte[] id = userId.getBytes(StandardCharsets.UTF_8);
        return new Signer() {
            @Override
            public String algorithm() {
                return ALGORITHM;
            }

            @Override
            public byte[] sign(byte[] data) {
                SM2Signer s = new SM2Signer();
                s.init(true, new ParametersWithID(new ParametersWithRandom(params, SharedProvider.random()), id));
                s.update(data, 0, data.length);
                try {
                    return s.generateSignature();
                } catch (CryptoException e) {
                    throw new IllegalStateException("SM2 signing failed", e);
                }
            }
        };
    }

    static Verifier verifier(PublicKey key, String userId) {
        if (key instanceof Sm2PublicKey) {
            return Verifier.of(key, userId);
        }
        ECPublicKeyParameters params = (ECPublicKeyParameters) requireSm2(key);
        byte[] id = userId.getBytes(StandardCharsets.UTF_8);
        return new Verifier() {
            @Override
            public String algorithm() {
                return ALGORITHM;
            }

            @Override
            public boolean verify(byte[] data, byte[] signature) {
                if (signature == null) {
                    return false;
                }
                SM2Signer s = new SM2Signer();
                s.init(false, new ParametersWithID(params, id));
                s.update(data, 0, data.length);
                try {
                    return s.verifySignature(signature);
                } catch (RuntimeException e) {
                    return false;
                }
            }
        };
    }

    private static ECKeyParameters requireSm2(java.security.Key key) {
        ECKeyParameters p = parameters(key);
        if (!onSm2Curve(p)) {
            throw new UnsupportedKeyException("EC key is not on " + CURVE);
        }
        return p;
    }

    private static ECKeyParameters parameters(java.security.Key key) {
        try {
            if (key instanceof PrivateKey priv && "EC".equals(key.getAlgorithm())) {
                return (ECKeyParameters) ECUtil.generatePrivateKeyParameter(priv);
            }
            if (key instanceof PublicKey pub && "EC".equals(key.getAlgorithm())) {
                return (ECKeyParameters) ECUtil.generatePublicKeyParameter(pub);
            }
        } catch (InvalidKeyException e) {
            throw new UnsupportedKeyException("unreadable EC key: " + e.getMessage());
        }
        throw new UnsupportedKeyException("unsupported key algorithm: " + (key == null ? null : key.getAlgorithm()));
    }

    private static boolean onSm2Curve(ECKeyParameters p) {
        ECDomainParameters d = p.getParameters();
        return d.getCurve().equals(DOMAIN.getCurve())
                && d.getG().equals(DOMAIN.getG())
                && d.getN().equals(DOMAIN.getN());
    }
}
