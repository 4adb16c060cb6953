package org.yunjian.party;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/** Work on a cloud system in one lifecycle phase, and the parties taking part in it. */
public record Engagement(
        UUID id,
        String name,
        UUID systemId,
        LifecyclePhase phase,
        String description,
        List<Participant> participants,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Engagement {
        participants = List.copyOf(participants);
    }

    /** An engagement not yet stored (version 0). */
    public Engagement(
            UUID id,
            String name,
            UUID systemId,
            LifecyclePhase phase,
            String description,
            List<Participant> participants,
            Instant createdAt,
            Instant updatedAt) {
        this(id, name, systemId, phase, description, participants, createdAt, updatedAt, 0);
    }

    /** An organisation taking part, and the role it plays there (which it holds). */
    public record Participant(UUID organizationId, PartyRole role) {}
}
