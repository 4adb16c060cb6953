package org.yunjian.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.yunjian.shared.FieldErrors;

/**
 * The parts of a system's migration plan that are one per system: the rollback plan the guide asks for (制定回退方案,
 * GOV 7.3.4) with the condition that makes the team roll back, and the period the old and the new system run side by
 * side.
 *
 * @param version the stored version, raised by every save (1 when first saved, 0 while none is stored)
 */
public record MigrationPlan(
        UUID systemId,
        String rollbackPlan,
        String rollbackTrigger,
        LocalDate parallelStart,
        LocalDate parallelEnd,
        String parallelNotes,
        String updatedBy,
        Instant updatedAt,
        long version) {

    /** An empty plan for a system that has none stored yet (version 0: "none saved" for a form or If-Match). */
    public static MigrationPlan empty(UUID systemId) {
        return new MigrationPlan(systemId, null, null, null, null, null, null, null, 0);
    }

    public boolean isEmpty() {
        return updatedAt == null;
    }

    /** A rollback plan goes with its trigger; parallel running ends on or after it starts. */
    public static void check(
            FieldErrors errors,
            String rollbackPlan,
            String rollbackTrigger,
            LocalDate parallelStart,
            LocalDate parallelEnd) {
        if (rollbackPlan != null && rollbackTrigger == null) {
            errors.add("rollbackTrigger", "lifecycle.ops.error.triggerRequired");
        }
        if (parallelStart != null && parallelEnd != null && parallelEnd.isBefore(parallelStart)) {
            errors.add("parallelEnd", "lifecycle.ops.error.periodOrder");
        }
        if ((parallelStart == null) != (parallelEnd == null)) {
            errors.add(parallelStart == null ? "parallelStart" : "parallelEnd", "lifecycle.ops.error.periodBoth");
        }
    }
}
