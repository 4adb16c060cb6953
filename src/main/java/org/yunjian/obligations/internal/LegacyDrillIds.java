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
            s.executeUpdate(ObligationRepository.LEGACY_DRILL_IDS);
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
