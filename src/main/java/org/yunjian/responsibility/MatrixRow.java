package org.yunjian.responsibility;

import java.util.List;
import java.util.Objects;

import org.yunjian.shared.Msg;

/**
 * A duty with its accountable parties and implementing parties on one system, or the reason it does not apply
 * there.
 *
 * @param notApplicable why the duty does not apply to the system (e.g. a PaaS-only item on an IaaS system), or
 *                      null when it applies
 */
public record MatrixRow(Duty duty, List<Assignment> assignments, Msg notApplicable) {

    public MatrixRow {
        Objects.requireNonNull(duty, "duty");
        assignments = List.copyOf(assignments);
        if (notApplicable != null && !assignments.isEmpty()) {
            throw new IllegalArgumentException(duty.id() + ": notApplicable && assignments");
        }
    }

    public boolean applicable() {
        return notApplicable == null;
    }

    /** Whether any part of this row is answered for, implemented or handed on by {@code organisation}. */
    public boolean names(java.util.UUID organisation) {
        return assignments.stream().anyMatch(a -> a.names(organisation));
    }

    public MatrixRow withAssignments(List<Assignment> next) {
        return new MatrixRow(duty, next, null);
    }
}
