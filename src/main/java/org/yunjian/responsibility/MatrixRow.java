package org.yunjian.responsibility;

import java.util.List;
import java.util.Objects;
import org.yunjian.catalog.PartyRole;
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

    /** A bare lead-in over its sub-items: shown as a heading, not a duty (never applicable, never assigned). */
    public boolean heading() {
        return duty.heading();
    }

    public boolean applicable() {
        return notApplicable == null;
    }

    /** Whether any part of this row is answered for, implemented or handed on by {@code organisation}. */
    public boolean names(java.util.UUID organisation) {
        return assignments.stream().anyMatch(a -> a.names(organisation));
    }

    /**
     * Whether the customer can inherit the duty: yes when every accountable party answers on the provider side
     * (provider or partner), partial when the customer answers for a part, no when only the customer does; empty
     * when the duty does not apply or nobody answers for it yet.
     */
    public java.util.Optional<Inheritance> inheritance() {
        if (!applicable() || assignments.isEmpty()) {
            return java.util.Optional.empty();
        }
        long customer = assignments.stream()
                .filter(a -> a.accountable().role() == PartyRole.CUSTOMER)
                .count();
        return java.util.Optional.of(
                customer == 0
                        ? Inheritance.YES
                        : customer == assignments.size() ? Inheritance.NO : Inheritance.PARTIAL);
    }

    public MatrixRow withAssignments(List<Assignment> next) {
        return new MatrixRow(duty, next, null);
    }
}
