package org.yunjian.assessment;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.security.Role;
import org.yunjian.security.UserView;

/**
 * Who assesses a new assessment: the kind of assessor and its organisation — on the creation form the value
 * {@code KIND:organisation-id}. The assessment's team (testers, reviewer, approver) are enabled business users of
 * that organisation: the rule the form's choices and the creation's check both apply.
 */
public record AssessorChoice(AssessorKind kind, UUID organizationId) {

    public AssessorChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(organizationId, "organizationId");
    }

    /** The choice a form value names, or empty when it names none. */
    public static Optional<AssessorChoice> parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AssessorChoice(
                    AssessorKind.valueOf(value.substring(0, colon)), UUID.fromString(value.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The form value. */
    public String value() {
        return kind + ":" + organizationId;
    }

    /** Whether {@code user} may be on the team of an assessment by the organisation {@code assessorOrgId}. */
    public static boolean mayJoinTeam(UUID assessorOrgId, UserView user) {
        return user.role() == Role.USER && user.enabled() && assessorOrgId.equals(user.organizationId());
    }
}
