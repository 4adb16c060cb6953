package org.yunjian.responsibility;

import java.util.Objects;
import java.util.UUID;

/**
 * A contract or cooperation agreement (合同协议) between two organisations of the system, under which one does
 * work for the other; hops cite it by name.
 */
public record Agreement(String name, UUID partyA, UUID partyB) {

    public Agreement {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name");
        }
        name = name.strip();
        Objects.requireNonNull(partyA, "partyA");
        Objects.requireNonNull(partyB, "partyB");
        if (partyA.equals(partyB)) {
            throw new IllegalArgumentException("agreement: partyA == partyB");
        }
    }

    /** Whether the agreement binds {@code x} and {@code y}, in either order. */
    public boolean between(UUID x, UUID y) {
        return partyA.equals(x) && partyB.equals(y) || partyA.equals(y) && partyB.equals(x);
    }

    public boolean binds(UUID organisation) {
        return partyA.equals(organisation) || partyB.equals(organisation);
    }
}
