package org.yunjian.obligations.internal;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Just before migration {@code V202612030100} (政府网站指南 8.5 b): the per-category drill obligations), the rows that
 * migration cannot give an id of its own. It derives the id of each new category row from the legacy
 * {@code EMERGENCY_DRILL} row's id with its first two hex digits replaced by {@code d1}…{@code d6}; a legacy id that
 * itself begins with one of those (6 in 256 random ids) gives one new row the legacy row's own id, and the upgrade
 * stopped on a duplicate key (seen in CI as a context that failed to start). For exactly those legacy rows this
 * callback inserts the six rows first, with {@code e1}…{@code e6} instead and the same values; the migration finds
 * them (its {@code NOT EXISTS} on system and kind) and supersedes the legacy row as before. The migration file stays
 * as it was applied, so databases already past it validate unchanged.
 */
@Component
class LegacyDrillIds implements Callback {

    static final MigrationVersion VERSION = MigrationVersion.fromVersion("202612030100");

    private static final String INSERT = """
            INSERT INTO lifecycle_obligation (id, system_id, kind, responsible_org, start_date, interval_months, \
            due_date, created_by, created_at, version) \
            SELECT CAST(k.prefix || SUBSTRING(CAST(o.id AS VARCHAR(36)) FROM 3) AS UUID), o.system_id, k.kind, \
            o.responsible_org, o.due_date, LEAST(o.interval_months, 24), o.due_date, 'upgrade V202612030100', \
            CURRENT_TIMESTAMP, 0 \
            FROM lifecycle_obligation o \
            JOIN cloud_system s ON s.id = o.system_id \
            CROSS JOIN (VALUES ('e1', 'DRILL_MALWARE'), ('e2', 'DRILL_NETWORK_ATTACK'), \
            ('e3', 'DRILL_INFORMATION_DESTRUCTION'), ('e4', 'DRILL_INFORMATION_CONTENT'), \
            ('e5', 'DRILL_EQUIPMENT_FAILURE'), ('e6', 'DRILL_DISASTER')) AS k (prefix, kind) \
            WHERE o.kind = 'EMERGENCY_DRILL' AND s.industry = 'GOVERNMENT_WEBSITE' \
            AND SUBSTRING(CAST(o.id AS VARCHAR(36)) FROM 1 FOR 2) IN ('d1', 'd2', 'd3', 'd4', 'd5', 'd6') \
            AND NOT EXISTS (SELECT 1 FROM lifecycle_obligation x WHERE x.system_id = o.system_id AND x.kind = k.kind)""";

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE
                && context.getMigrationInfo() != null
                && VERSION.equals(context.getMigrationInfo().getVersion());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Statement s = context.getConnection().createStatement()) {
            s.executeUpdate(INSERT);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    org.yunjian.shared.keys.KeyDirectory.text("lifecycle.cal.error.legacyDrillIds"), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "yunjian-legacy-drill-ids";
    }
}
