package org.yunjian.party.internal;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/**
 * A participation request (参与请求): the customer of a system asks another organisation already on the platform to take
 * a role in one of the system's engagements. Only the receiving organisation's administrators decide it — accept,
 * naming which of their people take it, or decline with a reason — and the requesting organisation may withdraw it
 * while it is pending. Its status moves once, from {@link Status#PENDING}; a request is never edited or deleted.
 */
public record ParticipationRequest(
        UUID id,
        UUID systemId,
        UUID engagementId,
        PartyRole role,
        UUID organizationId,
        UUID requestingOrgId,
        UUID requestedBy,
        String message,
        Status status,
        Instant createdAt,
        Instant decidedAt,
        UUID decidedBy,
        String reason) {

    public static final int MESSAGE_MAX = 1000;

    /** Where a request stands. */
    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        WITHDRAWN
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** Whether {@code org} is the organisation asked (whose administrators decide). */
    public boolean asks(UUID org) {
        return organizationId.equals(org);
    }

    /** Whether {@code org} sent the request. */
    public boolean sentBy(UUID org) {
        return requestingOrgId.equals(org);
    }

    /** The request decided by {@code by} at {@code at}: {@code to} is ACCEPTED, DECLINED or WITHDRAWN. */
    ParticipationRequest decided(Status to, UUID by, Instant at, String why) {
        if (!pending() || to == Status.PENDING) {
            throw new IllegalStateException("request " + id + " is " + status);
        }
        return new ParticipationRequest(
                id,
                systemId,
                engagementId,
                role,
                organizationId,
                requestingOrgId,
                requestedBy,
                message,
                to,
                createdAt,
                at,
                by,
                why);
    }
}
