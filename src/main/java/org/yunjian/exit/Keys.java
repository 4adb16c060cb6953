package org.yunjian.exit;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Collections;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemWriter;
import org.yunjian.crypto.Pem;
import org.yunjian.crypto.SharedProvider;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Sm3;
import org.yunjian.crypto.UnsupportedKeyException;

/**
 * SM2 signing keys for manifests. Private keys are stored as encrypted PKCS#8 PEM
 * ({@code ENCRYPTED PRIVATE KEY}: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC — what OpenSSL 3 writes and reads);
 * public keys as {@code PUBLIC KEY} PEM. Unencrypted PKCS#8, SEC1 ({@code EC PRIVATE KEY}) PEM and PKCS#12
 * keystores can be imported.
 */
public final class Keys {

    /** PBKDF2 iterations for new key files. */
    static final int ITERATIONS = 210_000;

    private Keys() {}

    /** A new SM2 key pair. */
    public static KeyPair generate() {
        return Sm2.generateKeyPair();
    }

    /** SM3 over the DER SubjectPublicKeyInfo, hex: names a key in manifests and reports. */
    public static String fingerprint(PublicKey key) {
        return Sm3.hex(key.getEncoded());
    }

    /** The private key as an encrypted PKCS#8 PEM block. */
    public static String encryptedPem(PrivateKey key, char[] passphrase) {
        requirePassphrase(passphrase);
        return Pkcs8.encryptedPem(key, passphrase);
    }

    /**
     * Reads an SM2 private key from PEM: encrypted PKCS#8 (needs {@code passphrase}), unencrypted PKCS#8 or
     * SEC1. Throws {@link ManifestException} naming the problem (wrong passphrase, not SM2, no key).
     */
    public static PrivateKey readPrivateKey(String pem, char[] passphrase) {
        return requireSm2(Pkcs8.readPrivateKey(pem, passphrase));
    }

    /** Reads an SM2 private key from a PKCS#12 keystore (the first key entry). */
    public static PrivateKey readPkcs12(Path file, char[] passphrase) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12", SharedProvider.provider());
            ks.load(in, passphrase);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    return requireSm2((PrivateKey) ks.getKey(alias, passphrase));
                }
            }
            throw new ManifestException("exit.key.noKeyInKeystore", String.valueOf(file));
        } catch (IOException e) {
            throw new ManifestException(
                    e, "exit.key.keystoreUnreadable", String.valueOf(file), String.valueOf(e.getMessage()));
        } catch (GeneralSecurityException e) {
            throw new ManifestException(
                    e, "exit.key.keystoreUnopenable", String.valueOf(file), String.valueOf(e.getMessage()));
        }
    }

    /** Reads an SM2 {@code PUBLIC KEY} PEM block. */
    public static PublicKey readPublicKey(String pem) {
        try {
            PublicKey light = org.yunjian.crypto.Sm2PublicKey.readPem(pem);
            if (light != null) {
                return light; // the usual SM2 encoding, read without loading BouncyCastle
            }
            PublicKey key = Pem.readPublicKey(pem);
            if (!Sm2.isSm2Key(key)) {
                throw new ManifestException("exit.key.publicNotSm2");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new ManifestException(e, "exit.key.publicUnreadable", String.valueOf(e.getMessage()));
        }
    }

    /** Reads a public key file, or derives it from a private key file given by mistake is refused. */
    public static PublicKey readPublicKey(Path file) {
        return readPublicKey(readText(file, "exit.key.publicFileUnreadable"));
    }

    /** Reads a private key file: PEM (any form {@link #readPrivateKey(String, char[])} takes) or PKCS#12 (.p12/.pfx). */
    public static PrivateKey readPrivateKey(Path file, char[] passphrase) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return readPkcs12(file, passphrase);
        }
        return readPrivateKey(readText(file, "exit.key.privateFileUnreadable"), passphrase);
    }

    /** The public key belonging to an SM2 private key. */
    public static PublicKey publicKeyOf(PrivateKey key) {
        try {
            var ec = (org.bouncycastle.jce.interfaces.ECPrivateKey)
                    KeyFactory.getInstance("EC", SharedProvider.provider()).translateKey(key);
            var spec = new ECPublicKeySpec(
                    ec.getParameters().getG().multiply(ec.getD()).normalize(), ec.getParameters());
            return KeyFactory.getInstance("EC", SharedProvider.provider()).generatePublic(spec);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new ManifestException(e, "exit.key.cannotDerive", String.valueOf(e.getMessage()));
        }
    }

    /** Writes {@code name}.key.pem (encrypted, owner-only permissions) and {@code name}.pub.pem into {@code dir}. */
    public static Path[] write(Path dir, String name, KeyPair pair, char[] passphrase) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ManifestException("exit.key.badName", name);
        }
        Files.createDirectories(dir);
        Path priv = dir.resolve(name + ".key.pem");
        Path pub = dir.resolve(name + ".pub.pem");
        if (Files.exists(priv) || Files.exists(pub)) {
            throw new ManifestException("exit.key.exists", String.valueOf(priv), String.valueOf(pub));
        }
        String privPem = encryptedPem(pair.getPrivate(), passphrase);
        Files.createFile(priv);
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.writeString(priv, privPem);
        Files.writeString(pub, Pem.writePublicKey(pair.getPublic()));
        return new Path[] {priv, pub};
    }

    private static PrivateKey requireSm2(PrivateKey key) {
        try {
            // normalise to the provider's "EC" key type, whatever name the PEM or keystore reader gave it
            key = KeyFactory.getInstance("EC", SharedProvider.provider())
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new ManifestException(e, "exit.key.privateNotEc", String.valueOf(e.getMessage()));
        }
        if (!Sm2.isSm2Key(key)) {
            throw new ManifestException("exit.key.privateNotSm2");
        }
        return key;
    }

    private static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < 8) {
            throw new ManifestException("exit.key.shortPassphrase", 8);
        }
    }

    /** The file's text; {@code problem} is the key of the error naming the file and the reason. */
    private static String readText(Path file, String problem) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ManifestException(e, problem, String.valueOf(file), String.valueOf(e.getMessage()));
        }
    }

    /** Whether {@code e} came from a key that is not SM2. */
    static boolean isUnsupported(RuntimeException e) {
        return e instanceof UnsupportedKeyException;
    }

    /**
     * The PEM/PKCS#8 code, which needs BouncyCastle's PKIX classes. Kept out of {@link Keys} itself: the JVM
     * loads the exception types a method catches when it verifies the class, and the first class from the
     * signed BouncyCastle jars costs ≈ 0.1–0.3 s of jar verification — on every {@code exit verify}, which
     * only reads a public key.
     */
    private static final class Pkcs8 {

        private Pkcs8() {}

        static String encryptedPem(PrivateKey key, char[] passphrase) {
            try {
                var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setProvider(SharedProvider.provider())
                        .setRandom(SharedProvider.random())
                        .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(ITERATIONS)
                        .setPassword(passphrase)
                        .build();
                StringWriter out = new StringWriter();
                try (PemWriter w = new PemWriter(out)) {
                    w.writeObject(new JcaPKCS8Generator(key, encryptor).generate());
                }
                return out.toString();
            } catch (OperatorCreationException | IOException e) {
                throw new ManifestException(e, "exit.key.cannotEncrypt", String.valueOf(e.getMessage()));
            }
        }

        static PrivateKey readPrivateKey(String pem, char[] passphrase) {
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                Object o = parser.readObject();
                JcaPEMKeyConverter conv = new JcaPEMKeyConverter().setProvider(SharedProvider.provider());
                PrivateKey key;
                if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                    if (passphrase == null || passphrase.length == 0) {
                        throw new ManifestException("exit.key.noPassphrase");
                    }
                    try {
                        var dec = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                .setProvider(SharedProvider.provider())
                                .build(passphrase);
                        key = conv.getPrivateKey(enc.decryptPrivateKeyInfo(dec));
                    } catch (PKCSException e) {
                        throw new ManifestException("exit.key.wrongPassphrase");
                    }
                } else if (o instanceof PrivateKeyInfo info) {
                    key = conv.getPrivateKey(info);
                } else if (o instanceof PEMKeyPair pair) {
                    key = conv.getPrivateKey(pair.getPrivateKeyInfo());
                } else {
                    throw new ManifestException("exit.key.noKeyInPem");
                }
                return key;
            } catch (IOException | OperatorCreationException e) {
                throw new ManifestException(e, "exit.key.privateUnreadable", String.valueOf(e.getMessage()));
            }
        }
    }
}
