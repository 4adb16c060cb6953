package org.yunjian.security.internal.admin;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.security.Role;

/**
 * A request, under the two-person rule, to create an administrator account or to give an account an
 * administrator role; it takes effect only when a second administrator approves it.
 *
 * @param requestedBy     who asked (user name, or {@code cli:<os user>} for the command line)
 * @param previousRole    the account's role before a promotion; {@code null} for a new account
 * @param decidedBy       who approved or rejected it, {@code null} while pending
 */
public record AdminRequest(
        UUID id,
        UUID accountId,
        String username,
        Kind kind,
        Role requestedRole,
        Role previousRole,
        String requestedBy,
        Instant requestedAt,
        Status status,
        String decidedBy,
        Instant decidedAt) {

    public enum Kind {
        CREATE,
        PROMOTE
    }

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }
}
