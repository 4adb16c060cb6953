package org.yunjian.responsibility;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The approval of one matrix version: who has signed it off and whether it is approved. A version with rule
 * violations cannot be signed off; both sides' sign-offs approve it; an approved version does not change (any
 * later edit is a new draft version, which reopens approval).
 */
public record Approval(Set<SignOffSide> signed) {

    /** Why a sign-off was refused. */
    public enum Refusal {
        ALREADY_APPROVED,
        ALREADY_SIGNED,
        VIOLATIONS
    }

    /** A refused sign-off: the reason and, for {@link Refusal#VIOLATIONS}, the violations found. */
    public static final class Refused extends RuntimeException {
        private final Refusal reason;
        private final transient List<Violation> violations;

        Refused(Refusal reason, List<Violation> violations) {
            super(reason.name());
            this.reason = reason;
            this.violations = List.copyOf(violations);
        }

        public Refusal reason() {
            return reason;
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    public Approval {
        signed = signed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signed));
    }

    /** A new draft: nobody has signed it off. */
    public static Approval draft() {
        return new Approval(Set.of());
    }

    public VersionStatus status() {
        return signed.containsAll(EnumSet.allOf(SignOffSide.class)) ? VersionStatus.APPROVED : VersionStatus.DRAFT;
    }

    /**
     * The sides whose sign-off the other side now waits on: once one side has signed a draft, the side that has not
     * (either side may sign first; both approve). Empty for a draft nobody signed yet (it is still being edited) and
     * for an approved version.
     */
    public Set<SignOffSide> awaited() {
        if (signed.isEmpty() || status() == VersionStatus.APPROVED) {
            return Set.of();
        }
        Set<SignOffSide> out = EnumSet.allOf(SignOffSide.class);
        out.removeAll(signed);
        return out;
    }

    /**
     * This approval with {@code side}'s sign-off added.
     *
     * @param check the rule check of the version being signed off
     * @throws Refused if the version is approved already, {@code side} signed it already, or the check found violations
     */
    public Approval signOff(SignOffSide side, RuleCheck.Result check) {
        Objects.requireNonNull(side, "side");
        if (status() == VersionStatus.APPROVED) {
            throw new Refused(Refusal.ALREADY_APPROVED, List.of());
        }
        if (signed.contains(side)) {
            throw new Refused(Refusal.ALREADY_SIGNED, List.of());
        }
        if (!check.approvable()) {
            throw new Refused(Refusal.VIOLATIONS, check.violations());
        }
        Set<SignOffSide> next = EnumSet.of(side);
        next.addAll(signed);
        return new Approval(next);
    }
}
