package org.yunjian.catalog.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;
import org.yunjian.catalog.AllocationRule;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.ExitInventory;
import org.yunjian.catalog.Incident;
import org.yunjian.catalog.ItemNature;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.Mapping;
import org.yunjian.catalog.MlpsAssessment;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.catalog.RoleDetermination;

record RequirementDto(
        String id,
        String standard,
        RequirementKind kind,
        String clause,
        String item,
        String sourceLabel,
        boolean numberingReconstructed,
        String parent,
        List<String> children,
        String title,
        String titleEn,
        String titleSource,
        String text,
        String textEn,
        String phaseInStandard,
        Set<Phase> phases,
        Set<PartyRole> roles,
        Layer layer,
        Set<DeploymentModel> deploymentModels,
        boolean bold,

        @Schema(
                description = "false where the source marks items in bold but the platform does not know which "
                        + "(JR/T: its introduction says bold marks the requirements added or strengthened at "
                        + "higher levels; the platform's copy lost every bold mark, so bold is false for each "
                        + "JR/T item whatever the original prints — take no JR/T item's strength from it)")
        boolean boldMarkingKnown,

        Integer sourceLine,
        MlpsAssessment mlps,
        ExitInventory exitInventory,
        List<Requirement.Correction> corrections,
        List<Requirement.Footnote> footnotes,
        List<Requirement.Note> notes,
        List<AllocationRule> allocationRules,
        RoleDetermination roleDetermination,
        Incident incident,
        List<Mapping> mappings,
        ItemNature nature,

        @Schema(description = "the clause as labelled everywhere (6.1 第1段, 9.1 1.), in the reader's language")
        String label) {

    static RequirementDto of(Requirement r, List<Mapping> mappings) {
        return new RequirementDto(
                r.id().value(),
                r.standardCode(),
                r.kind(),
                r.clause(),
                r.item(),
                r.sourceLabel(),
                r.numberingReconstructed(),
                r.parent() == null ? null : r.parent().value(),
                r.children().stream().map(RequirementId::value).toList(),
                r.title(),
                r.titleEn(),
                r.titleSource(),
                r.text(),
                r.textEn(),
                r.phaseInStandard(),
                r.phases(),
                r.roles(),
                r.layer(),
                r.deploymentModels(),
                r.bold(),
                !r.boldMarkingUnknown(),
                r.sourceLine(),
                r.mlps(),
                r.exitInventory(),
                r.corrections(),
                r.footnotes(),
                r.notes(),
                r.allocationRules(),
                r.roleDetermination(),
                r.incident(),
                mappings,
                r.nature(),
                ClauseLabel.text(r));
    }
}
