package org.yunjian.responsibility;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.Msg;

/**
 * A broken §5 rule in a responsibility matrix.
 *
 * @param rule         the catalog item stating the rule ({@code TCCIA004-5-b-1}), so its text can be quoted verbatim
 * @param duty         the duty concerned, or null for a finding about an organisation as a whole
 * @param organisation the organisation concerned, or null
 * @param message      what is wrong, for a person
 */
public record Violation(Check check, RequirementId rule, RequirementId duty, UUID organisation, Msg message) {

    public Violation {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public Optional<RequirementId> dutyId() {
        return Optional.ofNullable(duty);
    }

    public Optional<UUID> organisationId() {
        return Optional.ofNullable(organisation);
    }
}
