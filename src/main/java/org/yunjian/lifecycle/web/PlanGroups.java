package org.yunjian.lifecycle.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.catalog.Phase;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PlanDuty;

/**
 * The plan page's duties in collapsible groups (issue 58): per phase, and within a phase per responsible organisation
 * (the party that holds the role the guide names), each with its counts. One phase opens by default — the one just
 * acted on, else the first open phase with duties of the reader still to settle, else the plan's current phase — and
 * within a phase the groups that still have duties to settle.
 */
record PlanGroups(
        Map<Phase, List<PlanDuty>> byPhase, Map<Phase, Counts> counts, Map<Phase, List<Group>> groups, Phase opened) {

    /** How many duties a group has, how many of them are finished (done or not applicable) and how many not. */
    record Counts(int total, int done, int open) {
        static Counts of(List<PlanDuty> duties) {
            int done = (int) duties.stream().filter(PlanDuty::finished).count();
            return new Counts(duties.size(), done, duties.size() - done);
        }
    }

    /** The duties of one responsible organisation within a phase; open while any is not yet settled. */
    record Group(UUID organisation, String name, List<PlanDuty> duties, Counts counts, boolean open) {}

    static PlanGroups of(LifecyclePlan plan, List<PlanDuty> visible, Map<UUID, String> names, String actedOn) {
        Map<Phase, List<PlanDuty>> byPhase = new EnumMap<>(Phase.class);
        Map<Phase, Counts> counts = new EnumMap<>(Phase.class);
        Map<Phase, List<Group>> groups = new EnumMap<>(Phase.class);
        Phase firstWithOpen = null;
        for (LifecyclePlan.Stage s : plan.stages()) {
            List<PlanDuty> duties =
                    visible.stream().filter(d -> d.phase() == s.phase()).toList();
            byPhase.put(s.phase(), duties);
            counts.put(s.phase(), Counts.of(duties));
            Map<UUID, List<PlanDuty>> byOrganisation = new LinkedHashMap<>();
            duties.forEach(d -> byOrganisation
                    .computeIfAbsent(d.organisation(), k -> new ArrayList<>())
                    .add(d));
            groups.put(
                    s.phase(),
                    byOrganisation.entrySet().stream()
                            .map(e -> new Group(
                                    e.getKey(),
                                    names.getOrDefault(e.getKey(), ""),
                                    List.copyOf(e.getValue()),
                                    Counts.of(e.getValue()),
                                    e.getValue().stream().anyMatch(d -> !d.settled())))
                            .toList());
            if (firstWithOpen == null && !s.closed() && duties.stream().anyMatch(d -> !d.settled())) {
                firstWithOpen = s.phase();
            }
        }
        Phase opened = actedOn(plan, actedOn);
        if (opened == null) {
            opened = firstWithOpen != null
                    ? firstWithOpen
                    : plan.current().map(LifecyclePlan.Stage::phase).orElse(null);
        }
        return new PlanGroups(byPhase, counts, groups, opened);
    }

    private static Phase actedOn(LifecyclePlan plan, String phase) {
        return phase == null
                ? null
                : plan.stages().stream()
                        .map(LifecyclePlan.Stage::phase)
                        .filter(p -> p.name().equals(phase))
                        .findFirst()
                        .orElse(null);
    }
}
