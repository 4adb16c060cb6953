package org.yunjian.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.CloudSystem;

/**
 * A criterion candidate providers are compared against, quoted from the sector guide of the system's industry (the
 * catalog's text, verbatim). Most are the guides' own provider-selection items (政府网站指南 6.5 a) 云服务商选择; JR/T
 * 6.1 服务获取通用要求 and the 托管安全要求 of the system's deployment model, 6.3.1 行业云 / 6.4.1 公共云, with 4.3.2 a) 2)
 * 从已通过安全评估的受托方中选择); a few are <em>derived</em>: a provider's duty the guide states for another phase,
 * read as something to check before choosing (the guide's 6.2.2 a) 逐步通过政务云审查 and b) 等级保护要求; JR/T
 * 7.4.3 a) 2) 通过网络安全等级保护测评 and a) 14) 对雇员进行背景审查), shown with the clause it is derived from.
 *
 * @param requirement the catalog item quoted
 * @param derived     whether the item is read as a selection criterion rather than stated as one
 * @param obligation  mandatory or recommended, from the wording of the item or its lead-in ({@link ObligationLevel#of})
 */
public record SelectionCriterion(Requirement requirement, boolean derived, ObligationLevel obligation) {

    /** The guides' selection items and derived criteria, in the order shown; ids missing from the catalog are skipped. */
    private static final List<Entry> ENTRIES = List.of(
            new Entry("GOVWEB-6.5-a-1", false),
            new Entry("GOVWEB-6.5-a-2", false),
            new Entry("GOVWEB-6.5-a-3", false),
            new Entry("GOVWEB-6.5-a-4", false),
            new Entry("GOVWEB-6.2.2-a", true),
            new Entry("GOVWEB-6.2.2-b", true),
            new Entry("JRT-SF-4.3.2-1-2", false),
            new Entry("JRT-SF-6.1-2", false),
            new Entry("JRT-SF-6.1-3", false),
            new Entry("JRT-SF-6.1-4-1", false),
            new Entry("JRT-SF-6.1-4-2", false),
            new Entry("JRT-SF-6.1-4-3", false),
            new Entry("JRT-SF-6.1-4-4", false),
            new Entry("JRT-SF-6.1-4-5", false),
            new Entry("JRT-SF-6.1-4-6", false),
            new Entry("JRT-SF-6.1-4-7", false),
            new Entry("JRT-SF-6.1-4-8", false),
            new Entry("JRT-SF-6.3.1-1", false),
            new Entry("JRT-SF-6.3.1-2", false),
            new Entry("JRT-SF-6.3.1-3", false),
            new Entry("JRT-SF-6.3.1-4", false),
            new Entry("JRT-SF-6.3.1-5", false),
            new Entry("JRT-SF-6.4.1-1", false),
            new Entry("JRT-SF-6.4.1-2", false),
            new Entry("JRT-SF-6.4.1-3", false),
            new Entry("JRT-SF-6.4.1-4", false),
            new Entry("JRT-SF-6.4.1-5", false),
            new Entry("JRT-SF-7.4.3-1-2", true),
            new Entry("JRT-SF-7.4.3-1-14", true));

    private record Entry(String id, boolean derived) {}

    public RequirementId id() {
        return requirement.id();
    }

    /**
     * The criteria for {@code system}: only its sector guide's (none for an industry without one), restricted to its
     * deployment model as the guide's subsections are (a hybrid system, or one without a model, gets all of them).
     */
    public static List<SelectionCriterion> forSystem(Catalog catalog, CloudSystem system) {
        Optional<String> guide =
                system.industry() == null ? Optional.empty() : system.industry().sectorStandard();
        if (guide.isEmpty()) {
            return List.of();
        }
        DeploymentModel model = system.deploymentModel() == null
                ? null
                : DeploymentModel.restrictionOf(system.deploymentModel()).orElse(null);
        List<SelectionCriterion> out = new ArrayList<>();
        for (Entry e : ENTRIES) {
            RequirementId id = RequirementId.of(e.id());
            if (!id.standardCode().equals(guide.get())) {
                continue;
            }
            catalog.requirement(id)
                    .filter(r -> model == null || r.appliesTo(model))
                    .ifPresent(r -> out.add(new SelectionCriterion(r, e.derived(), ObligationLevel.of(r, catalog))));
        }
        return List.copyOf(out);
    }
}
