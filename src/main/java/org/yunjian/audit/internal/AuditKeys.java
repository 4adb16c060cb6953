package org.yunjian.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.crypto.Pem;
import org.yunjian.crypto.SharedProvider;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Sm3;
import org.yunjian.crypto.Verifier;
import org.yunjian.shared.keys.InstallationSeal;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.OwnerOnlyFiles;

/**
 * Key custody for the audit log. The keys never enter the database: the 32-byte HMAC key comes from
 * {@code YUNJIAN_AUDIT_HMAC_KEY} (hex) or the owner-only file {@code audit-hmac.key}; the SM2 anchor key
 * pair lives in {@code audit-anchor.pem} (PKCS#8) with {@code audit-anchor.pub.pem} beside it. Missing
 * files are created only at first set-up ({@link KeyDirectory}); otherwise a missing file is an error
 * naming it. Verifying needs only the public key: without the private key, signing anchors fails (naming
 * the file) but verification works. The same keys seal the backup manifests ({@link InstallationSeal}).
 */
@Component
public class AuditKeys implements InstallationSeal {

    static final String HMAC_FILE = "audit-hmac.key";
    static final String PRIVATE_FILE = "audit-anchor.pem";
    static final String PUBLIC_FILE = "audit-anchor.pub.pem";

    private final KeyDirectory directory;
    private final HmacSm3 hmac;
    private final Signer signer;
    private final Verifier verifier;
    private final PublicKey publicKey;
    private final String keyId;
    private final String publicKeyPem;

    /** A directory of its own whose missing keys are created (tests). */
    AuditKeys(AuditProperties properties) {
        this(properties, new KeyDirectory(properties.keyDir()));
    }

    @Autowired
    AuditKeys(AuditProperties properties, KeyDirectory platformKeys) {
        this.directory = platformKeys.at(properties.keyDir());
        Path dir = directory.path();
        try {
            this.hmac = HmacSm3.withKey(hmacKey(properties.hmacKey()));
            KeyPair pair = anchorKeys(dir);
            this.signer = pair.getPrivate() == null ? null : Signer.of(pair.getPrivate());
            this.publicKey = pair.getPublic();
            this.verifier = Verifier.of(publicKey);
            this.publicKeyPem = Pem.writePublicKey(publicKey);
            this.keyId = keyIdOf(publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(KeyDirectory.text("audit.keys.error.io", dir.toAbsolutePath()), e);
        }
    }

    public HmacSm3 hmac() {
        return hmac;
    }

    /** The anchor signing key; fails naming the private key file where it is not on this host. */
    public Signer signer() {
        if (signer == null) {
            directory.require(directory.resolve(PRIVATE_FILE));
        }
        return signer;
    }

    @Override
    public byte[] sign(byte[] data) {
        return signer().sign(data);
    }

    @Override
    public byte[] mac(byte[] data) {
        return hmac.mac(data);
    }

    public Verifier verifier() {
        return verifier;
    }

    /** First 16 hex digits of SM3 over the public key's SubjectPublicKeyInfo. */
    public String keyId() {
        return keyId;
    }

    static String keyIdOf(PublicKey key) {
        return Sm3.hex(key.getEncoded()).substring(0, 16);
    }

    public String publicKeyPem() {
        return publicKeyPem;
    }

    private byte[] hmacKey(String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            byte[] key = Hex.decode(fromEnvironment.trim());
            if (key.length < 32) {
                throw new IllegalStateException(KeyDirectory.text("audit.keys.error.environmentKeyTooShort"));
            }
            return key;
        }
        String hex = directory.secret(HMAC_FILE, () -> Hex.encode(SharedProvider.randomBytes(32)));
        byte[] key = Hex.decode(hex);
        if (key.length < 32) {
            throw new IllegalStateException(KeyDirectory.text(
                    "audit.keys.error.fileKeyTooShort",
                    directory.resolve(HMAC_FILE).toAbsolutePath()));
        }
        return key;
    }

    /** The pair; the private key is {@code null} where only the public key is present (a verifying host). */
    private KeyPair anchorKeys(Path dir) throws IOException {
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        if (!Files.exists(priv) && !Files.exists(pub)) {
            KeyPair pair = Sm2.generateKeyPair();
            if (directory.createIfAbsent(priv, () -> Pem.writePrivateKey(pair.getPrivate()))) {
                OwnerOnlyFiles.writeAtomically(pub, Pem.writePublicKey(pair.getPublic()));
                return pair;
            }
        }
        directory.require(pub);
        PublicKey publicKey = Pem.readPublicKey(Files.readString(pub, StandardCharsets.UTF_8));
        PrivateKey privateKey =
                Files.exists(priv) ? Pem.readPrivateKey(Files.readString(priv, StandardCharsets.UTF_8)) : null;
        return new KeyPair(publicKey, privateKey);
    }
}
