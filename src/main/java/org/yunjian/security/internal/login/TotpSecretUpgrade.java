package org.yunjian.security.internal.login;

import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * The start-up step after the migration that introduced sealed TOTP secrets: every secret still held in
 * plaintext ({@code user_account.totp_secret}, from older versions) is sealed into
 * {@code totp_secret_sealed} and the plaintext column cleared, in one transaction, before the first
 * login can be served. Runs on every start and does nothing once no plaintext is left.
 */
@Component
public class TotpSecretUpgrade implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TotpSecretUpgrade.class);

    private final AccountRepository accounts;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    TotpSecretUpgrade(AccountRepository accounts, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public void afterSingletonsInstantiated() {
        sealPlaintextSecrets();
    }

    /** Seals every plaintext secret; returns how many were sealed. */
    public int sealPlaintextSecrets() {
        Integer n = tx.execute(status -> {
            var rows = accounts.plaintextTotpSecrets();
            for (Map.Entry<UUID, String> row : rows) {
                accounts.setTotpSecret(row.getKey(), row.getValue());
            }
            return rows.size();
        });
        if (n != null && n > 0) {
            log.info("Sealed {} plaintext TOTP secret(s) with the key in {}", n, TotpSecrets.KEY_FILE);
            events.publishEvent(
                    AuditableEvent.success("user.totp.seal", "user", null, Msg.of("security.audit.totp.sealed", n)));
        }
        return n == null ? 0 : n;
    }
}
