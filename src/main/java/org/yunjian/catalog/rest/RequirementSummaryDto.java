package org.yunjian.catalog.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementKind;

record RequirementSummaryDto(
        String id,
        String standard,
        RequirementKind kind,
        String clause,
        String item,
        String parent,
        String title,
        String titleEn,
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

        @Schema(description = "the clause as labelled everywhere (6.1 第1段, 9.1 1.), in the reader's language")
        String label) {

    static RequirementSummaryDto of(Requirement r) {
        return new RequirementSummaryDto(
                r.id().value(),
                r.standardCode(),
                r.kind(),
                r.clause(),
                r.item(),
                r.parent() == null ? null : r.parent().value(),
                r.title(),
                r.titleEn(),
                r.text(),
                r.textEn(),
                r.phaseInStandard(),
                r.phases(),
                r.roles(),
                r.layer(),
                r.deploymentModels(),
                r.bold(),
                !r.boldMarkingUnknown(),
                ClauseLabel.text(r));
    }
}
