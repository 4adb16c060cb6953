package org.yunjian.security.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.Sm4Gcm;
import org.yunjian.shared.KeyDirectory;

/**
 * TOTP secrets at rest: sealed with SM4-GCM under the key file {@code totp.key} in the key directory
 * (never in the database), with the account id as associated data so that a sealed secret copied onto
 * another account's row does not open. A copy of the database alone does not reveal any secret.
 */
@Component
public class TotpSecrets {

    static final String KEY_FILE = "totp.key";
    /**
     * Stands for a sealed secret that does not open (altered, or copied from another account's row): not
     * base32, never matches a code, and is not "no secret" — so it cannot be used to re-enrol.
     */
    public static final String UNREADABLE = "!unreadable";
    private static final String PREFIX = "sm4gcm:";

    private final KeyDirectory keys;
    private final JdbcClient jdbc;
    private volatile byte[] key;

    TotpSecrets(KeyDirectory keys, JdbcClient jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    String seal(UUID accountId, String base32Secret) {
        if (base32Secret == null) {
            return null;
        }
        byte[] sealed = Sm4Gcm.encrypt(key(), base32Secret.getBytes(StandardCharsets.US_ASCII), aad(accountId));
        return PREFIX + Base64.getEncoder().encodeToString(sealed);
    }

    /** The base32 secret; fails (DecryptionFailedException) if the value was altered or moved to another account. */
    String open(UUID accountId, String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new org.yunjian.shared.LocalizedException("security.totp.error.notSealed");
        }
        byte[] raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        return new String(Sm4Gcm.decrypt(key(), raw, aad(accountId)), StandardCharsets.US_ASCII);
    }

    /** As {@link #open}, but a secret that does not open reads as {@link #UNREADABLE} (fail closed, logged). */
    String openOrUnreadable(UUID accountId, String sealed) {
        try {
            return open(accountId, sealed);
        } catch (org.yunjian.crypto.DecryptionFailedException | IllegalArgumentException | IllegalStateException e) {
            org.slf4j.LoggerFactory.getLogger(TotpSecrets.class).warn(
                    "The TOTP secret of account {} does not open with {}: altered or moved; its TOTP logins fail",
                    accountId, KEY_FILE);
            return UNREADABLE;
        }
    }

    private boolean nothingSealed() {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE totp_secret_sealed IS NOT NULL")
                .query(Long.class).single() == 0;
    }

    private static byte[] aad(UUID accountId) {
        return ("yunjian.totp:" + accountId).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            // a new key is safe while nothing is sealed under it (first enrolment, or an upgrade from plaintext);
            // once secrets are sealed, a missing key is an error naming the file, never a silent replacement
            k = Hex.decode(keys.secret(KEY_FILE, () -> Hex.encode(Sm4Gcm.generateKey()),
                    () -> keys.creationAllowed() || nothingSealed()));
            if (k.length != Sm4Gcm.KEY_LENGTH) {
                throw new org.yunjian.shared.LocalizedException("security.totp.error.keyFile", keys.resolve(KEY_FILE));
            }
            key = k;
        }
        return k;
    }
}
