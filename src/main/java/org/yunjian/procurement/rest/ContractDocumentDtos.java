package org.yunjian.procurement.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Requirement;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.procurement.NeedsAnalysis;
import org.yunjian.procurement.ProviderSelection;
import org.yunjian.procurement.SelectionCriterion;
import org.yunjian.procurement.internal.ContractDocxExport;
import org.yunjian.procurement.internal.ContractReviewService;
import org.yunjian.procurement.internal.NeedsService;
import org.yunjian.procurement.internal.SelectionService;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.Versioned;

/** Request and response bodies of the acquisition documents' REST API; enum codes come with their display names. */
final class ContractDocumentDtos {

    private ContractDocumentDtos() {}

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static ResponseEntity<byte[]> docx(ContractDocxExport e) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, e.name().contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .body(e.content());
    }

    static ResponseEntity<byte[]> file(SelectionService.Opened o) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(o.sealed().servedName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SM3", o.sealed().sm3())
                .contentType(MediaType.parseMediaType(o.sealed().contentType()))
                .body(o.content());
    }

    /** A code with its display name in the request's language. */
    record Coded(String code, String label) {
        static Coded of(Enum<?> e) {
            return e == null ? null : new Coded(e.name(), Msg.of(e).text());
        }
    }

    /** A requirement quoted: id, clause reference, the standard's words and the text in the reader's language. */
    record Quote(String id, String clause, String original, String text) {
        static Quote of(Requirement r) {
            return new Quote(r.id().value(), ClauseLabel.text(r), r.text(), r.textIn(Texts.locale()));
        }
    }

    // --- needs

    /** Its version (the {@code ETag}) is the saved analysis's, 0 while none is saved. */
    record NeedsResponse(UUID system, boolean editable, NeedsBody analysis, List<Quote> planningDuties)
            implements Versioned {
        @Override
        public long version() {
            return analysis == null ? 0 : analysis.version();
        }

        static NeedsResponse of(NeedsService.View v) {
            return new NeedsResponse(
                    v.system().id(),
                    v.access().isCustomer(),
                    v.analysis().map(NeedsBody::of).orElse(null),
                    v.planningDuties().stream().map(Quote::of).toList());
        }
    }

    record NeedsBody(
            List<Item> inventory,
            Coded decision,
            String reasons,
            String compute,
            String storage,
            String bandwidth,
            String availability,
            String security,
            List<String> citedDuties,
            String updatedBy,
            Instant updatedAt,
            long version) {
        static NeedsBody of(NeedsAnalysis a) {
            return new NeedsBody(
                    a.inventory().stream()
                            .map(i -> new Item(
                                    i.name(),
                                    i.address(),
                                    Coded.of(i.classification()),
                                    Coded.of(i.sensitivity()),
                                    i.users()))
                            .toList(),
                    Coded.of(a.decision()),
                    a.reasons(),
                    a.compute(),
                    a.storage(),
                    a.bandwidth(),
                    a.availability(),
                    a.security(),
                    a.citedDuties().stream().map(d -> d.value()).toList(),
                    a.updatedBy(),
                    a.updatedAt(),
                    a.version());
        }
    }

    @Schema(name = "NeedsInventoryItem")
    record Item(String name, String address, Coded classification, Coded sensitivity, String users) {}

    // --- selection

    record CandidateRequest(String organisation, String name) {}

    /** A judgement, over the selection's version read (or If-Match). */
    record JudgementRequest(String judgement, String note, Long version) {}

    /** The decision, over the selection's version read (or If-Match). */
    record SelectionDecisionRequest(String candidate, String reasons, Long version) {}

    /** @param version the selection's version (one for the whole selection), named by a change */
    record SelectionResponse(
            UUID system,
            boolean editable,
            List<CriterionBody> criteria,
            List<CandidateBody> candidates,
            DecisionBody decision,
            long version) {
        static SelectionResponse of(SelectionService.View v) {
            ProviderSelection s = v.selection();
            return new SelectionResponse(
                    v.system().id(),
                    v.access().isCustomer(),
                    v.criteria().stream().map(CriterionBody::of).toList(),
                    s.candidates().stream().map(c -> CandidateBody.of(c, v)).toList(),
                    s.decision() == null
                            ? null
                            : new DecisionBody(
                                    s.decision().candidate(),
                                    v.selected()
                                            .map(ProviderSelection.Candidate::name)
                                            .orElse(null),
                                    s.decision().reasons(),
                                    s.decision().decidedBy(),
                                    s.decision().decidedAt()),
                    v.version());
        }
    }

    record CriterionBody(Quote criterion, boolean derived, String derivedFrom, Coded obligation) {
        static CriterionBody of(SelectionCriterion k) {
            return new CriterionBody(
                    Quote.of(k.requirement()),
                    k.derived(),
                    k.derived() ? k.requirement().clause() : null,
                    Coded.of(k.obligation()));
        }
    }

    record CandidateBody(UUID id, UUID organisation, String name, List<JudgementBody> judgements) {
        static CandidateBody of(ProviderSelection.Candidate c, SelectionService.View v) {
            return new CandidateBody(
                    c.id(),
                    c.organisation(),
                    c.name(),
                    v.criteria().stream()
                            .map(k -> new JudgementBody(
                                    k.id().value(),
                                    Coded.of(v.selection().judgement(c.id(), k.id())),
                                    v.selection()
                                            .recorded(c.id(), k.id())
                                            .map(ProviderSelection.CandidateJudgement::note)
                                            .orElse(null),
                                    v.evidence(c.id(), k.id()).stream()
                                            .map(e -> new EvidenceBody(
                                                    e.sealed().id(),
                                                    e.sealed().displayName(),
                                                    e.sealed().typeName().text(),
                                                    e.sealed().size(),
                                                    e.sealed().sm3(),
                                                    e.uploadedAt()))
                                            .toList()))
                            .toList());
        }
    }

    record JudgementBody(String criterion, Coded judgement, String note, List<EvidenceBody> evidence) {}

    record EvidenceBody(UUID id, String name, String type, long size, String sm3, Instant uploadedAt) {}

    record DecisionBody(UUID candidate, String candidateName, String reasons, String decidedBy, Instant decidedAt) {}

    // --- contract review

    /** {@code version}: the clause review's version read, 0 for a clause not reviewed yet (or If-Match). */
    record MarkRequest(
            String status,
            String reference,
            String note,
            Long version,

            @Schema(description = "NDA clause: its first valid day (ISO date), needed for JR/T 6.3.4/6.4.4")
            String validFrom,

            @Schema(description = "an NDA clause: last day of the NDA's validity (ISO date)")
            String validUntil) {}

    record ReviewResponse(
            UUID system, boolean editable, List<ClauseBody> clauses, boolean gateClear, List<UnmetBody> unmet) {
        static ReviewResponse of(ContractReviewService.Review r) {
            return new ReviewResponse(
                    r.system().id(),
                    r.access().isCustomer(),
                    r.lines().stream().map(l -> ClauseBody.of(l)).toList(),
                    r.unmet().isEmpty(),
                    r.unmet().stream().map(UnmetBody::of).toList());
        }
    }

    /** One clause and its review; its version (the {@code ETag} of its GET) is the review's, 0 while not reviewed. */
    record ClauseBody(
            Quote clause,
            String leadIn,
            Coded document,
            Coded obligation,
            Coded status,
            String reference,
            String note,
            String reviewedBy,
            Instant reviewedAt,
            long version,
            boolean asksForValidity,
            java.time.LocalDate validFrom,
            java.time.LocalDate validUntil)
            implements Versioned {
        static ClauseBody of(ContractReviewService.Line l) {
            return new ClauseBody(
                    Quote.of(l.clause().requirement()),
                    l.clause().leadIn(),
                    Coded.of(l.clause().document()),
                    Coded.of(l.clause().obligation()),
                    Coded.of(l.status()),
                    l.review().reference(),
                    l.review().note(),
                    l.review().reviewedBy(),
                    l.review().reviewedAt(),
                    l.review().version(),
                    l.clause().asksForValidity(),
                    l.review().validFrom(),
                    l.review().validUntil());
        }
    }

    record UnmetBody(String what, String source) {
        static UnmetBody of(PhaseGateCondition.Unmet u) {
            return new UnmetBody(u.what().text(), u.source());
        }
    }
}
