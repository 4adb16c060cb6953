package org.yunjian.responsibility.internal.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.internal.MatrixDocument;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAssignment;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.Msg;

/**
 * Delegation chains edited offline, merged into the current matrix: a row changed in the workbook is applied when
 * the platform's row is still as exported (same fingerprint); when the platform's row changed too, it is a
 * conflict, listed and not applied. Rows the workbook leaves as exported are unchanged.
 */
public final class ChainImport {

    private ChainImport() {}

    /**
     * One workbook row: an accountable party's delegation chain as edited, with the fingerprint of the chain as it
     * was exported ({@link Assignment#fingerprint()}).
     *
     * @param sheetRow the row in the sheet (1-based, as the spreadsheet shows it)
     */
    public record ChainEdit(
            int sheetRow,
            RequirementId duty,
            Accountable accountable,
            List<StoredHop> chain,
            String exportedFingerprint) {
        public ChainEdit {
            chain = List.copyOf(chain);
        }

        Assignment requested() {
            return MatrixDocument.assignment(
                    new StoredAssignment(accountable.organisation(), accountable.role(), chain));
        }
    }

    /** A row whose change may not be stored, with the reason. */
    public record Refusal(int sheetRow, Msg message) {}

    /** Rows the caller may not change or whose values the platform refuses; nothing was stored. */
    public static final class RowsRefused extends RuntimeException {
        private final List<Refusal> refusals;

        RowsRefused(List<Refusal> refusals) {
            super("rows-refused " + refusals.size());
            this.refusals = List.copyOf(refusals);
        }

        public List<Refusal> refusals() {
            return refusals;
        }
    }

    /** What an import did; {@code view} is the new version, or the current one when nothing was applied. */
    public record Outcome(MatrixView view, boolean stored, int applied, int unchanged, List<ChainEdit> conflicts) {}

    /** The edits split into applied (grouped by duty, as the rows' next assignments), unchanged and conflicts. */
    record Plan(
            Map<RequirementId, List<StoredAssignment>> rows,
            Map<RequirementId, List<ChainEdit>> appliedByDuty,
            int unchanged,
            List<ChainEdit> conflicts) {

        int applied() {
            return appliedByDuty.values().stream().mapToInt(List::size).sum();
        }
    }

    static Plan plan(ResponsibilityMatrix m, List<ChainEdit> edits) {
        Map<RequirementId, List<StoredAssignment>> rows = new LinkedHashMap<>();
        Map<RequirementId, List<ChainEdit>> applied = new LinkedHashMap<>();
        List<ChainEdit> conflicts = new ArrayList<>();
        int unchanged = 0;
        for (ChainEdit e : edits) {
            Optional<MatrixRow> row = m.row(e.duty()).filter(MatrixRow::applicable);
            Optional<Assignment> current = row.flatMap(r -> r.assignments().stream()
                    .filter(a -> a.accountable().equals(e.accountable()))
                    .findFirst());
            String wanted = e.requested().fingerprint();
            if (wanted.equals(e.exportedFingerprint())
                    || current.isPresent() && current.get().fingerprint().equals(wanted)) {
                unchanged++;
            } else if (current.isEmpty() || !current.get().fingerprint().equals(e.exportedFingerprint())) {
                conflicts.add(e);
            } else {
                List<StoredAssignment> next = rows.computeIfAbsent(
                        e.duty(),
                        k -> new ArrayList<>(row.get().assignments().stream()
                                .map(MatrixDocument::stored)
                                .toList()));
                for (int i = 0; i < next.size(); i++) {
                    StoredAssignment a = next.get(i);
                    if (a.organisation().equals(e.accountable().organisation())
                            && a.role() == e.accountable().role()) {
                        next.set(i, new StoredAssignment(a.organisation(), a.role(), e.chain()));
                    }
                }
                applied.computeIfAbsent(e.duty(), k -> new ArrayList<>()).add(e);
            }
        }
        return new Plan(rows, applied, unchanged, conflicts);
    }
}
