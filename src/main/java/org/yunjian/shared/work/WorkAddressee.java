package org.yunjian.shared.work;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who must act on a waiting task. Exactly one of {@code user}, {@code organization} and {@code administratorRole}
 * is set: one person; every business user of an organisation; or every administrator holding a platform role
 * (the role's name, e.g. {@code SECURITY_ADMIN}). {@code except} are the people not addressed even though the rest
 * matches: whoever proposed a change that needs a second person; the reviewer and approver of an assessment, who
 * never record its items; the account a request is about.
 *
 * <p>{@code system}, with {@code organization}: the task is about that system, so it reaches only the business
 * users of the organisation who see it (need to know: those assigned to it, and those holding the whole-organisation
 * grant, {@link SystemReaders}).
 *
 * <p>The publisher addresses only people who may see the object the task is about: the inbox and the
 * notifications show the task's text and link to everyone addressed and check nothing further.
 */
public record WorkAddressee(UUID user, UUID organization, String administratorRole, Set<UUID> except, UUID system) {

    public WorkAddressee(UUID user, UUID organization, String administratorRole, Set<UUID> except) {
        this(user, organization, administratorRole, except, null);
    }

    public WorkAddressee {
        if (system != null && organization == null) {
            throw WorkTask.misuse("a system narrows an organisation's addressees only");
        }
        int set = (user == null ? 0 : 1) + (organization == null ? 0 : 1) + (administratorRole == null ? 0 : 1);
        if (set != 1) {
            throw WorkTask.misuse("exactly one of user, organization, administratorRole");
        }
        // sorted, so that the same people give the same addressee (the inbox compares what it stored)
        except = except == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(except));
    }

    /** One person. */
    public static WorkAddressee user(UUID userId) {
        return new WorkAddressee(Objects.requireNonNull(userId, "userId"), null, null, Set.of());
    }

    /** Every business user of the organisation (a task about no one system). */
    public static WorkAddressee organization(UUID organizationId) {
        return new WorkAddressee(null, Objects.requireNonNull(organizationId, "organizationId"), null, Set.of());
    }

    /** The business users of the organisation who see the system the task is about. */
    public static WorkAddressee organization(UUID organizationId, UUID systemId) {
        return new WorkAddressee(
                null,
                Objects.requireNonNull(organizationId, "organizationId"),
                null,
                Set.of(),
                Objects.requireNonNull(systemId, "systemId"));
    }

    /** Every administrator holding the platform role named {@code role} (a {@code Role} constant's name). */
    public static WorkAddressee administrators(String role) {
        return new WorkAddressee(null, null, Objects.requireNonNull(role, "role"), Set.of());
    }

    /** The same people but {@code userIds} (the second-person rule: never the proposer); nulls are ignored. */
    public WorkAddressee except(UUID... userIds) {
        return except(Arrays.asList(userIds));
    }

    /** The same people but {@code userIds}; nulls are ignored. */
    public WorkAddressee except(Collection<UUID> userIds) {
        Set<UUID> all = new TreeSet<>(except);
        userIds.stream().filter(Objects::nonNull).forEach(all::add);
        return new WorkAddressee(user, organization, administratorRole, all, system);
    }

    /** Whether {@code userId} is one of the people excepted. */
    public boolean excepts(UUID userId) {
        return except.contains(userId);
    }

    /** The excepted people as stored: their ids joined by commas, or null for nobody. */
    public String exceptText() {
        return except.isEmpty() ? null : except.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    /** The excepted people from {@link #exceptText()}. */
    public static Set<UUID> exceptOf(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .map(UUID::fromString)
                .collect(Collectors.toSet());
    }
}
