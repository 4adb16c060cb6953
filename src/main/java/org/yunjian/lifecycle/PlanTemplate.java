package org.yunjian.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.Standard;
import org.yunjian.party.Industry;
import org.yunjian.shared.Msg;

/**
 * What a lifecycle plan of a cloud system is made of, read from the catalog and nothing else: the sector guide for
 * the system's industry, its phases in the guide's own terms and order (government website: 规划准备 → 部署迁移 →
 * 运行管理 → 退出服务; securities and futures: 规划准备 → 服务获取 → 运行监督 → 服务退出), and in each phase the
 * guide's duties that apply under the system's deployment model — every requirement item, including the duties the
 * guide states in a section's lead-in (the catalog's {@code derivedFromLeadIn} items), but not the items that state
 * no duty (the government-website guide's 5.2.1 risk descriptions and 5.3 role definitions: nobody can complete or
 * accept "系统不一致。……存在漏迁、错迁的风险。"; the risks go to the migration plan's risk register). A duty the guide
 * gives for every phase is listed once, as applying {@link #throughout()}.
 *
 * @param standard   the sector guide
 * @param model      the deployment model the duties were restricted to, or null (hybrid or not given: all of them)
 * @param stages     the guide's phases, each with its duties in the guide's order
 * @param throughout duties of every phase
 */
public record PlanTemplate(
        Standard standard, DeploymentModel model, List<Stage> stages, List<RequirementId> throughout) {

    public PlanTemplate {
        stages = List.copyOf(stages);
        throughout = List.copyOf(throughout);
    }

    /**
     * One phase of the plan.
     *
     * @param term   the guide's own name of the phase (规划准备, 服务获取, …)
     * @param phase  the normalised phase it is (the last one, {@link Phase#EXIT}, is the exit project)
     * @param duties the phase's duties
     */
    public record Stage(String term, Phase phase, List<RequirementId> duties) {
        public Stage {
            duties = List.copyOf(duties);
        }

        /** The phase for a reader: the guide's own term in Chinese, the phase's name in English. */
        public Msg name() {
            return name(term, phase);
        }

        static Msg name(String term, Phase phase) {
            return Msg.of("lifecycle.phase.term", term, Msg.of(phase));
        }
    }

    /**
     * The template for a system of {@code industry} deployed as {@code deployment} (or
     * null); empty for an industry no sector guide is written for.
     */
    public static Optional<PlanTemplate> of(Catalog catalog, Industry industry, DeploymentModel deployment) {
        if (industry == null) {
            return Optional.empty();
        }
        Optional<Standard> guide = industry.sectorStandard().flatMap(catalog::standard);
        if (guide.isEmpty()) {
            return Optional.empty();
        }
        DeploymentModel model = DeploymentModel.restrictionOf(deployment).orElse(null);
        List<Requirement> duties = applying(catalog, guide.get(), model)
                .filter(Requirement::isDuty)
                .toList();
        List<Stage> stages = new ArrayList<>();
        Set<Phase> all = new LinkedHashSet<>();
        for (Standard.PhaseTerm term : guide.get().phaseTerms()) {
            all.addAll(term.phases());
        }
        List<RequirementId> throughout = duties.stream()
                .filter(r -> r.phases().containsAll(all))
                .map(Requirement::id)
                .toList();
        for (Standard.PhaseTerm term : guide.get().phaseTerms()) {
            for (Phase phase : term.phases()) {
                stages.add(new Stage(
                        term.term(),
                        phase,
                        duties.stream()
                                .filter(r -> r.phases().contains(phase)
                                        && !r.phases().containsAll(all))
                                .map(Requirement::id)
                                .toList()));
            }
        }
        return Optional.of(new PlanTemplate(guide.get(), model, stages, throughout));
    }

    /**
     * The risks the sector guide of {@code industry} names for a system deployed as {@code deployment} (the
     * government-website guide's 5.2.1 a)–g)), in the guide's order: the migration plan's risk register, not duties.
     */
    public static List<Requirement> risks(Catalog catalog, Industry industry, DeploymentModel deployment) {
        Optional<Standard> guide =
                industry == null ? Optional.empty() : industry.sectorStandard().flatMap(catalog::standard);
        return guide.map(g -> applying(
                                catalog,
                                g,
                                DeploymentModel.restrictionOf(deployment).orElse(null))
                        .filter(r -> r.kind() == org.yunjian.catalog.RequirementKind.ITEM
                                && r.nature() == org.yunjian.catalog.ItemNature.RISK)
                        .toList())
                .orElse(List.of());
    }

    private static java.util.stream.Stream<Requirement> applying(
            Catalog catalog, Standard guide, DeploymentModel model) {
        return catalog.requirements(guide.code()).stream().filter(r -> model == null || r.appliesTo(model));
    }

    /** The stage of {@code phase}, if the guide has it. */
    public Optional<Stage> stage(Phase phase) {
        return stages.stream().filter(s -> s.phase() == phase).findFirst();
    }

    /** Every duty of the plan, once. */
    public Set<RequirementId> duties() {
        Set<RequirementId> out = new LinkedHashSet<>(throughout);
        stages.forEach(s -> out.addAll(s.duties()));
        return out;
    }
}
