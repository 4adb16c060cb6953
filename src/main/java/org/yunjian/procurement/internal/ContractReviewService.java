package org.yunjian.procurement.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.RequirementId;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.party.CloudSystem;
import org.yunjian.procurement.ClauseReview;
import org.yunjian.procurement.ClauseStatus;
import org.yunjian.procurement.ContractClause;
import org.yunjian.procurement.NdaValidities;
import org.yunjian.procurement.NdaValidityRecorded;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The contract, SLA and NDA review of a system: the checklist generated from the standard ({@link ContractClause}),
 * each clause's review ({@link ClauseReview}), and what still stands in the way of closing the acquisition phase.
 */
@Service
@Transactional
public class ContractReviewService implements NdaValidities {

    static final String OBJECT = "lifecycle-contract-clause";

    private final ContractDocumentAccess access;
    private final ContractReviewRepository repo;
    private final SelectionRepository selections;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private ContractReviewDocx docx;

    @org.springframework.beans.factory.annotation.Autowired
    void docx(ContractReviewDocx docx) {
        this.docx = docx;
    }

    ContractReviewService(
            ContractDocumentAccess access,
            ContractReviewRepository repo,
            SelectionRepository selections,
            Catalog catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.repo = repo;
        this.selections = selections;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** A clause of the checklist with its review (status {@link ClauseStatus#NOT_REVIEWED} and no reviewer if none). */
    public record Line(ContractClause clause, ClauseReview review) {
        public ClauseStatus status() {
            return review.status();
        }

        public boolean blocks() {
            return clause.mandatory() && review.status().blocksGate();
        }
    }

    /** The review of a system as the caller sees it. */
    public record Review(
            PlanAccess access, List<Line> lines, List<PhaseGateCondition.Unmet> unmet, java.time.LocalDate today) {
        public CloudSystem system() {
            return access.system();
        }
    }

    @Transactional(readOnly = true)
    public Review review(UUID systemId) {
        PlanAccess a = access.read(systemId);
        List<Line> lines = lines(a.system());
        return new Review(
                a,
                lines,
                unmet(a.system(), lines),
                java.time.LocalDate.now(clock.withZone(org.yunjian.shared.Formats.zone())));
    }

    /**
     * Marks a clause of the checklist (customer): present with a reference, missing, or negotiated with a note; over
     * the clause review's version read ({@code version}, 0 for a clause not reviewed yet; {@code null} where the
     * caller acts on the review as stored now: the command line, seeding).
     */
    public Review mark(
            UUID systemId, String clause, ExpectedVersion version, String status, String reference, String note) {
        return mark(systemId, clause, version, status, reference, note, null, null);
    }

    /**
     * As {@link #mark(UUID, String, ExpectedVersion, String, String, String)}, with an NDA clause's validity dates
     * (required to mark JR/T's "保密协议应有明确的有效周期。" present, {@link ContractClause#asksForValidity()}).
     */
    public Review mark(
            UUID systemId,
            String clause,
            ExpectedVersion version,
            String status,
            String reference,
            String note,
            String validFrom,
            String validUntil) {
        PlanAccess a = access.write(systemId);
        ContractClause c = lines(a.system()).stream()
                .map(Line::clause)
                .filter(x -> x.id().value().equals(clause == null ? "" : clause.strip()))
                .findFirst()
                .orElseThrow(() -> new FieldErrors.ValidationException(
                        "clause", "lifecycle.doc.error.unknownClause", clause == null ? "" : clause.strip()));
        CurrentUser u = CurrentUser.require();
        ClauseReview r = ClauseReview.of(
                c.id(),
                status,
                reference,
                note,
                validFrom,
                validUntil,
                c.asksForValidity(),
                u.username(),
                clock.instant());
        ClauseReview now = repo.bySystem(systemId).get(c.id());
        long stored = now == null ? 0 : now.version();
        repo.save(systemId, r, version == null ? stored : version.value());
        events.publishEvent(AuditableEvent.success(
                "lifecycle.contract.mark",
                OBJECT,
                systemId,
                Msg.of(
                        "lifecycle.doc.contract.audit.mark",
                        a.system().name(),
                        ClauseLabel.cited(c.requirement()).text(),
                        Msg.of(c.document()),
                        Msg.of(r.status()),
                        r.reference() == null ? "" : r.reference())));
        if (c.document() == org.yunjian.procurement.AgreementDocument.NDA) {
            events.publishEvent(new NdaValidityRecorded(systemId)); // the renewal follows the dates
        }
        return review(systemId);
    }

    /** The 合同、服务水平协议与保密协议审查表 as a Word document. */
    @Transactional(readOnly = true)
    public ContractDocxExport docx(UUID systemId) {
        Review r = review(systemId);
        return new ContractDocxExport(
                docx.render(r, clock.instant()),
                DownloadName.of(
                        "lifecycle.doc.contract.download",
                        "contract-review",
                        r.system().name(),
                        null,
                        clock.instant(),
                        "docx"));
    }

    /**
     * The validity of a system's NDA as its review records it (JR/T 6.3.4 / 6.4.4), for the obligations calendar's
     * reminder before it runs out; empty when no NDA clause carries dates.
     */
    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<ClauseReview> ndaValidity(CloudSystem system) {
        return lines(system).stream()
                .filter(l -> l.clause().document() == org.yunjian.procurement.AgreementDocument.NDA)
                .map(Line::review)
                .filter(r -> r.validUntil() != null)
                .max(java.util.Comparator.comparing(ClauseReview::validUntil));
    }

    List<Line> lines(CloudSystem system) {
        Map<RequirementId, ClauseReview> reviews = repo.bySystem(system.id());
        return ContractClause.checklist(catalog, system).stream()
                .map(c -> new Line(
                        c,
                        reviews.getOrDefault(
                                c.id(),
                                new ClauseReview(c.id(), ClauseStatus.NOT_REVIEWED, null, null, null, null, 0))))
                .toList();
    }

    /**
     * What keeps the acquisition phase open: each mandatory clause missing or not reviewed, and no selection decision
     * yet; each with the standard's text that asks for it.
     */
    List<PhaseGateCondition.Unmet> unmet(CloudSystem system, List<Line> lines) {
        List<PhaseGateCondition.Unmet> out = new java.util.ArrayList<>();
        if (system.industry() == null || system.industry().sectorStandard().isEmpty()) {
            return out;
        }
        if (selections.load(system.id()).decision() == null) {
            String source = SelectionService.decisionClause(system)
                    .flatMap(catalog::requirement)
                    .map(r -> ClauseLabel.text(r) + " " + r.text())
                    .orElse(null);
            out.add(new PhaseGateCondition.Unmet(Msg.of("lifecycle.doc.gate.noSelection"), source));
        }
        for (Line l : lines) {
            if (l.blocks()) {
                out.add(new PhaseGateCondition.Unmet(
                        Msg.of(
                                l.status() == ClauseStatus.MISSING
                                        ? "lifecycle.doc.gate.clauseMissing"
                                        : "lifecycle.doc.gate.clauseNotReviewed",
                                Msg.of(l.clause().document()),
                                ClauseLabel.cited(l.clause().requirement()).text()),
                        ClauseLabel.cited(l.clause().requirement()).text() + " "
                                + l.clause().requirement().text()));
            }
        }
        return out;
    }
}
