package org.yunjian.lifecycle.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.RequirementId;
import org.yunjian.exitproject.ExitProjects;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.shared.Msg;

/**
 * The exit phase of a plan is worked in the system's exit project: it closes only once an exit project of the system
 * is finished — hand-over verified, data deleted, deletion certificate issued (GB/T 31167 9.1 6.). The quote names
 * its clause after the standard's short name as {@link ClauseLabel#cited} does (the plan is of a sector guide).
 */
@Component
class ExitProjectGate implements PhaseGateCondition {

    static final RequirementId SOURCE = RequirementId.of("GBT31167-9.1-f");

    private final ExitProjects projects;
    private final Catalog catalog;

    ExitProjectGate(ExitProjects projects, Catalog catalog) {
        this.projects = projects;
        this.catalog = catalog;
    }

    @Override
    public List<Unmet> unmet(UUID systemId, Phase phase) {
        if (phase != Phase.EXIT || projects.ofSystem(systemId).stream().anyMatch(ExitProjects.Summary::finished)) {
            return List.of();
        }
        String source = catalog.requirement(SOURCE)
                .map(r -> ClauseLabel.cited(r).text() + " " + r.text())
                .orElse(null);
        return List.of(new Unmet(Msg.of("lifecycle.gate.exitProject"), source));
    }
}
