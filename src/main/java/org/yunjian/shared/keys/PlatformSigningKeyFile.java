package org.yunjian.shared.keys;

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
import org.yunjian.crypto.Sm3;

/**
 * The platform's SM2 key pair that signs deletion certificates, kept outside the database like the audit anchor
 * key: {@code exitproject-signing.pem} (PKCS#8, owner-only) and {@code exitproject-signing.pub.pem} in
 * {@code yunjian.exit-project.key-dir}, created at first set-up. The public key is published for offline checks.
 * It is the platform's {@link PlatformSigningKey}: it also seals approved reports and monitoring evidence.
 */
final class PlatformSigningKeyFile implements PlatformSigningKey {

    static final String PRIVATE_FILE = "exitproject-signing.pem";
    static final String PUBLIC_FILE = "exitproject-signing.pub.pem";

    private static final Logger log = LoggerFactory.getLogger(PlatformSigningKeyFile.class);

    private final KeyPair pair;
    private final String publicKeyPem;

    PlatformSigningKeyFile(Path dir) {
        this(new KeyDirectory(dir));
    }

    /** Created only at first set-up ({@link KeyDirectory}); else a missing private key is an error naming it. */
    PlatformSigningKeyFile(KeyDirectory keys) {
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
            this.pair = new KeyPair(Sm2.publicKeyOf(privateKey), privateKey);
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
        return Sm3.hex(pair.getPublic().getEncoded());
    }
}
