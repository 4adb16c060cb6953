package org.yunjian.responsibility.internal.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.Agreement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.internal.EditInputs;
import org.yunjian.responsibility.internal.MatrixAccess;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.ResponsibilityService.Locked;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Many rows changed at once from an exchanged document — the OSCAL SSP ({@link SspService}) and the XLSX workbook
 * ({@link MatrixWorkbookImport}) — as one new draft version, all or nothing, under the same lock, access rules and
 * version storage as an edit ({@link ResponsibilityService}).
 */
@Service
@Transactional
public class MatrixImports {

    private static final String OBJECT = ResponsibilityService.OBJECT;

    private final ResponsibilityService matrices;
    private final EditInputs inputs;
    private final ApplicationEventPublisher events;

    MatrixImports(ResponsibilityService matrices, EditInputs inputs, ApplicationEventPublisher events) {
        this.matrices = matrices;
        this.inputs = inputs;
        this.events = events;
    }

    /**
     * Several rows (and the §5 contents of agreements) replaced at once from an exchanged document (the OSCAL SSP
     * import): a new draft version, all or nothing. {@code read} gets the locked current matrix and gives the
     * {@link Plan} (or throws naming its problems); rows it does not list stay as they are. A plan that changes nothing stores nothing (the
     * current version is returned, its approval untouched). The provider may change only its own parts and the
     * agreements it is party to, as in an edit; the customer any.
     *
     * @param source what was imported, for the change summary and the audit entry (a file name)
     */
    public Imported importRows(
            UUID systemId, String source, ExpectedVersion baseVersion, Function<ResponsibilityMatrix, Plan> read) {
        Locked l = matrices.lock(systemId);
        l.access().requireEditor();
        l.requireBase(baseVersion);
        ResponsibilityMatrix m = l.view().matrix();
        ResponsibilityMatrix changed = m;
        int differing = 0;
        Plan plan = read.apply(m);
        for (Agreement a : plan.agreements()) {
            if (m.agreement(a.name()).filter(a::equals).isPresent()) {
                continue;
            }
            if (!l.access().isCustomer() && !a.binds(l.access().system().providerId())) {
                throw new MatrixAccess.EditRefused(Msg.of("responsibility.denied.providerAgreement", a.name()));
            }
            Agreement kept;
            try { // JR/T 7.3, 7.4.3: the customer's permission to subcontract is the customer's to record
                kept = l.access().agreementAsRecorded(m.agreement(a.name()).orElse(null), a);
            } catch (MatrixAccess.EditRefused x) {
                events.publishEvent(AuditableEvent.denied(
                        "responsibility.ssp.import", OBJECT, l.info().id(), x.text()));
                throw x;
            }
            if (m.agreement(a.name()).filter(kept::equals).isPresent()) {
                continue;
            }
            differing++;
            changed = changed.withAgreement(kept);
        }
        for (var e : plan.rows().entrySet()) {
            MatrixRow row = m.row(e.getKey()).orElseThrow();
            l.access().requireMayChange(e.getKey().value(), row.assignments(), e.getValue());
            if (!row.assignments().equals(e.getValue())) {
                differing++;
            }
            changed = changed.withRow(row.withAssignments(e.getValue()));
        }
        if (differing == 0) { // the same allocation: no new version, the approval stays as it is
            events.publishEvent(AuditableEvent.success(
                    "responsibility.ssp.import",
                    OBJECT,
                    l.info().id(),
                    Msg.of(
                            "responsibility.audit.sspImportUnchanged",
                            source,
                            l.info().currentVersion())));
            return new Imported(l.view(), false);
        }
        MatrixView v = matrices.store(
                l,
                changed,
                l.view().document().participantsByOrganisation(),
                Msg.of("responsibility.change.sspImport", source, differing));
        events.publishEvent(AuditableEvent.success(
                "responsibility.ssp.import",
                OBJECT,
                l.info().id(),
                Msg.of(
                        "responsibility.audit.sspImport",
                        source,
                        differing,
                        v.version().version())));
        return new Imported(v, true);
    }

    /**
     * What a document asks to change: each listed duty's new assignments (rows it does not list stay as they are), and
     * the agreements it lists as it states them (an agreement stated as recorded changes nothing).
     */
    public record Plan(Map<RequirementId, List<Assignment>> rows, List<Agreement> agreements) {
        public Plan {
            rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
            agreements = List.copyOf(agreements);
        }
    }

    /** What an import left: the current version, and whether the import made it (false: nothing differed). */
    public record Imported(MatrixView view, boolean changed) {}

    /**
     * Delegation chains edited offline (the workbook) as ONE new draft version: rows still as exported on the
     * platform are applied, rows changed on both sides are conflicts (not applied). All or nothing: a row the caller
     * may not change, or whose values are refused, refuses the whole import ({@link ChainImport.RowsRefused}) and
     * nothing is stored. Audited as {@code responsibility.workbook.import} with the counts.
     */
    public ChainImport.Outcome importChains(UUID systemId, List<ChainImport.ChainEdit> edits) {
        Locked l = matrices.lock(
                systemId); // a three-way merge: rows changed on both sides are conflicts, never overwritten
        l.access().requireEditor();
        ResponsibilityMatrix m = l.view().matrix();
        ChainImport.Plan plan = ChainImport.plan(m, edits);
        List<ChainImport.Refusal> refused = new ArrayList<>();
        ResponsibilityMatrix changed = m;
        for (var e : plan.rows().entrySet()) {
            MatrixRow row = m.row(e.getKey()).orElseThrow();
            int sheetRow = plan.appliedByDuty().get(e.getKey()).get(0).sheetRow();
            try {
                List<Assignment> next = inputs.assignments(m, e.getValue());
                l.access().requireMayChange(row.duty().id().value(), row.assignments(), next);
                changed = changed.withRow(row.withAssignments(next));
            } catch (FieldErrors.ValidationException x) {
                x.messages().values().forEach(msg -> refused.add(new ChainImport.Refusal(sheetRow, msg)));
            } catch (MatrixAccess.EditRefused x) {
                refused.add(new ChainImport.Refusal(sheetRow, x.text()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ChainImport.RowsRefused(refused);
        }
        int applied = plan.applied();
        MatrixView v = applied == 0
                ? l.view()
                : matrices.store(
                        l,
                        changed,
                        l.view().document().participantsByOrganisation(),
                        Msg.of("responsibility.change.workbook", applied));
        events.publishEvent(AuditableEvent.success(
                "responsibility.workbook.import",
                OBJECT,
                l.info().id(),
                Msg.of(
                        "responsibility.audit.workbookImport",
                        applied,
                        plan.unchanged(),
                        plan.conflicts().size(),
                        v.version().version())));
        return new ChainImport.Outcome(v, applied > 0, applied, plan.unchanged(), plan.conflicts());
    }
}
