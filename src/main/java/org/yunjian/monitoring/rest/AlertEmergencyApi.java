package org.yunjian.monitoring.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.monitoring.EmergencyRecord;
import org.yunjian.monitoring.EmergencyStep;
import org.yunjian.monitoring.internal.AlertEmergency;

/**
 * The emergency handling of a tampering or harmful-content alert (政府网站云计算服务安全指南 7.3.7 b) 1), 8.5 d)): the
 * steps recorded and those still open, and recording one.
 */
@RestController
@Tag(name = "monitoring", description = "网站安全监测 Website security monitoring")
class AlertEmergencyApi {

    private final AlertEmergency emergency;

    AlertEmergencyApi(AlertEmergency emergency) {
        this.emergency = emergency;
    }

    /** A step of the guide's emergency handling, with its name in the caller's language. */
    record EmergencyStepOption(String step, String label, boolean seriousOnly) {
        static EmergencyStepOption of(EmergencyStep s) {
            return new EmergencyStepOption(s.name(), s.text().text(), s.seriousOnly());
        }
    }

    /** One step done: when, to whom or how, the plan started, who recorded it and when. */
    record EmergencyStepResponse(
            UUID id,
            String step,
            String label,
            Instant doneAt,
            String note,
            UUID planId,
            String planScenario,
            String recordedBy,
            Instant recordedAt) {
        static EmergencyStepResponse of(EmergencyRecord r) {
            return new EmergencyStepResponse(
                    r.id(),
                    r.step().name(),
                    r.step().text().text(),
                    r.doneAt(),
                    r.note(),
                    r.planId(),
                    r.planScenario(),
                    r.recordedBy(),
                    r.recordedAt());
        }
    }

    /** A plan of the system that the step PLAN_STARTED may name. */
    record EmergencyPlanOption(UUID id, String scenario) {}

    /** The alert's emergency handling ({@code applies} false: its kind has none). */
    record AlertEmergencyResponse(
            boolean applies,
            List<EmergencyStepResponse> done,
            List<EmergencyStepOption> open,
            List<EmergencyPlanOption> plans,
            boolean mayRecord) {}

    /**
     * A step to record: {@code step} (e.g. REPORTED_TO_PROVIDER) required; {@code doneAt} ISO date-time with an
     * offset or in the users' zone, now when left out; {@code note} (to whom, how) required except for PLAN_STARTED,
     * which names {@code plan} (one of the system's emergency plans).
     */
    record EmergencyStepRequest(String step, String doneAt, String note, String plan) {}

    @GetMapping("/api/monitoring/alerts/{id}/emergency")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "The alert's emergency handling (tampering and harmful content: gov guide 7.3.7 b) 1), 8.5 d)): "
                    + "the steps recorded, those open in the guide's order, the system's emergency plans; whoever sees "
                    + "the system")
    AlertEmergencyResponse handling(@PathVariable UUID id) {
        AlertEmergency.Handling h = emergency.of(id);
        return new AlertEmergencyResponse(
                h.applies(),
                h.done().stream().map(EmergencyStepResponse::of).toList(),
                h.open().stream().map(EmergencyStepOption::of).toList(),
                h.plans().stream()
                        .map(p -> new EmergencyPlanOption(p.id(), p.scenario()))
                        .toList(),
                h.mayRecord());
    }

    @PostMapping("/api/monitoring/alerts/{id}/emergency")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "Record one emergency step done on a tampering or harmful-content alert (the organisations that "
                    + "handle the alert, 403 otherwise); each step once (409), never changed; 201; 400 naming every "
                    + "problem")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EmergencyStepResponse> record(
            @PathVariable UUID id, @RequestBody(required = false) EmergencyStepRequest body) {
        EmergencyStepRequest b = body == null ? new EmergencyStepRequest(null, null, null, null) : body;
        EmergencyRecord r =
                emergency.record(id, new AlertEmergency.StepInput(b.step(), b.doneAt(), b.note(), b.plan()));
        return ResponseEntity.created(URI.create("/api/monitoring/alerts/" + id + "/emergency"))
                .body(EmergencyStepResponse.of(r));
    }
}
