package org.yunjian.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.yunjian.catalog.Phase;

/**
 * A plan stuck at the gate of its current phase (the first one still open): the phase cannot close, and either every
 * duty of it is finished — so it waits only on the customer's acceptance or on a {@link PhaseGateCondition} — or one
 * of its duties is past its due date. A phase whose work is simply under way, on time, is not stuck; nor is one whose
 * gate is clear (the customer only has to close it).
 *
 * @param stage the current phase
 * @param since when it became current: when the phase before it closed, or when the plan was created
 * @param gate  what the duties and the order of phases leave in the way (from {@link LifecyclePlan#gate})
 * @param unmet what the gate conditions of other parts leave in the way
 */
public record StuckPhase(
        LifecyclePlan.Stage stage, Instant since, LifecyclePlan.Gate gate, List<PhaseGateCondition.Unmet> unmet) {

    public StuckPhase {
        unmet = List.copyOf(unmet);
    }

    /**
     * Whether {@code plan} is stuck at its current phase on {@code today}. The plan needs its stages and the duties of
     * its current phase (others are not looked at). {@code conditions} gives the unmet gate conditions of a phase; it is
     * asked only when the duties alone do not settle the question (every duty finished, or one overdue).
     */
    public static Optional<StuckPhase> of(
            LifecyclePlan plan, LocalDate today, Function<Phase, List<PhaseGateCondition.Unmet>> conditions) {
        Optional<LifecyclePlan.Stage> current = plan.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        LifecyclePlan.Stage stage = current.get();
        List<PlanDuty> duties = plan.dutiesOf(stage.phase());
        boolean allFinished = duties.stream().allMatch(PlanDuty::finished);
        boolean anyOverdue = duties.stream().anyMatch(d -> d.overdue(today));
        if (!allFinished && !anyOverdue) {
            return Optional.empty();
        }
        LifecyclePlan.Gate gate = plan.gate(stage.phase());
        List<PhaseGateCondition.Unmet> unmet = conditions.apply(stage.phase());
        if (gate.clear() && unmet.isEmpty()) {
            return Optional.empty();
        }
        Instant since = plan.stages().stream()
                .filter(s -> s.position() < stage.position() && s.closed())
                .map(LifecyclePlan.Stage::closedAt)
                .max(Instant::compareTo)
                .orElse(plan.createdAt());
        return Optional.of(new StuckPhase(stage, since, gate, unmet));
    }

    /** Whether one of the phase's duties is overdue (else it waits only on acceptance or a gate condition). */
    public boolean overdue(LocalDate today) {
        return gate.unsettled().stream().anyMatch(d -> d.overdue(today));
    }
}
