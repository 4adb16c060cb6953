package org.yunjian.catalog;

import java.util.Set;

/**
 * A general responsibility-allocation rule of T/CCIA 004-2024 §5 in a form the responsibility
 * module can check a matrix against.
 *
 * @param parameter the rule's number where it has one (MAX_DELEGATION_DEPTH: 2), else null
 * @param liable    who bears the loss when the rule is broken, where the standard says so
 */
public record AllocationRule(Kind kind, Integer parameter, Set<PartyRole> liable) {

    public AllocationRule {
        liable = Set.copyOf(liable);
    }

    public enum Kind {
        /** The party bears the security management responsibility GB/T 31167-2023 5.2.1 assigns it (§5 b), c)). */
        OWN_MANAGEMENT_RESPONSIBILITY,
        /** Implementation work may move; the responsibility itself never does (§5 a), a) 1)). */
        RESPONSIBILITY_NOT_TRANSFERABLE,
        /** The provider must not hand all of its implementation work to partners (§5 a) 2)). */
        PROVIDER_RETAINS_IMPLEMENTATION_WORK,
        /** Delegated work needs a contract naming the responsible party, oversight and accountability. */
        DELEGATION_REQUIRES_CONTRACT,
        /** Implementation work is delegated across at most {@code parameter} levels (§5 b) 1)). */
        MAX_DELEGATION_DEPTH,
        /** Losses from unclear contracts or accountability fall on the delegating party. */
        DELEGATOR_LIABLE_FOR_UNCLEAR_CONTRACT,
        /** Partners deliver under their contract and accept the provider's supervision (§5 d)). */
        PARTNER_WORKS_UNDER_PROVIDER_OVERSIGHT,
        /** One provider running several clouds governs them under one specification (§5 e)). */
        MULTI_CLOUD_UNIFORM_GOVERNANCE
    }
}
