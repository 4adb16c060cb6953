package org.yunjian.responsibility;

import org.yunjian.catalog.AllocationRule;
import org.yunjian.party.Labelled;

/**
 * What {@link RuleCheck} checks, each derived from a general rule of T/CCIA 004-2024 §5 ({@link #rule()}); the
 * violation quotes the catalog item that states it. Display name: bundle key {@code enum.Check.<CONSTANT>}.
 */
public enum Check implements Labelled {
    /** A role the duty names is held on the system but nobody is its accountable party. */
    ACCOUNTABLE_MISSING(AllocationRule.Kind.RESPONSIBILITY_NOT_TRANSFERABLE),
    /** A role the duty names is held by nobody on the system: a gap. */
    ROLE_GAP(AllocationRule.Kind.RESPONSIBILITY_NOT_TRANSFERABLE),
    /** The accountable party answers in a role the standard does not give the duty. */
    ACCOUNTABLE_ROLE_NOT_NAMED(AllocationRule.Kind.RESPONSIBILITY_NOT_TRANSFERABLE),
    /** The accountable organisation does not hold the role on the system. */
    ACCOUNTABLE_ROLE_NOT_HELD(AllocationRule.Kind.RESPONSIBILITY_NOT_TRANSFERABLE),
    /** The implementation work is handed on across more levels than §5 b) 1) allows. */
    DELEGATION_TOO_DEEP(AllocationRule.Kind.MAX_DELEGATION_DEPTH),
    /** A hand-over cites no agreement or no clause. */
    HOP_WITHOUT_AGREEMENT(AllocationRule.Kind.DELEGATION_REQUIRES_CONTRACT),
    /** A hand-over cites an agreement that is not one between the two organisations. */
    HOP_OUTSIDE_AGREEMENT(AllocationRule.Kind.PARTNER_WORKS_UNDER_PROVIDER_OVERSIGHT),
    /** A partner answers for duties without an agreement with a cloud service provider of the system. */
    PARTNER_WITHOUT_AGREEMENT(AllocationRule.Kind.PARTNER_WORKS_UNDER_PROVIDER_OVERSIGHT),
    /** A provider has handed on the implementation work of every duty it answers for. */
    PROVIDER_DELEGATES_ALL_WORK(AllocationRule.Kind.PROVIDER_RETAINS_IMPLEMENTATION_WORK);

    private final AllocationRule.Kind rule;

    Check(AllocationRule.Kind rule) {
        this.rule = rule;
    }

    /** The §5 rule the check enforces. */
    public AllocationRule.Kind rule() {
        return rule;
    }
}
