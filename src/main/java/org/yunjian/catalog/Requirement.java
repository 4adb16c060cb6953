package org.yunjian.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a standard: a section, an 等保 control point or a requirement item.
 *
 * @param clause                 clause number, e.g. {@code 8.2.4.7}
 * @param item                   item segments below the clause ({@code a}, {@code c-1}), or null
 * @param sourceLabel            the item marker as printed in the source ({@code a)}, {@code 3.}), or null
 * @param numberingReconstructed the source lost this clause/item numbering and the catalog reconstructed it
 * @param titleSource            null when the title is in the working text; else the reference it comes from
 * @param text                   the Chinese text verbatim from the source (typos kept; see {@link #corrections()})
 * @param textEn                 English rendering (editorial, not an official translation)
 * @param phaseInStandard        the lifecycle phase in the standard's own term, or null where it gives none
 * @param phases                 normalised phases
 * @param layer                  responsibility layer, or null where the standard gives none
 * @param deploymentModels       the models the requirement is restricted to; empty means all
 * @param bold                   JR/T: printed bold, i.e. added or strengthened at higher levels
 * @param derivedFromLeadIn      the item is not a listed item of the source but a duty its section's lead-in
 *                               states ("…应制定应急响应预案并定期演练：" before the list); its text is that lead-in,
 *                               verbatim, so workflows can track the duty like any other item
 * @param sourceLine             line of the source text the node was transcribed from, or null
 * @param mlps                   等保 assessment attributes (items of the 等保 guide only), or null
 * @param exitInventory          exit hand-over inventory structure, or null
 * @param footnotes              the source's footnotes referred to by marks in {@link #text()}
 * @param notes                  informative paragraphs and 注 of the source that follow this node
 * @param allocationRules        T/CCIA §5 general rules this item states, machine-checkable
 * @param roleDetermination      T/CCIA Annex A row, or null
 * @param incident               T/CCIA Annex B row, or null
 * @param nature                 what the item states: a duty (every node but the few the catalog marks), a risk
 *                               description or a definition — the latter two are nobody's duty
 */
public record Requirement(
        RequirementId id,
        String standardCode,
        RequirementKind kind,
        String clause,
        String item,
        String sourceLabel,
        boolean numberingReconstructed,
        RequirementId parent,
        List<RequirementId> children,
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
        boolean derivedFromLeadIn,
        Integer sourceLine,
        MlpsAssessment mlps,
        ExitInventory exitInventory,
        List<Correction> corrections,
        List<Footnote> footnotes,
        List<Note> notes,
        List<AllocationRule> allocationRules,
        RoleDetermination roleDetermination,
        Incident incident,
        ItemNature nature) {

    public Requirement {
        nature = nature == null ? ItemNature.DUTY : nature;
        children = List.copyOf(children);
        phases = Set.copyOf(phases);
        roles = Set.copyOf(roles);
        deploymentModels = Set.copyOf(deploymentModels);
        corrections = List.copyOf(corrections);
        footnotes = List.copyOf(footnotes);
        notes = List.copyOf(notes);
        allocationRules = List.copyOf(allocationRules);
    }

    /**
     * The requirement's text for a reader of {@code language}: the English rendering for English when there is one,
     * else the verbatim Chinese text.
     */
    public String textIn(java.util.Locale language) {
        return "en".equals(language.getLanguage()) && textEn != null && !textEn.isBlank() ? textEn : text;
    }

    /** Whether the item binds a party (a duty a plan can assign), rather than describing a risk or defining a role. */
    public boolean isDuty() {
        return kind == RequirementKind.ITEM && nature == ItemNature.DUTY;
    }

    /** The standard whose source marks some items in bold, a marking the platform's copy lost (see below). */
    public static final String BOLD_MARKING_LOST = "JRT-SF";

    /**
     * Whether the source marks items of this standard in bold but the platform does not know which: JR/T's introduction
     * (source line 73) says "在本文件中，黑体字部分表示较高等级中增加或增强的要求。", and the conversion to the working copy
     * lost every bold mark, so {@link #bold()} is false for each JR/T item whatever the original prints. Pages, REST and
     * OSCAL say so wherever JR/T items are shown, so no one takes a JR/T item's strength from the platform.
     */
    public boolean boldMarkingUnknown() {
        return BOLD_MARKING_LOST.equals(standardCode);
    }

    public Optional<RequirementId> parentId() {
        return Optional.ofNullable(parent);
    }

    /** Whether the requirement applies under {@code model} (an unrestricted requirement applies everywhere). */
    public boolean appliesTo(DeploymentModel model) {
        return deploymentModels.isEmpty() || deploymentModels.contains(model);
    }

    /**
     * A typo or conversion error in the source, recorded next to (not instead of) the verbatim text.
     *
     * @param field JSON path of the field within the requirement, e.g. {@code mlps.criteria.compliant}
     */
    public record Correction(String field, String original, String corrected, String note) {}

    /** An informative paragraph or 注 of the source, verbatim, with an English rendering. */
    public record Note(String text, String textEn) {}

    /** A footnote of the source, e.g. mark {@code [^1]} with 介质清理's definition. */
    public record Footnote(String mark, String text) {}
}
