package org.yunjian.exitproject.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yunjian.crypto.Pem;
import org.yunjian.crypto.Sm2;
import org.yunjian.exit.Keys;
import org.yunjian.shared.keys.KeyDirectory;

/**
 * The platform's SM2 key pair that signs deletion certificates, kept outside the database like the audit anchor
 * key: {@code exitproject-signing.pem} (PKCS#8, owner-only) and {@code exitproject-signing.pub.pem} in
 * {@code yunjian.exit-project.key-dir}, created at first set-up. The public key is published for offline checks.
 * It is also the platform's {@link org.yunjian.exitproject.PlatformSigningKey} that seals approved reports.
 */
public final class CertificateKeys implements org.yunjian.exitproject.PlatformSigningKey {

    static final String PRIVATE_FILE = "exitproject-signing.pem";
    static final String PUBLIC_FILE = "exitproject-signing.pub.pem";

    private static final Logger log = LoggerFactory.getLogger(CertificateKeys.class);

    private final KeyPair pair;
    private final String publicKeyPem;

    CertificateKeys(Path dir) {
        this(new KeyDirectory(dir));
    }

    /** Created only at first set-up ({@link KeyDirectory}); else a missing private key is an error naming it. */
    CertificateKeys(KeyDirectory keys) {
        try {
            Path priv = keys.resolve(PRIVATE_FILE);
            Path pub = keys.resolve(PUBLIC_FILE);
            if (!Files.exists(priv)) {
                KeyPair fresh = Sm2.generateKeyPair();
                if (keys.createIfAbsent(priv, () -> Pem.writePrivateKey(fresh.getPrivate()))) {
                    Files.writeString(pub, Pem.writePublicKey(fresh.getPublic()), StandardCharsets.UTF_8);
                    log.info("Created the deletion-certificate signing key pair {} / {}", priv, pub);
                }
            }
            keys.require(priv);
            var privateKey = Pem.readPrivateKey(Files.readString(priv, StandardCharsets.UTF_8));
            this.pair = new KeyPair(Keys.publicKeyOf(privateKey), privateKey);
            this.publicKeyPem = Pem.writePublicKey(pair.getPublic());
            if (!Files.exists(pub)) {
                Files.writeString(pub, publicKeyPem, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.valueOf(keys.path()), e);
        }
    }

    @Override
    public KeyPair pair() {
        return pair;
    }

    @Override
    public String publicKeyPem() {
        return publicKeyPem;
    }

    /** SM3 over the public key's SubjectPublicKeyInfo, hex — the {@code signer} in certificates. */
    @Override
    public String fingerprint() {
        return Keys.fingerprint(pair.getPublic());
    }
}
