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

    private final JdbcClient jdbc;

    AuditFirstSetUp(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstSetUp() {
        try {
            long entries = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
            long head = jdbc.sql("SELECT COALESCE(MAX(last_seq), 0) FROM audit_head").query(Long.class).single();
            return entries == 0 && head == 0;
        } catch (BadSqlGrammarException noAuditTablesYet) {
            return true;
        }
    }
}
