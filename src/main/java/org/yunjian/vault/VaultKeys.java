package org.yunjian.vault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.Sm4Gcm;
import org.yunjian.shared.keys.KeyDirectory;

/**
 * The vault's master key (SM4, in {@code evidence-master.key} in the key directory, created at first set-up,
 * owner-only) wraps each file's random key. The wrapped key is bound to the file's id (GCM associated
 * data), so a wrapped key copied to another row does not open. The file and the associated data keep their first
 * names ({@code evidence-master.key}, {@code yunjian-evidence:}) so that files sealed before the vault was its own
 * module still open.
 */
public class VaultKeys {

    /** The key version stored beside a wrapped key. */
    public static final int VERSION = 1;

    private final byte[] master;

    public VaultKeys(Path keyDir) {
        this(new KeyDirectory(keyDir));
    }

    /** The key from {@code evidence-master.key}; created only at first set-up, else missing is an error naming it. */
    public VaultKeys(KeyDirectory keys) {
        Path file = keys.resolve("evidence-master.key");
        byte[] key = Hex.decode(keys.secret("evidence-master.key", () -> Hex.encode(Sm4Gcm.generateKey())));
        if (key.length != Sm4Gcm.KEY_LENGTH) {
            throw new IllegalStateException(file + ": key-length-not-32-hex-digits");
        }
        this.master = key;
    }

    public String wrap(UUID evidenceId, byte[] fileKey) {
        return Hex.encode(Sm4Gcm.encrypt(master, fileKey, aad(evidenceId)));
    }

    public byte[] unwrap(UUID evidenceId, String wrapped) {
        return Sm4Gcm.decrypt(master, Hex.decode(wrapped), aad(evidenceId));
    }

    public static byte[] aad(UUID id) {
        return ("yunjian-evidence:" + id).getBytes(StandardCharsets.US_ASCII);
    }
}
