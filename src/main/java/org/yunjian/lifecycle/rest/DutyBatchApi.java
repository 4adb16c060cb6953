package org.yunjian.lifecycle.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.catalog.Catalog;
import org.yunjian.lifecycle.internal.DutyBatch;
import org.yunjian.lifecycle.internal.PlanInputs;
import org.yunjian.lifecycle.internal.PlanService;
import org.yunjian.lifecycle.rest.PlanDtos.PlanResponse;

/**
 * Several duties of a plan at once, with the same rules as one at a time; all or nothing, the refusal naming the
 * duty that stopped the batch. Each duty listed carries the version of it the caller read (as in the plan's
 * {@code duties[].version}): a row without one refuses the batch with 428, a duty changed since with 409 naming it.
 */
@RestController
@Tag(name = "lifecycle")
class DutyBatchApi {

    private final DutyBatch batch;
    private final PlanService plans;
    private final Catalog catalog;

    DutyBatchApi(DutyBatch batch, PlanService plans, Catalog catalog) {
        this.batch = batch;
        this.plans = plans;
        this.catalog = catalog;
    }

    /** One duty of a batch: its id as in the plan and the version of it that was read. */
    record DutyRow(UUID id, Long version) {}

    /** The duties (ids as in the plan, with their versions) and the status to give them (reason for NOT_APPLICABLE). */
    record DutyBatchStatusRequest(List<DutyRow> duties, String status, String reason) {}

    /** The duties to accept or waive, with their versions. */
    record DutyBatchAcceptanceRequest(List<DutyRow> duties) {}

    private static List<DutyBatch.Row> rows(List<DutyRow> duties) {
        return duties == null
                ? null
                : duties.stream()
                        .map(d -> d == null ? null : new DutyBatch.Row(d.id(), d.version()))
                        .toList();
    }

    @PostMapping(PlanApi.BASE + "/batch/status")
    @PreAuthorize(PlanApi.WHO)
    @Operation(
            summary =
                    "Set the status of several duties (each by its organisation or the customer, as one at a "
                            + "time), each {id, version}; all or nothing: 400 for an unknown duty or a missing reason, 428 for a duty "
                            + "without its version, 403/409 naming the duty refused (409 also when one changed since it was read)")
    PlanResponse status(@PathVariable UUID id, @RequestBody(required = false) DutyBatchStatusRequest body) {
        plans.access(id);
        var status = PlanInputs.status(body == null ? null : body.status());
        batch.setStatus(id, rows(body.duties()), status, body.reason());
        return PlanResponse.of(plans.require(id), catalog);
    }

    @PostMapping(PlanApi.BASE + "/batch/acceptance")
    @PreAuthorize(PlanApi.WHO)
    @Operation(
            summary = "Accept several duties done, or waive those declared not applicable (customer; never the "
                    + "person who owns or completed one), each {id, version}; all or nothing, the refusal naming the duty "
                    + "(409 when one changed since it was read, 428 without its version)")
    PlanResponse accept(@PathVariable UUID id, @RequestBody(required = false) DutyBatchAcceptanceRequest body) {
        batch.accept(id, body == null ? null : rows(body.duties()));
        return PlanResponse.of(plans.require(id), catalog);
    }
}
