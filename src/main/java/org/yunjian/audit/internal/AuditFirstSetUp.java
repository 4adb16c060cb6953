package org.yunjian.audit.internal;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.shared.keys.FirstSetUp;

/**
 * First set-up is when the audit log is empty: every security-relevant action writes an entry, so before
 * the first one nothing on this installation can depend on a key.
 */
@Component
class AuditFirstSetUp implements FirstSetUp {

    private final AuditRepository audit;

    AuditFirstSetUp(JdbcClient jdbc) {
        this.audit = new AuditRepository(jdbc);
    }

    @Override
    public boolean firstSetUp() {
        try {
            return audit.neverLogged();
        } catch (BadSqlGrammarException noAuditTablesYet) {
            return true;
        }
    }
}
