package org.yunjian.migration.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.migration.internal.DrillService;
import org.yunjian.migration.rest.DrillDtos.DrillResponse;
import org.yunjian.migration.rest.DrillDtos.DrillsResponse;
import org.yunjian.migration.rest.DrillDtos.PlanResponse;
import org.yunjian.migration.rest.DrillDtos.TaskResponse;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * REST for a system's emergency plans and drill records (《应急预案与演练记录》). The customer keeps the plans; the
 * customer and the provider record drills (each publishes {@code DrillHeld}); the organisation a follow-up task is
 * assigned to, and the customer, change its status; others of the system read what names them; strangers 404.
 * A plan and a task carry their {@code version}; a change names it ({@code If-Match}), see
 * {@link org.yunjian.shared.version.Versions}.
 */
@RestController
class DrillApi {

    static final String BASE = "/api/systems/{id}/lifecycle/drills";

    private static final DrillService.EmergencyPlanInput EMPTY_PLAN =
            new DrillService.EmergencyPlanInput(null, null, null, null, null, null);

    private final DrillService service;

    DrillApi(DrillService service) {
        this.service = service;
    }

    @GetMapping(BASE)
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Emergency plans per scenario and drill records with follow-up tasks, as the caller may see them")
    DrillsResponse drills(@PathVariable UUID id) {
        return DrillsResponse.of(service.view(id));
    }

    @PostMapping(BASE + "/plans")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Add an emergency plan (customer): scenario, summary, responsible organisation, contacts, "
                    + "last reviewed (yyyy-MM-dd)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PlanResponse> addPlan(
            @PathVariable UUID id, @RequestBody(required = false) DrillService.EmergencyPlanInput body) {
        var p = service.savePlan(id, null, null, body == null ? EMPTY_PLAN : body);
        return ResponseEntity.created(URI.create(BASE.replace("{id}", id.toString()) + "/plans/" + p.id()))
                .body(PlanResponse.of(p, service.view(id)));
    }

    @PutMapping(BASE + "/plans/{recordId}")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Change an emergency plan, e.g. after a review (customer), over the version read (If-Match "
                    + "or version; stale 409, none 428)")
    PlanResponse updatePlan(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) DrillService.EmergencyPlanInput body) {
        DrillService.EmergencyPlanInput in = body == null ? EMPTY_PLAN : body;
        var p = service.savePlan(id, recordId, ExpectedVersion.of(ifMatch, in.version()), in);
        return PlanResponse.of(p, service.view(id));
    }

    @PostMapping(BASE)
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Record a drill (customer or provider): date held, plan or scenario, participants, findings, "
                    + "follow-up tasks (description, owner organisation, due date); announces DrillHeld")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DrillResponse> record(
            @PathVariable UUID id, @RequestBody(required = false) DrillService.DrillInput body) {
        var d = service.recordDrill(
                id, body == null ? new DrillService.DrillInput(null, null, null, null, null, null, null) : body);
        return ResponseEntity.status(201).body(DrillResponse.of(d, service.view(id)));
    }

    @PutMapping(BASE + "/tasks/{recordId}")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Mark a follow-up task OPEN or DONE (the customer or the task's owner organisation), over "
                    + "the task's version read (If-Match or version; stale 409, none 428)")
    TaskResponse task(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) DrillDtos.TaskStatusRequest body) {
        var t = service.setTaskStatus(
                id,
                recordId,
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()),
                body == null ? null : body.status());
        return TaskResponse.of(t, service.view(id));
    }

    @GetMapping(BASE + ".docx")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(summary = "《应急预案与演练记录》 as a Word document in Chinese (whole-plan readers; audited export)")
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        DrillService.Export e = service.docx(id);
        return MigrationApi.docx(e.content(), e.name().contentDisposition());
    }
}
