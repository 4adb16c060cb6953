package org.yunjian.evidence.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import org.yunjian.assessment.Access;
import org.yunjian.evidence.EvidenceResponse;
import org.yunjian.evidence.internal.ItemMonitoringEvidence;
import org.yunjian.monitoring.MonitoringEvidence;
import org.yunjian.monitoring.MonitoringOffersResponse;

/**
 * REST for website monitoring's reports offered as an assessment item's evidence: the offers (whoever sees the item;
 * none where its requirement is not one monitoring supports), and attaching one (whoever may upload evidence to it).
 */
@RestController
@Tag(name = "evidence", description = "证据 Evidence files of assessment items")
class ItemMonitoringApi {

    static final String PATH = "/api/assessment-items/{id}/evidence/monitoring";

    private final ItemMonitoringEvidence offers;

    ItemMonitoringApi(ItemMonitoringEvidence offers) {
        this.offers = offers;
    }

    /** A month to attach ({@code 2026-10}) and whether the provider may read the file. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ItemMonitoringAttachRequest")
    record AttachRequest(String month, Boolean sharedWithProvider) {}

    @GetMapping(PATH)
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "The monthly 安全运行报告 of the assessed system offered as evidence of an item whose "
                    + "requirement website monitoring supports: each closed month with probe data, latest first")
    MonitoringOffersResponse list(@PathVariable UUID id) {
        ItemMonitoringEvidence.Panel p = offers.panel(id);
        MonitoringEvidence.Offers o = p.offers() == null
                ? new MonitoringEvidence.Offers(null, java.util.List.of(), false, java.util.List.of())
                : p.offers();
        return MonitoringOffersResponse.of(o, p.mayAttach());
    }

    @PostMapping(PATH)
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "Attach a month's 安全运行报告 (PDF) as the item's evidence, stored like an upload (whoever may "
                    + "upload evidence to the item): {\"month\":\"2026-10\"}; 400 naming month if it is not offered")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EvidenceResponse> attach(@PathVariable UUID id, @RequestBody(required = false) AttachRequest body) {
        var e = offers.attach(
                id, body == null ? null : body.month(), body != null && Boolean.TRUE.equals(body.sharedWithProvider()));
        return ResponseEntity.created(URI.create("/api/evidence/" + e.id())).body(EvidenceResponse.of(e));
    }
}
