package org.yunjian.security.internal.login;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.SealedText;

/**
 * TOTP secrets at rest: sealed with SM4-GCM under the key file {@code totp.key} in the key directory
 * (never in the database), with the account id as associated data so that a sealed secret copied onto
 * another account's row does not open ({@link SealedText}). A copy of the database alone does not reveal any secret.
 */
@Component
public class TotpSecrets {

    static final String KEY_FILE = "totp.key";
    /**
     * Stands for a sealed secret that does not open (altered, or copied from another account's row): not
     * base32, never matches a code, and is not "no secret" — so it cannot be used to re-enrol.
     */
    public static final String UNREADABLE = "!unreadable";

    private final SealedText sealed;

    TotpSecrets(KeyDirectory keys, JdbcClient jdbc) {
        // a new key is safe while nothing is sealed under it (first enrolment, or an upgrade from plaintext)
        this.sealed =
                new SealedText(keys, KEY_FILE, "yunjian.totp", () -> !AccountRepository.anySealedTotpSecret(jdbc));
    }

    public String seal(UUID accountId, String base32Secret) {
        return sealed.seal(accountId, base32Secret);
    }

    /** The base32 secret; fails (DecryptionFailedException) if the value was altered or moved to another account. */
    String open(UUID accountId, String value) {
        if (value != null && !SealedText.isSealed(value)) {
            throw new org.yunjian.shared.LocalizedException("security.totp.error.notSealed");
        }
        return sealed.open(accountId, value);
    }

    /** As {@link #open}, but a secret that does not open reads as {@link #UNREADABLE} (fail closed, logged). */
    public String openOrUnreadable(UUID accountId, String value) {
        if (value == null) {
            return null;
        }
        return sealed.openIfIntact(accountId, value).orElse(UNREADABLE);
    }
}
