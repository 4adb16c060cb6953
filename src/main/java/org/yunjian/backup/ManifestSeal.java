package org.yunjian.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.crypto.Pem;
import org.yunjian.crypto.Verifier;
import org.yunjian.shared.keys.InstallationSeal;

/**
 * The seal of a manifest ({@code MANIFEST.sm3} of a backup, {@code KEYS.sm3} of a key copy): two header lines,
 * {@code # signature: <hex>} (SM2 with the installation's audit anchor key) and {@code # mac: <hex>} (HMAC-SM3 with
 * its audit HMAC key), over the manifest's canonical text without them, prefixed with the file's name (so a
 * {@code KEYS.sm3} cannot stand in for a {@code MANIFEST.sm3}). A file altered inside the backup whose manifest line
 * was recomputed no longer matches the seal; making a new seal takes the installation's private key.
 *
 * <p>Checked with the keys of the installation that took the backup (a key copy or its key directory): the public
 * key {@code audit-anchor.pub.pem}, whose SM3 is the {@code installation} header, and the HMAC key
 * ({@code YUNJIAN_AUDIT_HMAC_KEY}, else {@code audit-hmac.key}). Spring-free: {@code yunjian restore} runs offline.
 */
public final class ManifestSeal {

    public static final String SIGNATURE = "signature";
    public static final String MAC = "mac";
    /**
     * Header {@code # seal: required}, written by every version that seals its manifests and covered by the seal: a
     * manifest that carries it but no seal had its seal removed.
     */
    public static final String SEAL = "seal";

    public static final String REQUIRED = "required";
    static final String HMAC_KEY_FILE = "audit-hmac.key";
    static final String HMAC_KEY_ENV = "YUNJIAN_AUDIT_HMAC_KEY";
    private static final String DOMAIN = "yunjian-backup-seal 1\n";

    private ManifestSeal() {}

    /** {@code manifest} (written as {@code fileName}) with its seal made with the installation's keys. */
    public static BackupManifest seal(BackupManifest manifest, String fileName, InstallationSeal keys) {
        Map<String, String> marked = new LinkedHashMap<>(unsealed(manifest).header());
        marked.put(SEAL, REQUIRED);
        BackupManifest unsealed = new BackupManifest(marked, manifest.entries());
        byte[] data = signed(unsealed, fileName);
        Map<String, String> header = new LinkedHashMap<>(unsealed.header());
        header.put(SIGNATURE, Hex.encode(keys.sign(data)));
        header.put(MAC, Hex.encode(keys.mac(data)));
        return new BackupManifest(header, unsealed.entries());
    }

    /** Whether the manifest carries a seal at all (backups taken before seals were made carry none). */
    public static boolean sealed(BackupManifest manifest) {
        return manifest.get(SIGNATURE) != null || manifest.get(MAC) != null;
    }

    /**
     * Refuses an unsealed manifest that shows it was sealed when written, even where unsealed ones are accepted
     * ({@code --accept-unsigned} is for backups taken before seals were made): one that names its installation
     * (whose keys can check it; issue 56: a backup of this installation with its seal lines stripped was restored)
     * or carries {@code # seal: required}.
     */
    public static void requireGenuinelyUnsealed(BackupManifest manifest, String fileName) {
        if (sealed(manifest)) {
            return;
        }
        String installation = manifest.get(BackupManifest.INSTALLATION);
        if (installation != null) {
            throw new BackupException("backup.error.unsigned-names-installation", fileName, shortId(installation));
        }
        if (manifest.get(SEAL) != null) {
            throw new BackupException("backup.error.unsigned-sealing-version", fileName);
        }
    }

    /**
     * Checks the seal of {@code manifest} (read from {@code fileName}) with the keys in {@code keyDir}; throws naming
     * the reason: no seal, another installation, a signature or a MAC that does not verify.
     */
    public static void check(BackupManifest manifest, String fileName, Path keyDir) {
        if (!sealed(manifest)) {
            throw new BackupException("backup.error.unsigned", fileName);
        }
        Keys keys = Keys.in(keyDir);
        String installation = manifest.get(BackupManifest.INSTALLATION);
        if (installation == null || !installation.equals(keys.installation())) {
            throw new BackupException(
                    "backup.error.signed-elsewhere",
                    fileName,
                    shortId(installation),
                    shortId(keys.installation()),
                    keyDir);
        }
        byte[] data = signed(unsealed(manifest), fileName);
        if (!keys.verifier().verify(data, decode(manifest.get(SIGNATURE)))) {
            throw new BackupException("backup.error.signature", fileName, keyDir);
        }
        if (!keys.hmac().verify(data, decode(manifest.get(MAC)))) {
            throw new BackupException("backup.error.mac", fileName, keyDir);
        }
    }

    /** The public key, its installation fingerprint and the HMAC key of a key directory or key copy. */
    record Keys(String installation, Verifier verifier, HmacSm3 hmac) {

        static Keys in(Path dir) {
            try {
                String installation = BackupManifest.installation(dir);
                if (installation == null) {
                    throw new BackupException(
                            "backup.error.no-check-key", dir.resolve(BackupManifest.INSTALLATION_KEY_FILE));
                }
                PublicKey key = Pem.readPublicKey(
                        Files.readString(dir.resolve(BackupManifest.INSTALLATION_KEY_FILE), StandardCharsets.UTF_8));
                return new Keys(installation, Verifier.of(key), HmacSm3.withKey(hmacKey(dir)));
            } catch (IOException | IllegalArgumentException e) {
                throw new BackupException(
                        e, "backup.error.no-check-key", dir.resolve(BackupManifest.INSTALLATION_KEY_FILE));
            }
        }

        /** As the server reads it: the environment's hex key where set, else the key file. */
        private static byte[] hmacKey(Path dir) throws IOException {
            String env = System.getenv(HMAC_KEY_ENV);
            if (env != null && !env.isBlank()) {
                return Hex.decode(env.strip());
            }
            Path file = dir.resolve(HMAC_KEY_FILE);
            if (!Files.isRegularFile(file)) {
                throw new BackupException("backup.error.no-hmac-key", file, HMAC_KEY_ENV);
            }
            return Hex.decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        }
    }

    private static BackupManifest unsealed(BackupManifest manifest) {
        Map<String, String> header = new LinkedHashMap<>(manifest.header());
        header.remove(SIGNATURE);
        header.remove(MAC);
        return new BackupManifest(header, manifest.entries());
    }

    private static byte[] signed(BackupManifest unsealed, String fileName) {
        return (DOMAIN + fileName + "\n" + unsealed.text()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String hex) {
        try {
            return hex == null ? null : Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shortId(String installation) {
        return installation == null ? "?" : installation.substring(0, Math.min(12, installation.length()));
    }
}
