package org.yunjian.notification.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.yunjian.shared.FieldErrors;

/**
 * What of its organisation's work a group-chat robot hears (issue 57, need to know): everything addressed to the
 * organisation or its people (本组织全部系统), or only the tasks and notices about the systems its administrators
 * named — a chat group whose readers serve one customer's system learns nothing of another's. A task about no system
 * (addressed to the organisation as a whole or to a person) reaches only whole-organisation robots: a robot scoped to
 * systems hears of its systems alone.
 */
public record RobotScope(boolean wholeOrganization, Set<UUID> systems) {

    /** Every system of the organisation: what every robot heard before scopes existed. */
    public static final RobotScope WHOLE_ORGANIZATION = new RobotScope(true, Set.of());

    public RobotScope {
        systems = Set.copyOf(systems);
        if (wholeOrganization && !systems.isEmpty()) {
            // the whole organisation or named systems, never both (named systems, none left: it hears nothing)
            throw new IllegalArgumentException("scope");
        }
    }

    /**
     * Whether a task or notice about {@code systemId} ({@code null}: about no system) reaches the robot.
     */
    public boolean hears(UUID systemId) {
        return wholeOrganization || (systemId != null && systems.contains(systemId));
    }

    /**
     * The scope as asked: the named {@code systems} when there are any ({@code wholeOrganization} then absent or
     * false), the whole organisation otherwise ({@code wholeOrganization} absent or true). Every named system must be
     * one of {@code organizationSystems} (those the organisation takes part in); problems go to {@code errors} under
     * {@code systems} or {@code wholeOrganization}, and the result is then empty.
     */
    static Optional<RobotScope> of(
            Boolean wholeOrganization, Collection<String> systems, Set<UUID> organizationSystems, FieldErrors errors) {
        Set<UUID> named = new LinkedHashSet<>();
        boolean unknown = false;
        for (String s : systems == null ? Set.<String>of() : systems) {
            if (s == null || s.isBlank()) {
                continue;
            }
            try {
                UUID id = UUID.fromString(s.strip());
                if (organizationSystems.contains(id)) {
                    named.add(id);
                } else {
                    unknown = true;
                }
            } catch (IllegalArgumentException e) {
                unknown = true;
            }
        }
        if (unknown) {
            errors.add("systems", "notification.webhook.error.system");
            return Optional.empty();
        }
        if (named.isEmpty()) {
            if (Boolean.FALSE.equals(wholeOrganization)) {
                errors.add("systems", "notification.webhook.error.noSystem");
                return Optional.empty();
            }
            return Optional.of(WHOLE_ORGANIZATION);
        }
        if (Boolean.TRUE.equals(wholeOrganization)) {
            errors.add("wholeOrganization", "notification.webhook.error.scopeBoth");
            return Optional.empty();
        }
        return Optional.of(new RobotScope(false, named));
    }
}
