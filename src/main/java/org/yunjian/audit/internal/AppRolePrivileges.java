package org.yunjian.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.yunjian.shared.keys.KeyDirectory;

/**
 * After every Flyway migration on PostgreSQL, grants the application role (which is not the schema
 * owner) what it needs: read and write on every table, except that the audit log tables
 * {@code audit_event} and {@code audit_anchor} are append-only for it (SELECT and INSERT; UPDATE, DELETE
 * and TRUNCATE revoked). Flyway's own history table stays read-only. Does nothing on other databases, or
 * when the application role is the migrating user.
 */
@Component
@ConditionalOnProperty(name = "yunjian.db.app-role")
class AppRolePrivileges implements Callback {

    static final List<String> APPEND_ONLY = List.of("audit_event", "audit_anchor");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Logger log = LoggerFactory.getLogger(AppRolePrivileges.class);

    private final String appRole;

    AppRolePrivileges(@Value("${yunjian.db.app-role}") String appRole) {
        this.appRole = appRole == null ? "" : appRole.trim();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            apply(context.getConnection(), context.getConfiguration().getTable());
        } catch (SQLException e) {
            throw new IllegalStateException(KeyDirectory.text("audit.db.error.grant", appRole), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "yunjian-app-role-privileges";
    }

    /** Runs the grants on {@code connection} if it is PostgreSQL and the app role differs from its user. */
    void apply(Connection connection, String historyTable) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String owner = connection.getMetaData().getUserName();
        if (!"PostgreSQL".equalsIgnoreCase(product) || appRole.isEmpty() || appRole.equalsIgnoreCase(owner)) {
            return;
        }
        for (String sql : statements(connection.getSchema(), historyTable)) {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        }
        log.info(
                "Granted {} privileges on schema {}; {} are append-only", appRole, connection.getSchema(), APPEND_ONLY);
    }

    List<String> statements(String schema, String historyTable) {
        String role = quote(appRole);
        String s = quote(schema);
        List<String> sql = new java.util.ArrayList<>(List.of(
                "GRANT USAGE ON SCHEMA " + s + " TO " + role,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + s + " TO " + role,
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO " + role,
                "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON " + s + "." + quote(historyTable) + " FROM " + role));
        for (String table : APPEND_ONLY) {
            sql.add("REVOKE UPDATE, DELETE, TRUNCATE ON " + s + "." + quote(table) + " FROM " + role);
            sql.add("GRANT SELECT, INSERT ON " + s + "." + quote(table) + " TO " + role);
        }
        return sql;
    }

    private static String quote(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException(KeyDirectory.text("audit.db.error.identifier", identifier));
        }
        return "\"" + identifier.toLowerCase(Locale.ROOT) + "\"";
    }
}
