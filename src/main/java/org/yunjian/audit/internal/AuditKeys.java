package org.yunjian.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.Pem;
import org.yunjian.crypto.SharedProvider;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Sm3;
import org.yunjian.crypto.Verifier;
import org.yunjian.shared.OwnerOnlyFiles;

/**
 * Key custody for the audit log. The keys never enter the database: the 32-byte HMAC key comes from
 * {@code YUNJIAN_AUDIT_HMAC_KEY} (hex) or the owner-only file {@code audit-hmac.key}; the SM2 anchor key
 * pair lives in {@code audit-anchor.pem} (PKCS#8) with {@code audit-anchor.pub.pem} beside it. Missing
 * files are created on first start.
 */
@Component
public class AuditKeys {

    static final String HMAC_FILE = "audit-hmac.key";
    static final String PRIVATE_FILE = "audit-anchor.pem";
    static final String PUBLIC_FILE = "audit-anchor.pub.pem";

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

    private final HmacSm3 hmac;
    private final Signer signer;
    private final Verifier verifier;
    private final String keyId;
    private final String publicKeyPem;

    AuditKeys(AuditProperties properties) {
        Path dir = properties.keyDir();
        try {
            OwnerOnlyFiles.ensureDirectory(dir);
            this.hmac = HmacSm3.withKey(hmacKey(dir, properties.hmacKey()));
            KeyPair pair = anchorKeys(dir);
            this.signer = Signer.of(pair.getPrivate());
            this.verifier = Verifier.of(pair.getPublic());
            this.publicKeyPem = Pem.writePublicKey(pair.getPublic());
            this.keyId = Sm3.hex(pair.getPublic().getEncoded()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up audit keys in " + dir, e);
        }
    }

    public HmacSm3 hmac() {
        return hmac;
    }

    public Signer signer() {
        return signer;
    }

    public Verifier verifier() {
        return verifier;
    }

    /** First 16 hex digits of SM3 over the public key's SubjectPublicKeyInfo. */
    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return publicKeyPem;
    }

    private static byte[] hmacKey(Path dir, String fromEnvironment) throws IOException {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            byte[] key = Hex.decode(fromEnvironment.trim());
            if (key.length < 32) {
                throw new IllegalStateException("YUNJIAN_AUDIT_HMAC_KEY must hold at least 32 bytes (64 hex digits)");
            }
            return key;
        }
        Path file = dir.resolve(HMAC_FILE);
        if (OwnerOnlyFiles.createIfAbsent(file, Hex.encode(SharedProvider.randomBytes(32)) + "\n")) {
            log.info("Created audit HMAC key {} (owner-only). Back it up apart from the database.", file);
        }
        byte[] key = Hex.decode(Files.readString(file, StandardCharsets.UTF_8).trim());
        if (key.length < 32) {
            throw new IllegalStateException("audit HMAC key in " + file + " is shorter than 32 bytes");
        }
        return key;
    }

    private static KeyPair anchorKeys(Path dir) throws IOException {
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        if (!Files.exists(priv)) {
            KeyPair pair = Sm2.generateKeyPair();
            if (OwnerOnlyFiles.createIfAbsent(priv, Pem.writePrivateKey(pair.getPrivate()))) {
                OwnerOnlyFiles.writeAtomically(pub, Pem.writePublicKey(pair.getPublic()));
                log.info("Created SM2 audit anchor key pair {} / {}", priv, pub);
                return pair;
            }
        }
        PrivateKey privateKey = Pem.readPrivateKey(Files.readString(priv, StandardCharsets.UTF_8));
        PublicKey publicKey = Pem.readPublicKey(Files.readString(pub, StandardCharsets.UTF_8));
        return new KeyPair(publicKey, privateKey);
    }
}
