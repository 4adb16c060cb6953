package org.yunjian.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yunjian.obligations.DrillCategory;
import org.yunjian.shared.FieldErrors;

/**
 * A drill held on a system: when, which scenario (and emergency plan, if one was drilled) of which category, who took
 * part (as the recorder wrote it: organisations and people), what was found, and the follow-up tasks.
 *
 * @param planId   the emergency plan drilled, or null for a scenario without a stored plan
 * @param category what it rehearsed (the obligation of that category counts from it), or null if not given
 */
public record Drill(
        UUID id,
        UUID systemId,
        LocalDate heldOn,
        UUID planId,
        String scenario,
        DrillCategory category,
        String participants,
        String findings,
        String recordedBy,
        UUID recordedOrg,
        Instant recordedAt,
        List<Task> tasks) {

    public Drill {
        tasks = List.copyOf(tasks);
    }

    /** A drill is recorded after it was held, never for a day still to come. */
    public static void checkHeldOn(FieldErrors errors, LocalDate heldOn, LocalDate today) {
        if (heldOn != null && heldOn.isAfter(today)) {
            errors.add("heldOn", "lifecycle.ops.error.heldOnFuture");
        }
    }

    /** A follow-up task is due on or after the drill. */
    public static void checkDue(FieldErrors errors, String field, LocalDate heldOn, LocalDate due) {
        if (heldOn != null && due != null && due.isBefore(heldOn)) {
            errors.add(field, "lifecycle.ops.error.dueBeforeDrill");
        }
    }

    /**
     * A follow-up task from the drill.
     *
     * @param position 1-based order in the drill record
     * @param version  the stored version, raised by every change of its status
     */
    public record Task(
            UUID id,
            UUID drillId,
            int position,
            String description,
            UUID ownerOrg,
            LocalDate dueOn,
            DrillTaskStatus status,
            String updatedBy,
            Instant updatedAt,
            long version) {

        /** Open and past its due date. */
        public boolean overdue(LocalDate today) {
            return status == DrillTaskStatus.OPEN && dueOn.isBefore(today);
        }
    }
}
