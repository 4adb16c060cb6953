package org.yunjian.migration.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yunjian.migration.Drill;
import org.yunjian.migration.DrillTaskStatus;
import org.yunjian.migration.EmergencyPlan;
import org.yunjian.migration.internal.DrillService;
import org.yunjian.obligations.DrillCategory;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.Versioned;

/** What the drills REST API answers. */
final class DrillDtos {

    private DrillDtos() {}

    record DrillsResponse(UUID systemId, String systemName, List<PlanResponse> plans, List<DrillResponse> drills) {
        static DrillsResponse of(DrillService.View v) {
            return new DrillsResponse(
                    v.access().system().id(),
                    v.access().system().name(),
                    v.plans().stream().map(p -> PlanResponse.of(p, v)).toList(),
                    v.drills().stream().map(d -> DrillResponse.of(d, v)).toList());
        }
    }

    @Schema(name = "EmergencyPlanResponse")
    record PlanResponse(
            UUID id,
            String scenario,
            String summary,
            UUID responsibleOrg,
            String responsibleName,
            String contacts,
            LocalDate lastReviewed,
            long version)
            implements Versioned {
        static PlanResponse of(EmergencyPlan p, DrillService.View v) {
            return new PlanResponse(
                    p.id(),
                    p.scenario(),
                    p.summary(),
                    p.responsibleOrg(),
                    v.org(p.responsibleOrg()),
                    p.contacts(),
                    p.lastReviewed(),
                    p.version());
        }
    }

    /** @param category what the drill rehearsed ({@link DrillCategory}), or null if not given */
    record DrillResponse(
            UUID id,
            LocalDate heldOn,
            UUID planId,
            String scenario,
            DrillCategory category,
            String categoryLabel,
            String participants,
            String findings,
            String recordedBy,
            List<TaskResponse> tasks) {
        static DrillResponse of(Drill d, DrillService.View v) {
            return new DrillResponse(
                    d.id(),
                    d.heldOn(),
                    d.planId(),
                    d.scenario(),
                    d.category(),
                    d.category() == null ? null : Msg.of(d.category()).text(),
                    d.participants(),
                    d.findings(),
                    d.recordedBy(),
                    d.tasks().stream().map(t -> TaskResponse.of(t, v)).toList());
        }
    }

    record TaskResponse(
            UUID id,
            int position,
            String description,
            UUID ownerOrg,
            String ownerName,
            LocalDate dueOn,
            DrillTaskStatus status,
            String statusLabel,
            boolean overdue,
            long version)
            implements Versioned {
        static TaskResponse of(Drill.Task t, DrillService.View v) {
            return new TaskResponse(
                    t.id(),
                    t.position(),
                    t.description(),
                    t.ownerOrg(),
                    v.org(t.ownerOrg()),
                    t.dueOn(),
                    t.status(),
                    Msg.of(t.status()).text(),
                    t.overdue(v.today()),
                    t.version());
        }
    }

    /**
     * A new status of a follow-up task: {@code OPEN} or {@code DONE}; {@code version} the task's version read (or
     * {@code If-Match}).
     */
    record TaskStatusRequest(String status, Long version) {}
}
