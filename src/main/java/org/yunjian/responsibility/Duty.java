package org.yunjian.responsibility;

import java.util.Objects;
import java.util.Set;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.ServiceModel;

/**
 * A row of the responsibility matrix: an item of T/CCIA 004-2024 §6–§9 (its text is the catalog's, under
 * {@link #id()}).
 *
 * @param parent       the item it belongs to ({@code TCCIA004-6.2-a} for {@code TCCIA004-6.2-a-1}), or null
 * @param clause       the clause, e.g. {@code 7.1.2} (Annex B incidents name these)
 * @param roles        the roles the standard assigns the duty to: each is the accountable role (责任主体) of its part;
 *                     for an item with sub-items, the union of its sub-items' roles
 * @param serviceModel the only service model the duty applies to, where the standard restricts it (9.1 b) 1)–3)),
 *                     else null
 * @param heading      a bare lead-in ("客户应：") over its sub-items: shown as a heading, never assigned, signed off
 *                     or counted — the sub-items are the duties
 * @param behaviour    for a hardware provider's duty that Annex A's behaviours tell apart (提供物理机房 vs
 *                     提供物理服务器), the behaviour a holder of the role must have to take it; else null
 * @param condition    the condition the standard puts on the duty ("当…时", "如需…"), asked of the matrix, or null
 */
public record Duty(
        RequirementId id,
        RequirementId parent,
        String clause,
        Layer layer,
        Set<Phase> phases,
        Set<PartyRole> roles,
        ServiceModel serviceModel,
        boolean heading,
        Behaviour behaviour,
        ApplicabilityQuestion condition) {

    public Duty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clause, "clause");
        phases = Set.copyOf(phases);
        roles = Set.copyOf(roles);
    }

    /** A duty without heading, behaviour or condition. */
    public Duty(
            RequirementId id,
            RequirementId parent,
            String clause,
            Layer layer,
            Set<Phase> phases,
            Set<PartyRole> roles,
            ServiceModel serviceModel) {
        this(id, parent, clause, layer, phases, roles, serviceModel, false, null, null);
    }

    /** Whether the duty applies to a system of {@code model} (every duty applies where the model is not known). */
    public boolean appliesTo(ServiceModel model) {
        return serviceModel == null || model == null || serviceModel == model;
    }

    public boolean names(PartyRole role) {
        return roles.contains(role);
    }

    /**
     * Whether {@code participant} may answer for the duty in {@code role}: it holds the role and, for a duty Annex A's
     * behaviours tell apart, it does what the duty is about — or nobody recorded what it does yet.
     */
    public boolean takenBy(Participant participant, PartyRole role) {
        return participant.holds(role)
                && (behaviour == null
                        || role != PartyRole.PARTNER_HARDWARE
                        || participant.behaviours().isEmpty()
                        || participant.behaviours().contains(behaviour));
    }
}
