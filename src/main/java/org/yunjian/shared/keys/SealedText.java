package org.yunjian.shared.keys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;
import org.yunjian.crypto.DecryptionFailedException;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.Sm4Gcm;

/**
 * A short text kept in a database column sealed with SM4-GCM under a key file of the key directory (never the
 * database): {@code sm4gcm:} and the Base64 of nonce, ciphertext and tag. The owning row's id and the value's
 * purpose are the associated data, so a sealed value copied onto another row (or into another column sealed with
 * the same key) does not open. A copy of the database alone reveals no sealed text.
 *
 * <p>The key file is created when the key directory may create keys (first set-up, or asked for), or while
 * {@code nothingSealed} says that no value depends on it yet (an upgrade that starts sealing); once values are
 * sealed, a missing key file is an error naming it, never a silent replacement.
 */
public final class SealedText {

    /** How every sealed value starts; a value without it is not sealed. */
    public static final String PREFIX = "sm4gcm:";

    private final KeyDirectory keys;
    private final String keyFile;
    private final String purpose;
    private final BooleanSupplier nothingSealed;
    private volatile byte[] key;

    /**
     * @param keyFile       the key file's name in the key directory ({@code totp.key})
     * @param purpose       what the values are, bound into each one ({@code yunjian.totp})
     * @param nothingSealed whether no value sealed under this key exists yet (asked only when the file is missing)
     */
    public SealedText(KeyDirectory keys, String keyFile, String purpose, BooleanSupplier nothingSealed) {
        this.keys = keys;
        this.keyFile = keyFile;
        this.purpose = purpose;
        this.nothingSealed = nothingSealed;
    }

    public String keyFile() {
        return keyFile;
    }

    /** Whether {@code value} has the form of a sealed value (not whether it opens). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** {@code text} sealed for the row {@code owner}; {@code null} stays {@code null}. */
    public String seal(UUID owner, String text) {
        if (text == null) {
            return null;
        }
        byte[] sealed = Sm4Gcm.encrypt(key(), text.getBytes(StandardCharsets.UTF_8), aad(owner));
        return PREFIX + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * The text sealed for the row {@code owner}; {@link DecryptionFailedException} if the value was altered or moved
     * from another row, {@link IllegalArgumentException} if it is not a sealed value. {@code null} stays {@code null}.
     */
    public String open(UUID owner, String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not-sealed");
        }
        byte[] raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        return new String(Sm4Gcm.decrypt(key(), raw, aad(owner)), StandardCharsets.UTF_8);
    }

    /**
     * As {@link #open}, but a value that does not open (altered, moved from another row, not sealed — or the key file
     * is missing or unusable) is empty and logged — fail closed, never an error page. {@code null} is empty too.
     */
    public Optional<String> openIfIntact(UUID owner, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(open(owner, sealed));
        } catch (DecryptionFailedException | IllegalArgumentException e) {
            LoggerFactory.getLogger(SealedText.class)
                    .warn(
                            "A sealed {} value of {} does not open with {}: altered, moved from another row or not sealed",
                            purpose,
                            owner,
                            keyFile);
            return Optional.empty();
        } catch (KeyDirectory.KeyDirectoryException e) {
            // the key directory's own message (localized, naming the file), then what could not be opened
            LoggerFactory.getLogger(SealedText.class).error("{} ({} {})", e.getMessage(), purpose, owner);
            return Optional.empty();
        }
    }

    private byte[] aad(UUID owner) {
        return (purpose + ":" + owner).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String hex = keys.secret(
                    keyFile,
                    () -> Hex.encode(Sm4Gcm.generateKey()),
                    () -> nothingSealed.getAsBoolean() || keys.creationAllowed());
            try {
                k = Hex.decode(hex);
            } catch (IllegalArgumentException e) {
                k = new byte[0];
            }
            if (k.length != Sm4Gcm.KEY_LENGTH) {
                throw new KeyDirectory.KeyDirectoryException(
                        KeyDirectory.text("keys.error.length", keys.resolve(keyFile)));
            }
            key = k;
        }
        return k;
    }
}
