package org.yunjian.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.party.CloudSystem;

/**
 * A clause the contract, SLA or NDA of a system must (or should) contain, generated from the sector guide that
 * applies: the government-website guide's 6.6.1 服务合同, 6.6.2 服务水平协议 and 6.6.3 保密协议; JR/T's 6.3.2–6.3.4 for a
 * 行业云 system and 6.4.2–6.4.4 for a public one (a hybrid system, or one without a model, gets both; a private cloud
 * none — JR/T asks no contract of an institution's own cloud). Every item of those sections that has no items below it
 * is a clause; its text is the standard's, verbatim; the lead-in it completes is kept to be shown with it.
 *
 * @param requirement the catalog item
 * @param document    the document it belongs in
 * @param obligation  mandatory or recommended, from the wording of the item or the lead-in it completes
 *                    ({@link ObligationLevel#of(Requirement, Catalog)})
 * @param leadIn      the text of the lead-in the item completes, or null
 */
public record ContractClause(
        Requirement requirement, AgreementDocument document, ObligationLevel obligation, String leadIn) {

    /** The sections that hold each document's clauses, per guide. */
    private static final Map<String, List<Section>> SECTIONS = Map.of(
            "GOVWEB",
                    List.of(
                            new Section("GOVWEB-6.6.1", AgreementDocument.CONTRACT),
                            new Section("GOVWEB-6.6.2", AgreementDocument.SLA),
                            new Section("GOVWEB-6.6.3", AgreementDocument.NDA)),
            "JRT-SF",
                    List.of(
                            new Section("JRT-SF-6.3.2", AgreementDocument.CONTRACT),
                            new Section("JRT-SF-6.3.3", AgreementDocument.SLA),
                            new Section("JRT-SF-6.3.4", AgreementDocument.NDA),
                            new Section("JRT-SF-6.4.2", AgreementDocument.CONTRACT),
                            new Section("JRT-SF-6.4.3", AgreementDocument.SLA),
                            new Section("JRT-SF-6.4.4", AgreementDocument.NDA)));

    /**
     * Exit clauses the contract must carry, asked for outside the acquisition sections: the government-website guide's
     * 9.3.4 a) (移交数据清单) and 9.3.5 a) (数据保留与删除授权) with GB/T 31167's 9.1 1. (退出条件) and 9.2 2. (程序代码的移交) —
     * the guide applies GB/T 31167 to government websites; JR/T 8.1.3's 程序代码 item. Added to a checklist that has
     * contract sections at all (a private JR/T cloud has none, so it gets none of these either).
     */
    private static final Map<String, List<String>> EXIT_CLAUSES = Map.of(
            "GOVWEB", List.of("GOVWEB-9.3.4-a", "GOVWEB-9.3.5-a", "GBT31167-9.1-a", "GBT31167-9.2-b"),
            "JRT-SF", List.of("JRT-SF-8.1.3-3-2"));

    private record Section(String id, AgreementDocument document) {}

    /** JR/T's NDA clauses "保密协议应有明确的有效周期。" (6.3.4 行业云, 6.4.4 公共云). */
    private static final java.util.Set<String> VALIDITY_CLAUSES = java.util.Set.of("JRT-SF-6.3.4-2", "JRT-SF-6.4.4-2");

    /** Whether the clause asks for the NDA's validity period, so marking it present records the dates. */
    public boolean asksForValidity() {
        return VALIDITY_CLAUSES.contains(requirement.id().value());
    }

    public RequirementId id() {
        return requirement.id();
    }

    public boolean mandatory() {
        return obligation == ObligationLevel.MANDATORY;
    }

    /** The checklist of {@code system}, grouped by document (contract, SLA, NDA) in the standard's order. */
    public static List<ContractClause> checklist(Catalog catalog, CloudSystem system) {
        Optional<String> guide =
                system.industry() == null ? Optional.empty() : system.industry().sectorStandard();
        if (guide.isEmpty()) {
            return List.of();
        }
        DeploymentModel model = system.deploymentModel() == null
                ? null
                : DeploymentModel.restrictionOf(system.deploymentModel()).orElse(null);
        List<ContractClause> out = new ArrayList<>();
        for (AgreementDocument document : AgreementDocument.values()) {
            for (Section s : SECTIONS.getOrDefault(guide.get(), List.of())) {
                if (s.document() != document) {
                    continue;
                }
                Optional<Requirement> section =
                        catalog.requirement(RequirementId.of(s.id())).filter(r -> model == null || r.appliesTo(model));
                section.ifPresent(r -> collect(catalog, r, r.text(), document, out));
            }
            if (document == AgreementDocument.CONTRACT && !out.isEmpty()) {
                exitClauses(catalog, guide.get(), out);
            }
        }
        return List.copyOf(out);
    }

    private static void exitClauses(Catalog catalog, String guide, List<ContractClause> out) {
        for (String id : EXIT_CLAUSES.getOrDefault(guide, List.of())) {
            catalog.requirement(RequirementId.of(id)).ifPresent(r -> {
                String lead = r.parentId()
                        .flatMap(catalog::requirement)
                        .map(Requirement::text)
                        .filter(t -> !t.isBlank())
                        .orElse(null);
                out.add(new ContractClause(r, AgreementDocument.CONTRACT, ObligationLevel.of(r, catalog), lead));
            });
        }
    }

    private static void collect(
            Catalog catalog, Requirement node, String leadIn, AgreementDocument document, List<ContractClause> out) {
        for (Requirement child : catalog.children(node.id())) {
            if (child.kind() != RequirementKind.ITEM || child.derivedFromLeadIn()) {
                continue;
            }
            List<Requirement> below = catalog.children(child.id()).stream()
                    .filter(c -> c.kind() == RequirementKind.ITEM)
                    .toList();
            if (below.isEmpty()) {
                String lead = leadIn == null || leadIn.isBlank() ? null : leadIn;
                out.add(new ContractClause(child, document, ObligationLevel.of(child, catalog), lead));
            } else {
                collect(catalog, child, child.text(), document, out);
            }
        }
    }
}
