package org.yunjian.responsibility;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.catalog.RequirementId;

/**
 * A recorded, approved exception to a rule T/CCIA 004-2024 §5 states only "原则上" (in principle): 5 a) 2) "云服务提供者
 * 原则上不应将所有安全责任实施工作转移至云服务合作方" and 5 b) 1) "相关责任的实施工作转移原则上不应超过2层". The rule check
 * reports a matching finding as an approved exception instead of a violation; which checks admit one is read from
 * the rule's own words ({@link RuleCheck#admitsException(Check)}).
 *
 * @param duty         the duty concerned (5 b) 1)), or null for a finding about an organisation as a whole (5 a) 2))
 * @param organisation the organisation concerned
 * @param reason       why the exception is needed
 * @param approvedBy   who approved it (the customer's user)
 * @param approvedAt   when
 */
public record RuleException(
        Check check, RequirementId duty, UUID organisation, String reason, String approvedBy, Instant approvedAt) {

    public RuleException {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(organisation, "organisation");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason");
        }
        reason = reason.strip();
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(approvedAt, "approvedAt");
    }

    public Optional<RequirementId> dutyId() {
        return Optional.ofNullable(duty);
    }

    /** Whether this exception covers {@code v}: same check, same organisation, same duty (or none). */
    public boolean covers(Violation v) {
        return v.check() == check && organisation.equals(v.organisation()) && Objects.equals(duty, v.duty());
    }
}
