package org.yunjian.security.internal.password;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.shared.FieldErrors;

/** Checks a new password against the policy and the account's history, and stores it. */
@Component
public class PasswordService {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;

    PasswordService(AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
    }

    /** Adds an error for {@code field} naming every rule the password breaks. */
    public void check(FieldErrors errors, String field, String username, Account existing, String password) {
        check(errors, field, username, existing, password, null, null);
    }

    /**
     * As above; {@code exemptPublished} may pass the deny-list (see {@link PasswordPolicy#violations});
     * {@code voluntaryAt}, when the holder changes the password of their own accord at that instant, adds
     * the minimum-age rule.
     */
    public void check(
            FieldErrors errors,
            String field,
            String username,
            Account existing,
            String password,
            String exemptPublished,
            Instant voluntaryAt) {
        List<PasswordPolicy.Rule> broken = new ArrayList<>(policy.violations(username, password, exemptPublished));
        if (existing != null && voluntaryAt != null && policy.tooRecentToChange(existing, voluntaryAt)) {
            broken.add(PasswordPolicy.Rule.TOO_RECENT);
        }
        if (existing != null
                && password != null
                && password.length() <= PasswordPolicy.MAX_LENGTH
                && accounts.passwordHistory(existing.id(), policy.historySize()).stream()
                        .anyMatch(h -> encoder.matches(password, h))) {
            broken.add(PasswordPolicy.Rule.REUSED);
        }
        if (!broken.isEmpty()) {
            errors.add(field, policy.describe(broken));
        }
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** The one hash of a published password (the demo accounts'), made once per process and reused for each account. */
    private volatile String[] published;

    /**
     * The hash of {@code password}, a password published on the login page (the demo accounts' own): every demo
     * account gets the same hash, made once, since a shared salt hides nothing of a password everyone can read. A
     * demo start thus costs one Argon2 run instead of one per account.
     */
    public String publishedHash(String password) {
        String[] memo = published;
        if (memo == null || !memo[0].equals(password)) {
            memo = new String[] {password, hash(password)};
            published = memo;
        }
        return memo[1];
    }

    public boolean matches(String password, String hash) {
        return password != null && password.length() <= PasswordPolicy.MAX_LENGTH && encoder.matches(password, hash);
    }

    /** Stores a new password on an existing account; also clears failures and lock. */
    public Account store(Account a, String password, boolean mustChange, Instant now) {
        String hash = hash(password);
        Account changed = a.withPassword(hash, now, mustChange);
        accounts.update(changed);
        accounts.resetFailures(a.id());
        accounts.addHistory(a.id(), hash, now);
        return changed;
    }
}
