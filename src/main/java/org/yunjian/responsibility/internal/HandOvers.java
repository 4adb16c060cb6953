package org.yunjian.responsibility.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Agreement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RuleCheck;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAssignment;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.responsibility.internal.ResponsibilityService.Locked;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The hand-overs of implementation work T/CCIA 004-2024 §5 governs, and the agreements they go under: an agreement
 * recorded with what §5 asks it to state, the work of a duty handed on once more (refused beyond §5 b) 1)) or taken
 * back, the day a hand-over took place. Each is a new draft version under {@link ResponsibilityService}'s lock,
 * access rules and storage; whether the result follows §5 is {@link RuleCheck}'s to say.
 */
@Service
@Transactional
public class HandOvers {

    private final ResponsibilityService matrices;
    private final EditInputs inputs;
    private final RuleCheck ruleCheck;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    HandOvers(
            ResponsibilityService matrices,
            EditInputs inputs,
            RuleCheck ruleCheck,
            Catalog catalog,
            ApplicationEventPublisher events) {
        this.matrices = matrices;
        this.inputs = inputs;
        this.ruleCheck = ruleCheck;
        this.catalog = catalog;
        this.events = events;
    }

    /**
     * An agreement to record: name, the two organisations, its clauses; the signing date, the clauses stating the
     * provider's supervision and the accountability mechanism, and the day the customer permitted the subcontract
     * (each may be left out: the rule check then says what is missing). Only the customer (委托方) records that
     * permission (JR/T 7.3, 7.4.3): anyone else stating it is refused (403, audited as denied); leaving it out keeps
     * what the customer recorded.
     */
    public record AgreementInput(
            String name,
            UUID partyA,
            UUID partyB,
            List<String> clauses,
            LocalDate signedOn,
            String supervisionClause,
            String accountabilityClause,
            LocalDate customerConsentOn) {}

    /** An agreement between two participants recorded: a new draft version. */
    public MatrixView addAgreement(UUID systemId, AgreementInput in, ExpectedVersion baseVersion) {
        Locked l = matrices.lock(systemId);
        l.access().requireEditor();
        l.requireBase(baseVersion);
        ResponsibilityMatrix m = l.view().matrix();
        Agreement stated = inputs.agreement(m, in);
        if (!l.access().isCustomer() && !stated.binds(l.access().system().providerId())) {
            throw new MatrixAccess.EditRefused(Msg.of("responsibility.denied.providerAgreement", stated.name()));
        }
        Agreement a;
        try {
            a = l.access().agreementAsRecorded(m.agreement(stated.name()).orElse(null), stated);
        } catch (MatrixAccess.EditRefused x) { // JR/T 7.3: the 委托方's permission, refused to anyone else — audited
            events.publishEvent(AuditableEvent.denied(
                    "responsibility.agreement.add",
                    ResponsibilityService.OBJECT,
                    l.info().id(),
                    x.text()));
            throw x;
        }
        MatrixView v = matrices.store(
                l,
                m.withAgreement(a),
                l.view().document().participantsByOrganisation(),
                inputs.clauses(in.clauses()),
                a.name(),
                Msg.of("responsibility.change.agreement", a.name()));
        events.publishEvent(AuditableEvent.success(
                "responsibility.agreement.add",
                ResponsibilityService.OBJECT,
                l.info().id(),
                Msg.of("responsibility.audit.agreement", a.name(), v.version().version())));
        return v;
    }

    /**
     * The day the customer (委托方) permitted the provider to outsource or subcontract under a recorded agreement — JR/T
     * 7.3, 7.4.3 "受托方未经委托方许可，不得将云服务再进行外包、转包、分包": the customer's to record, on any agreement of
     * the matrix (the provider's with its partners included). A new draft version, audited; anyone else is refused
     * (403, audited as denied); 400 naming the field for an agreement the matrix does not have, no day or a day still
     * to come.
     */
    public MatrixView recordConsent(UUID systemId, String agreement, LocalDate day, ExpectedVersion baseVersion) {
        Locked l = matrices.lock(systemId);
        if (!l.access().isCustomer()) {
            MatrixAccess.EditRefused refused = new MatrixAccess.EditRefused(
                    Msg.of("responsibility.denied.consentCustomerOnly", agreement == null ? "" : agreement.strip()));
            events.publishEvent(AuditableEvent.denied(
                    "responsibility.agreement.consent",
                    ResponsibilityService.OBJECT,
                    l.info().id(),
                    refused.text()));
            throw refused;
        }
        l.requireBase(baseVersion);
        ResponsibilityMatrix m = l.view().matrix();
        FieldErrors errors = new FieldErrors();
        Agreement recorded = null;
        if (agreement == null || agreement.isBlank()) {
            errors.add("agreement", "responsibility.error.required");
        } else {
            recorded = m.agreement(agreement.strip()).orElse(null);
            if (recorded == null) {
                errors.add("agreement", "responsibility.error.unknownAgreement", agreement.strip());
            }
        }
        if (day == null) {
            errors.add("customerConsentOn", "responsibility.error.required");
        } else if (day.isAfter(matrices.today())) {
            errors.add("customerConsentOn", "responsibility.error.futureConsentDay", day.toString());
        }
        errors.throwIfAny();
        if (day.equals(recorded.customerConsentOn())) {
            return l.view();
        }
        MatrixView v = matrices.store(
                l,
                m.withAgreement(recorded.withCustomerConsentOn(day)),
                l.view().document().participantsByOrganisation(),
                Msg.of("responsibility.change.consent", recorded.name(), day.toString()));
        events.publishEvent(AuditableEvent.success(
                "responsibility.agreement.consent",
                ResponsibilityService.OBJECT,
                l.info().id(),
                Msg.of(
                        "responsibility.audit.consent",
                        recorded.name(),
                        day.toString(),
                        v.version().version())));
        return v;
    }

    /**
     * The work of one accountable party on a duty handed on once more, from its current implementing party to
     * {@code to} under an agreement's clause, on the hop's day (today where it names none); refused with §5 b) 1)
     * quoted when the chain would go beyond the limit.
     */
    public MatrixView handOn(
            UUID systemId, String dutyId, Accountable accountable, StoredHop hop, ExpectedVersion baseVersion) {
        Locked l = matrices.lock(systemId);
        l.access().requireEditor();
        l.requireBase(baseVersion);
        ResponsibilityMatrix m = l.view().matrix();
        MatrixRow row = inputs.row(m, dutyId);
        int i = inputs.indexOf(row, accountable);
        LocalDate day = hop.handedOverOn() == null ? matrices.today() : hop.handedOverOn();
        refuseFuture(day);
        List<StoredAssignment> stored = new ArrayList<>(
                row.assignments().stream().map(MatrixDocument::stored).toList());
        List<StoredHop> chain = new ArrayList<>(stored.get(i).chain());
        chain.add(new StoredHop(row.assignments().get(i).implementer(), hop.to(), hop.agreement(), hop.clause(), day));
        stored.set(i, new StoredAssignment(accountable.organisation(), accountable.role(), chain));
        List<Assignment> next = inputs.assignments(m, stored);
        ruleCheck.handOnRefusal(row.duty(), next.get(i), m.exceptions()).ifPresent(v -> {
            throw new HandOnRefused(v, catalog);
        });
        return matrices.changeRow(l, row, next);
    }

    /** The last hop of one accountable party's chain on a duty taken back. */
    public MatrixView withdraw(UUID systemId, String dutyId, Accountable accountable, ExpectedVersion baseVersion) {
        Locked l = matrices.lock(systemId);
        l.access().requireEditor();
        l.requireBase(baseVersion);
        MatrixRow row = inputs.row(l.view().matrix(), dutyId);
        int i = inputs.indexOf(row, accountable);
        Assignment a = row.assignments().get(i);
        if (!a.delegated()) {
            throw new ConflictException("responsibility-not-delegated", "responsibility.conflict.notDelegated");
        }
        List<Assignment> next = new ArrayList<>(row.assignments());
        next.set(
                i,
                new Assignment(a.accountable(), a.chain().subList(0, a.chain().size() - 1)));
        return matrices.changeRow(l, row, next);
    }

    /**
     * The day hop number {@code hop} (1 for the first) of one accountable party's chain on a duty was handed over —
     * what §5 b) 2) "实施工作转移至云服务合作者前需签署合同协议" checks the agreement's signing date against. A new draft
     * version; 400 naming the field for a hop the chain does not have, no day or a day still to come.
     */
    public MatrixView recordHandOverDay(
            UUID systemId,
            String dutyId,
            Accountable accountable,
            int hop,
            LocalDate day,
            ExpectedVersion baseVersion) {
        Locked l = matrices.lock(systemId);
        l.access().requireEditor();
        l.requireBase(baseVersion);
        MatrixRow row = inputs.row(l.view().matrix(), dutyId);
        int i = inputs.indexOf(row, accountable);
        Assignment a = row.assignments().get(i);
        if (hop < 1 || hop > a.chain().size()) {
            throw new FieldErrors.ValidationException(
                    "hop", "responsibility.error.noSuchHop", hop, a.chain().size());
        }
        if (day == null) {
            throw new FieldErrors.ValidationException("handedOverOn", "responsibility.error.required");
        }
        refuseFuture(day);
        List<org.yunjian.responsibility.Hop> chain = new ArrayList<>(a.chain());
        chain.set(hop - 1, chain.get(hop - 1).on(day));
        List<Assignment> next = new ArrayList<>(row.assignments());
        next.set(i, new Assignment(a.accountable(), chain));
        if (next.equals(row.assignments())) {
            return l.view();
        }
        return matrices.changeRow(l, row, next);
    }

    private void refuseFuture(LocalDate day) {
        if (day.isAfter(matrices.today())) {
            throw new FieldErrors.ValidationException("handedOverOn", "responsibility.error.futureDay", day.toString());
        }
    }
}
