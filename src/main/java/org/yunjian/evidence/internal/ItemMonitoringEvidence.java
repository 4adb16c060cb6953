package org.yunjian.evidence.internal;

import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.monitoring.MonitoringEvidence;
import org.yunjian.shared.NotFoundException;

/**
 * Website monitoring's reports offered on an assessment item whose requirement monitoring supports (an assessment of
 * the government website guide's items; no 等保 item since issue 59, {@code MonitoringCoverage}): attached, the month's
 * report of the assessed system is stored as the item's evidence through {@link EvidenceService}, by whoever may upload
 * evidence to the item.
 */
@Service("itemMonitoringEvidence")
public class ItemMonitoringEvidence {

    private final AssessmentService assessments;
    private final EvidenceService evidence;
    private final MonitoringEvidence monitoring;

    ItemMonitoringEvidence(AssessmentService assessments, EvidenceService evidence, MonitoringEvidence monitoring) {
        this.assessments = assessments;
        this.evidence = evidence;
        this.monitoring = monitoring;
    }

    /**
     * The offers on an item, whether the caller may attach one now (the assessment open), and the months whose report
     * is among the item's evidence already (by its file name).
     */
    public record Panel(MonitoringEvidence.Offers offers, boolean mayAttach, java.util.Set<String> attached) {}

    /** The item's panel as the caller sees it: none where the requirement is not covered or the system not seen. */
    public Panel panel(UUID itemId) {
        AssessmentService.ItemDetail d = assessments.item(itemId);
        String control = d.item().requirementId();
        try {
            MonitoringEvidence.Offers offers =
                    monitoring.offers(d.access().system().id(), control);
            java.util.Set<String> names = new java.util.HashSet<>();
            d.evidence().forEach(e -> names.add(e.displayName()));
            return new Panel(
                    offers,
                    d.access().mayUpload() && d.access().assessment().status().isOpen(),
                    MonitoringEvidence.attached(offers, names));
        } catch (NotFoundException e) { // the reader does not see the system's monitors: nothing to offer
            return new Panel(null, false, java.util.Set.of());
        }
    }

    /**
     * Stores the report of {@code month} as the item's evidence: 403 if the caller may not upload to the item, 409
     * if the assessment is closed or the month's report is among the item's evidence already, 400 naming
     * {@code month} if that month is not offered.
     */
    public EvidenceInfo attach(UUID itemId, String month, boolean sharedWithProvider) {
        AssessmentService.ItemDetail d = assessments.item(itemId);
        if (!d.access().mayUpload()) { // before rendering anything
            throw new AccessDeniedException("assessment.denied.evidenceUpload");
        }
        assessments.requireOpen(d.item().assessmentId());
        String control = d.item().requirementId();
        MonitoringEvidence.requireNotAttached(
                month, d.evidence().stream().map(e -> e.displayName()).toList());
        MonitoringEvidence.OfferedFile f = monitoring.file(d.access().system().id(), control, month);
        return evidence.upload(itemId, f.name(), f.content(), sharedWithProvider);
    }
}
