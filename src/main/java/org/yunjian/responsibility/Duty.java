package org.yunjian.responsibility;

import java.util.Objects;
import java.util.Set;

import org.yunjian.catalog.Layer;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.PartyRole;
import org.yunjian.party.ServiceModel;

/**
 * A row of the responsibility matrix: an item of T/CCIA 004-2024 §6–§9 (its text is the catalog's, under
 * {@link #id()}).
 *
 * @param parent       the item it belongs to ({@code TCCIA004-6.2-a} for {@code TCCIA004-6.2-a-1}), or null
 * @param clause       the clause, e.g. {@code 7.1.2} (Annex B incidents name these)
 * @param roles        the roles the standard assigns the duty to: each is the accountable role (责任主体) of its part
 * @param serviceModel the only service model the duty applies to, where the standard restricts it (9.1 b) 1)–3)),
 *                     else null
 */
public record Duty(RequirementId id, RequirementId parent, String clause, Layer layer, Set<Phase> phases,
                   Set<PartyRole> roles, ServiceModel serviceModel) {

    public Duty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clause, "clause");
        phases = Set.copyOf(phases);
        roles = Set.copyOf(roles);
    }

    /** Whether the duty applies to a system of {@code model} (every duty applies where the model is not known). */
    public boolean appliesTo(ServiceModel model) {
        return serviceModel == null || model == null || serviceModel == model;
    }

    public boolean names(PartyRole role) {
        return roles.contains(role);
    }
}
