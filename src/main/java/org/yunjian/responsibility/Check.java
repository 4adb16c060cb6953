package org.yunjian.responsibility;

import org.yunjian.catalog.AllocationRule;
import org.yunjian.catalog.PartyRole;
import org.yunjian.shared.Labelled;

/**
 * What {@link RuleCheck} checks, each derived from a general rule of T/CCIA 004-2024 §5 ({@link #rule()}) or, for
 * {@link #SUBCONTRACT_WITHOUT_CONSENT}, from JR/T 7.3 / 7.4.3; the violation quotes the catalog item that states it.
 * Where several items state the same kind of rule, {@link #phrase()} — the standard's own words the check enforces —
 * picks the one that says it ({@code responsibility/standard-words.properties}). Display name: bundle key {@code enum.Check.<CONSTANT>}.
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
    /**
     * A hand-over cites an agreement that is not one between the two organisations: §5 d) for the provider side's
     * work (partners work under the contract signed with the provider), §5 c) for the customer's.
     */
    HOP_OUTSIDE_AGREEMENT(
            AllocationRule.Kind.PARTNER_WORKS_UNDER_PROVIDER_OVERSIGHT,
            AllocationRule.Kind.DELEGATION_REQUIRES_CONTRACT,
            false),
    /** The agreement a hand-over cites was not signed, or signed after the hand-over (§5 b) 2)). */
    AGREEMENT_NOT_SIGNED_BEFORE(AllocationRule.Kind.DELEGATION_REQUIRES_CONTRACT, null, true),
    /**
     * A hand-over records no day, so whether its agreement was signed before it (§5 b) 2)) cannot be told (issue 36:
     * the check no longer takes today for it).
     */
    HOP_WITHOUT_HANDOVER_DAY(AllocationRule.Kind.DELEGATION_REQUIRES_CONTRACT, null, true),
    /** The agreement of a hand-over of the provider side's work states no provider supervision (§5 a) 3)). */
    AGREEMENT_WITHOUT_SUPERVISION(AllocationRule.Kind.DELEGATION_REQUIRES_CONTRACT, null, true),
    /** The agreement of a hand-over states no accountability mechanism (§5 b) 2), c)). */
    AGREEMENT_WITHOUT_ACCOUNTABILITY(AllocationRule.Kind.DELEGATION_REQUIRES_CONTRACT, null, true),
    /** A partner answers for duties without an agreement with a cloud service provider of the system. */
    PARTNER_WITHOUT_AGREEMENT(AllocationRule.Kind.PARTNER_WORKS_UNDER_PROVIDER_OVERSIGHT),
    /** A provider has handed on the implementation work of every duty it answers for. */
    PROVIDER_DELEGATES_ALL_WORK(AllocationRule.Kind.PROVIDER_RETAINS_IMPLEMENTATION_WORK),
    /**
     * On a securities and futures (JR/T) system, the provider hands its work to a partner under an agreement without
     * the customer's recorded permission (JR/T 7.3, 7.4.3).
     */
    SUBCONTRACT_WITHOUT_CONSENT(null, null, true);

    private final AllocationRule.Kind rule;
    private final AllocationRule.Kind customerRule;
    private final String phrase;

    Check(AllocationRule.Kind rule) {
        this(rule, null, false);
    }

    /** @param phrased whether the standard's words the check enforces are in {@link StandardWords} ({@code check.NAME}) */
    Check(AllocationRule.Kind rule, AllocationRule.Kind customerRule, boolean phrased) {
        this.rule = rule;
        this.customerRule = customerRule;
        this.phrase = phrased ? StandardWords.get("check." + name()) : null;
    }

    /** The §5 rule the check enforces; null for the JR/T check. */
    public AllocationRule.Kind rule() {
        return rule;
    }

    /** The §5 rule the check enforces for a finding about {@code role}'s duty (5 c) for the customer's hops). */
    public AllocationRule.Kind rule(PartyRole role) {
        return role == PartyRole.CUSTOMER && customerRule != null ? customerRule : rule;
    }

    /** The standard's words the check enforces, which pick the item stating it; null where the kind is enough. */
    public String phrase() {
        return phrase;
    }
}
