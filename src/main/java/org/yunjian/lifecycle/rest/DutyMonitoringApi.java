package org.yunjian.lifecycle.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.yunjian.lifecycle.internal.DutyMonitoringEvidence;
import org.yunjian.lifecycle.rest.PlanDtos.EvidenceResponse;
import org.yunjian.monitoring.MonitoringOffersResponse;

/**
 * REST for website monitoring's reports offered as a duty's evidence: the offers (whoever sees the duty), and
 * attaching one (whoever may upload evidence to the duty), stored like an upload.
 */
@RestController
@Tag(name = "lifecycle", description = "生命周期计划 Lifecycle plans: duties per phase of the sector guide, gates")
class DutyMonitoringApi {

    static final String PATH = PlanApi.BASE + "/duties/{dutyId}/evidence/monitoring";

    private final DutyMonitoringEvidence offers;

    DutyMonitoringApi(DutyMonitoringEvidence offers) {
        this.offers = offers;
    }

    /** A month to attach: {@code 2026-10}. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DutyMonitoringAttachRequest")
    record AttachRequest(String month) {}

    @GetMapping(PATH)
    @PreAuthorize(PlanApi.WHO)
    @Operation(
            summary = "The monthly 安全运行报告 offered as evidence of a duty whose control website monitoring "
                    + "performs: each closed month with probe data, latest first, up to 12")
    MonitoringOffersResponse list(@PathVariable UUID id, @PathVariable("dutyId") UUID duty) {
        DutyMonitoringEvidence.Panel p = offers.panel(id, duty);
        return MonitoringOffersResponse.of(p.offers(), p.mayAttach());
    }

    @PostMapping(PATH)
    @PreAuthorize(PlanApi.WHO)
    @Operation(
            summary = "Attach a month's 安全运行报告 (PDF) as the duty's evidence, stored like an upload (the "
                    + "organisation working on the duty, or the customer): {\"month\":\"2026-10\"}; 400 naming month "
                    + "if that month is not offered")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EvidenceResponse> attach(
            @PathVariable UUID id,
            @PathVariable("dutyId") UUID duty,
            @RequestBody(required = false) AttachRequest body) {
        return ResponseEntity.status(201)
                .body(EvidenceResponse.of(offers.attach(id, duty, body == null ? null : body.month())));
    }
}
