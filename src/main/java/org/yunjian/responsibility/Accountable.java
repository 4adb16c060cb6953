package org.yunjian.responsibility;

import java.util.Objects;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/**
 * The accountable party (责任主体) of a duty: the organisation and the role in which the standard makes it answer
 * for the duty. It stays with that role (T/CCIA 004-2024 §5 a)); only the implementation work moves.
 */
public record Accountable(UUID organisation, PartyRole role) {

    public Accountable {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(role, "role");
    }
}
