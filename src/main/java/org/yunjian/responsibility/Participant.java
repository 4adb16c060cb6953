package org.yunjian.responsibility;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/**
 * An organisation taking part in one cloud system, with the T/CCIA roles it holds there (one organisation may hold
 * several, T/CCIA 004-2024 §4: the platform-software vendor that also owns the servers in A.2).
 *
 * @param name       the display name, as the organisation is registered
 * @param behaviours what it does on the system as ticked in the role assistant (Annex A), empty where nobody ran
 *                   the assistant for it
 */
public record Participant(UUID organisation, String name, Set<PartyRole> roles, Set<Behaviour> behaviours) {

    public Participant {
        Objects.requireNonNull(organisation, "organisation");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        behaviours = behaviours == null || behaviours.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(behaviours));
    }

    /** A participant whose behaviours nobody recorded. */
    public Participant(UUID organisation, String name, Set<PartyRole> roles) {
        this(organisation, name, roles, Set.of());
    }

    public boolean holds(PartyRole role) {
        return roles.contains(role);
    }
}
