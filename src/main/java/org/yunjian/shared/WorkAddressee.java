package org.yunjian.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Who must act on a waiting task. Exactly one of {@code user}, {@code organization} and {@code administratorRole}
 * is set: one person; every business user of an organisation; or every administrator holding a platform role
 * (the role's name, e.g. {@code SECURITY_ADMIN}). {@code except}, when set, is a person not addressed even though
 * the rest matches: whoever proposed a change that needs a second person.
 *
 * <p>The publisher addresses only people who may see the object the task is about: the inbox and the
 * notifications show the task's text and link to everyone addressed and check nothing further.
 */
public record WorkAddressee(UUID user, UUID organization, String administratorRole, UUID except) {

    public WorkAddressee {
        int set = (user == null ? 0 : 1) + (organization == null ? 0 : 1) + (administratorRole == null ? 0 : 1);
        if (set != 1) {
            throw WorkTask.misuse("exactly one of user, organization, administratorRole");
        }
    }

    /** One person. */
    public static WorkAddressee user(UUID userId) {
        return new WorkAddressee(Objects.requireNonNull(userId, "userId"), null, null, null);
    }

    /** Every business user of the organisation. */
    public static WorkAddressee organization(UUID organizationId) {
        return new WorkAddressee(null, Objects.requireNonNull(organizationId, "organizationId"), null, null);
    }

    /** Every administrator holding the platform role named {@code role} (a {@code Role} constant's name). */
    public static WorkAddressee administrators(String role) {
        return new WorkAddressee(null, null, Objects.requireNonNull(role, "role"), null);
    }

    /** The same people but {@code userId} (the second-person rule: never the proposer). */
    public WorkAddressee except(UUID userId) {
        return new WorkAddressee(user, organization, administratorRole, userId);
    }
}
