package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AppRolePrivilegesTest {

    @Test
    void grantsEverythingButMakesTheAuditTablesAppendOnly() {
        var sql = new AppRolePrivileges("yunjian_app").statements("public", "flyway_schema_history");
        assertThat(sql)
                .contains(
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \"public\" TO \"yunjian_app\"",
                        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA \"public\" TO \"yunjian_app\"",
                        "REVOKE UPDATE, DELETE, TRUNCATE ON \"public\".\"audit_event\" FROM \"yunjian_app\"",
                        "REVOKE UPDATE, DELETE, TRUNCATE ON \"public\".\"audit_anchor\" FROM \"yunjian_app\"",
                        "GRANT SELECT, INSERT ON \"public\".\"audit_event\" TO \"yunjian_app\"",
                        "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON \"public\".\"flyway_schema_history\" FROM \"yunjian_app\"");
        // the revocations come after the blanket grant
        assertThat(sql.indexOf("REVOKE UPDATE, DELETE, TRUNCATE ON \"public\".\"audit_event\" FROM \"yunjian_app\""))
                .isGreaterThan(sql.indexOf(
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \"public\" TO \"yunjian_app\""));
        assertThat(sql).noneMatch(s -> s.contains("audit_head"));
    }

    @Test
    void rejectsRoleNamesThatAreNotPlainIdentifiers() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThatThrownBy(
                            () -> new AppRolePrivileges("app\"; DROP TABLE audit_event; --").statements("public", "h"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("\"app\"; DROP TABLE audit_event; --\" is not a plain SQL identifier")
                    .hasMessageContaining("yunjian.db.app-role");
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThatThrownBy(() -> new AppRolePrivileges("app role").statements("public", "h"))
                    .hasMessageStartingWith("“app role”不是简单的 SQL 标识符");
        } finally {
            Locale.setDefault(before);
        }
    }
}
