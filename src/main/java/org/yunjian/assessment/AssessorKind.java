package org.yunjian.assessment;

import org.yunjian.catalog.PartyRole;

/** Who assesses: a third-party testing body, or the customer or provider assessing itself. */
public enum AssessorKind {
    THIRD_PARTY(PartyRole.THIRD_PARTY_ASSESSOR),
    CUSTOMER_SELF(PartyRole.CUSTOMER),
    PROVIDER_SELF(PartyRole.PROVIDER);

    private final PartyRole requiredRole;

    AssessorKind(PartyRole requiredRole) {
        this.requiredRole = requiredRole;
    }

    /** The role the assessor organisation must hold (for self-assessments: on this very system). */
    public PartyRole requiredRole() {
        return requiredRole;
    }
}
