package org.yunjian.responsibility.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.PartyRole;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.VersionStatus;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAssignment;
import org.yunjian.responsibility.internal.MatrixDocument.StoredParticipant;
import org.yunjian.responsibility.internal.MatrixRepository.VersionRow;
import org.yunjian.responsibility.internal.ViolationResponse;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versions;

/** Request and response bodies of the responsibility REST API; texts are rendered in the request's language. */
final class Dtos {

    private Dtos() {}

    /**
     * The version of the matrix an update replaces: the {@code If-Match} header, else the body's {@code baseVersion}
     * (optimistic locking; none named is a 428 once the caller may change the matrix).
     */
    static ExpectedVersion base(String ifMatch, Integer baseVersion) {
        return ExpectedVersion.of(ifMatch, baseVersion == null ? null : baseVersion.longValue());
    }

    /** The matrix with its current version as the {@code ETag}, the value an update names in {@code If-Match}. */
    static ResponseEntity<MatrixResponse> tagged(int status, MatrixView v) {
        return ResponseEntity.status(status)
                .eTag(Versions.etag(v.info().currentVersion()))
                .body(MatrixResponse.of(v));
    }

    static ResponseEntity<MatrixResponse> tagged(MatrixView v) {
        return tagged(200, v);
    }

    record RowRequest(Integer baseVersion, List<StoredAssignment> assignments) {}

    /**
     * One more hop of the work of the accountable party {@code organisation} in {@code role}, handed over on
     * {@code handedOverOn} (today where none is sent).
     */
    record HopRequest(
            Integer baseVersion,
            UUID organisation,
            PartyRole role,
            UUID to,
            String agreement,
            String clause,
            java.time.LocalDate handedOverOn) {}

    /**
     * An agreement to record; {@code signedOn}, {@code supervisionClause}, {@code accountabilityClause} and
     * {@code customerConsentOn} are what T/CCIA 004-2024 §5 a) 3), b) 2), c) and JR/T 7.3 / 7.4.3 ask of an agreement
     * work is handed on under (the rule check reports those missing).
     */
    record AgreementRequest(
            Integer baseVersion,
            String name,
            UUID partyA,
            UUID partyB,
            List<String> clauses,
            java.time.LocalDate signedOn,
            String supervisionClause,
            String accountabilityClause,
            java.time.LocalDate customerConsentOn) {}

    /** The client's permission to subcontract under a recorded agreement (JR/T 7.3, 7.4.3): the agreement, the day. */
    record ConsentRequest(Integer baseVersion, String agreement, java.time.LocalDate customerConsentOn) {}

    /** An exception to a "原则上" rule of §5 to approve (customer): the check, the duty (5 b) 1) only), why. */
    record ExceptionRequest(
            Integer baseVersion,
            org.yunjian.responsibility.Check check,
            String duty,
            UUID organisation,
            String reason) {}

    record SignOffRequest(Integer baseVersion, SignOffSide side) {}

    /** An applicability question answered: true, false, or null to withdraw the answer. */
    record AnswerRequest(Integer baseVersion, Boolean answer) {}

    /**
     * An applicability question of the matrix: the condition the standard puts on a duty, quoted, the duty (with its
     * sub-items) it opens, and this version's answer (null: not answered; the duties apply, except those of
     * {@code SYSTEM_IS_CII}, T/CCIA 7.1.2 b) 2), which apply only once answered true).
     */
    record QuestionResponse(String question, String text, String duty, String condition, Boolean answer) {
        static List<QuestionResponse> of(org.yunjian.responsibility.ResponsibilityMatrix m) {
            return java.util.Arrays.stream(org.yunjian.responsibility.ApplicabilityQuestion.values())
                    .map(q -> new QuestionResponse(
                            q.name(),
                            q.text().text(),
                            q.duty().value(),
                            q.condition(),
                            m.answers().get(q)))
                    .toList();
        }
    }

    record VersionResponse(
            int version,
            VersionStatus status,
            String statusLabel,
            String change,
            String createdBy,
            Instant createdAt,
            Instant approvedAt) {
        static VersionResponse of(VersionRow v) {
            return new VersionResponse(
                    v.version(),
                    v.status(),
                    Msg.of(v.status()).text(),
                    Msg.decode(v.changeSummary()).text(),
                    v.createdBy(),
                    v.createdAt(),
                    v.approvedAt());
        }
    }

    record SignOffResponse(SignOffSide side, String sideLabel, String signedBy, UUID signedOrg, Instant signedAt) {}

    record HopResponse(UUID from, UUID to, String agreement, String clause, java.time.LocalDate handedOverOn) {}

    record AssignmentResponse(UUID organisation, PartyRole role, UUID implementer, int depth, List<HopResponse> chain) {
        static AssignmentResponse of(Assignment a) {
            return new AssignmentResponse(
                    a.accountable().organisation(),
                    a.accountable().role(),
                    a.implementer(),
                    a.depth(),
                    a.chain().stream()
                            .map(h -> new HopResponse(h.from(), h.to(), h.agreement(), h.clause(), h.handedOverOn()))
                            .toList());
        }
    }

    /** @param heading a bare lead-in over its sub-items ("客户应："), not a duty: never applicable, never assigned */
    record RowResponse(
            String duty,
            String parent,
            String clause,
            String layer,
            List<PartyRole> roles,
            boolean applicable,
            String notApplicable,
            List<AssignmentResponse> assignments,
            boolean heading) {
        static RowResponse of(MatrixRow r) {
            return new RowResponse(
                    r.duty().id().value(),
                    r.duty().parent() == null ? null : r.duty().parent().value(),
                    r.duty().clause(),
                    r.duty().layer() == null ? null : r.duty().layer().name(),
                    r.duty().roles().stream().sorted().toList(),
                    r.applicable(),
                    r.applicable() ? null : r.notApplicable().text(),
                    r.assignments().stream().map(AssignmentResponse::of).toList(),
                    r.heading());
        }
    }

    record AgreementResponse(
            String name,
            UUID partyA,
            UUID partyB,
            List<String> clauses,
            java.time.LocalDate signedOn,
            String supervisionClause,
            String accountabilityClause,
            java.time.LocalDate customerConsentOn) {}

    /** An approved exception to a "原则上" rule of §5: which finding, why, who approved it and when. */
    record ExceptionResponse(
            String check,
            String checkLabel,
            String duty,
            UUID organisation,
            String reason,
            String approvedBy,
            Instant approvedAt) {
        static ExceptionResponse of(org.yunjian.responsibility.RuleException e) {
            return new ExceptionResponse(
                    e.check().name(),
                    e.check().text().text(),
                    e.dutyId().map(d -> d.value()).orElse(null),
                    e.organisation(),
                    e.reason(),
                    e.approvedBy(),
                    e.approvedAt());
        }
    }

    record MatrixResponse(
            UUID id,
            UUID systemId,
            int version,
            int currentVersion,
            VersionResponse details,
            List<SignOffResponse> signOffs,
            List<StoredParticipant> participants,
            List<AgreementResponse> agreements,
            List<ExceptionResponse> exceptions,
            List<RowResponse> rows,
            List<QuestionResponse> questions) {
        static MatrixResponse of(MatrixView v) {
            return new MatrixResponse(
                    v.info().id(),
                    v.info().systemId(),
                    v.version().version(),
                    v.info().currentVersion(),
                    VersionResponse.of(v.version()),
                    v.signOffs().values().stream()
                            .map(s -> new SignOffResponse(
                                    s.side(), Msg.of(s.side()).text(), s.signedBy(), s.signedOrg(), s.signedAt()))
                            .toList(),
                    v.document().participants(),
                    v.document().agreements().stream()
                            .map(a -> new AgreementResponse(
                                    a.name(),
                                    a.partyA(),
                                    a.partyB(),
                                    a.clauses(),
                                    a.signedOn(),
                                    a.supervisionClause(),
                                    a.accountabilityClause(),
                                    a.customerConsentOn()))
                            .toList(),
                    v.matrix().exceptions().stream().map(ExceptionResponse::of).toList(),
                    v.matrix().rows().stream().map(RowResponse::of).toList(),
                    QuestionResponse.of(v.matrix()));
        }
    }

    /**
     * A broken §5 rule: the check, the catalog item that states the rule ({@code TCCIA004-5-b-1}, shown as
     * {@code 5 b) 1)}), the rule's text as the standard words it (and its English rendering where the request is in
     * English), the duty and organisation concerned, and what is wrong.
     */
    /**
     * The check's outcome: the violations, and the findings an approved exception to a "原则上" rule covers
     * ({@code excepted}: each finding with its exception), which do not stand in the way of approval.
     */
    record CheckResponse(
            int version, boolean approvable, List<ViolationResponse> violations, List<ExceptedResponse> excepted) {}

    record ExceptedResponse(ViolationResponse finding, ExceptionResponse exception) {
        static ExceptedResponse of(org.yunjian.responsibility.RuleCheck.Excepted e, Catalog catalog) {
            return new ExceptedResponse(
                    ViolationResponse.of(e.finding(), catalog), ExceptionResponse.of(e.exception()));
        }
    }
}
