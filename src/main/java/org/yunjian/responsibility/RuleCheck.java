package org.yunjian.responsibility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.yunjian.catalog.AllocationRule;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.PartyRole;
import org.yunjian.shared.Msg;

/**
 * The general rules of T/CCIA 004-2024 §5 checked over a responsibility matrix (see {@link Check} for the list).
 * The rules — which catalog item states each, the delegation limit of §5 b) 1) — are read once from the catalog;
 * a check is one pass over the matrix, linear in its rows and hops. Duties that do not apply to the system are
 * skipped.
 */
public final class RuleCheck {

    /** The outcome: a matrix with any violation may be saved but not approved. */
    public record Result(List<Violation> violations) {

        public Result {
            violations = List.copyOf(violations);
        }

        public boolean approvable() {
            return violations.isEmpty();
        }
    }

    private record Stated(RequirementId id, Set<PartyRole> roles, int depth) {
    }

    private final Map<AllocationRule.Kind, List<Stated>> stated;
    private final int maxDepth;

    private RuleCheck(Map<AllocationRule.Kind, List<Stated>> stated, int maxDepth) {
        this.stated = stated;
        this.maxDepth = maxDepth;
    }

    /**
     * @throws IllegalStateException if the catalog states a rule a check needs nowhere, or no delegation limit
     */
    public static RuleCheck of(Catalog catalog) {
        Map<AllocationRule.Kind, List<Stated>> stated = new EnumMap<>(AllocationRule.Kind.class);
        Integer maxDepth = null;
        for (Requirement r : catalog.find(RequirementFilter.items().standard(RoleAssistant.STANDARD))) {
            for (AllocationRule rule : r.allocationRules()) {
                int depth = r.item() == null ? 0 : r.item().split("-").length;
                stated.computeIfAbsent(rule.kind(), k -> new ArrayList<>())
                        .add(new Stated(r.id(), CatalogRoles.of(r.roles()), depth));
                if (rule.kind() == AllocationRule.Kind.MAX_DELEGATION_DEPTH && maxDepth == null) {
                    maxDepth = rule.parameter();
                }
            }
        }
        for (Check c : Check.values()) {
            if (!stated.containsKey(c.rule())) {
                throw new IllegalStateException("unstated rule " + c.rule());
            }
        }
        if (maxDepth == null) {
            throw new IllegalStateException("no " + AllocationRule.Kind.MAX_DELEGATION_DEPTH);
        }
        return new RuleCheck(stated, maxDepth);
    }

    /** How many levels the implementation work may be handed on (§5 b) 1): 2). */
    public int maxDepth() {
        return maxDepth;
    }

    /** The most specific catalog item stating {@code check}'s rule that names {@code role} (any, if none does). */
    public RequirementId rule(Check check, PartyRole role) {
        List<Stated> all = stated.get(check.rule());
        Stated best = null;
        for (Stated s : all) {
            if ((role == null || s.roles().contains(role)) && (best == null || s.depth() > best.depth())) {
                best = s;
            }
        }
        return (best == null ? all.get(0) : best).id();
    }

    /**
     * The §5 b) 1) violation that handing on {@code a}'s work once more would make, if any. The one-more-hop
     * operation (page and REST) refuses such a hop at once — nobody means to build a chain beyond the limit step by
     * step; a whole row or a workbook may still store one as a draft, which the check then reports.
     */
    public java.util.Optional<Violation> handOnRefusal(Duty duty, Assignment a) {
        if (a.depth() <= maxDepth) {
            return java.util.Optional.empty();
        }
        PartyRole role = a.accountable().role();
        return java.util.Optional.of(violation(Check.DELEGATION_TOO_DEEP, role, duty, a.accountable().organisation(),
                id(duty), a.depth(), maxDepth));
    }

    public Result check(ResponsibilityMatrix m) {
        List<Violation> out = new ArrayList<>();
        Map<String, Agreement> agreements = new HashMap<>();
        m.agreements().forEach(a -> agreements.put(a.name(), a));
        Map<UUID, PartyRole> partners = new LinkedHashMap<>();
        Map<UUID, int[]> providerWork = new LinkedHashMap<>();
        for (MatrixRow row : m.rows()) {
            if (!row.applicable()) {
                continue;
            }
            Duty duty = row.duty();
            Set<PartyRole> covered = EnumSet.noneOf(PartyRole.class);
            for (Assignment a : row.assignments()) {
                PartyRole role = a.accountable().role();
                UUID org = a.accountable().organisation();
                covered.add(role);
                if (!duty.names(role)) {
                    out.add(violation(Check.ACCOUNTABLE_ROLE_NOT_NAMED, role, duty, org, id(duty), name(m, org), role));
                } else if (m.participant(org).map(p -> !p.holds(role)).orElse(true)) {
                    out.add(violation(Check.ACCOUNTABLE_ROLE_NOT_HELD, role, duty, org, id(duty), name(m, org), role));
                }
                if (a.depth() > maxDepth) {
                    out.add(violation(Check.DELEGATION_TOO_DEEP, role, duty, org, id(duty), a.depth(), maxDepth));
                }
                checkHops(m, agreements, duty, role, a, out);
                if (CatalogRoles.isPartner(role)) {
                    partners.putIfAbsent(org, role);
                }
                if (role == PartyRole.PROVIDER) {
                    int[] work = providerWork.computeIfAbsent(org, k -> new int[2]);
                    work[0]++;
                    work[1] += a.implementer().equals(org) ? 0 : 1;
                }
            }
            for (PartyRole role : duty.roles()) {
                if (!covered.contains(role)) {
                    Check c = m.holders(role).isEmpty() ? Check.ROLE_GAP : Check.ACCOUNTABLE_MISSING;
                    out.add(violation(c, role, duty, null, id(duty), role));
                }
            }
        }
        checkPartners(m, partners, out);
        providerWork.forEach((org, work) -> {
            if (work[0] > 0 && work[1] == work[0]) {
                out.add(violation(Check.PROVIDER_DELEGATES_ALL_WORK, PartyRole.PROVIDER, null, org, name(m, org)));
            }
        });
        return new Result(out);
    }

    private void checkHops(ResponsibilityMatrix m, Map<String, Agreement> agreements, Duty duty, PartyRole role,
                           Assignment a, List<Violation> out) {
        for (Hop hop : a.chain()) {
            if (!hop.cited()) {
                out.add(violation(Check.HOP_WITHOUT_AGREEMENT, role, duty, hop.to(), id(duty), name(m, hop.from()),
                        name(m, hop.to())));
                continue;
            }
            Agreement agreement = agreements.get(hop.agreement());
            if (agreement == null || !agreement.between(hop.from(), hop.to())) {
                out.add(violation(Check.HOP_OUTSIDE_AGREEMENT, role, duty, hop.to(), id(duty), name(m, hop.from()),
                        name(m, hop.to()), hop.agreement()));
            }
        }
    }

    /** A partner serves the provider (§5 d)): it needs an agreement with a provider other than itself, if there is one. */
    private void checkPartners(ResponsibilityMatrix m, Map<UUID, PartyRole> partners, List<Violation> out) {
        List<Participant> providers = m.holders(PartyRole.PROVIDER);
        partners.forEach((org, role) -> {
            boolean otherProvider = providers.stream().anyMatch(p -> !p.organisation().equals(org));
            boolean bound = m.agreements().stream().anyMatch(ag -> providers.stream()
                    .anyMatch(p -> !p.organisation().equals(org) && ag.between(org, p.organisation())));
            if (otherProvider && !bound) {
                out.add(violation(Check.PARTNER_WITHOUT_AGREEMENT, role, null, org, name(m, org), role));
            }
        });
    }

    private Violation violation(Check check, PartyRole role, Duty duty, UUID org, Object... args) {
        return new Violation(check, rule(check, role), duty == null ? null : duty.id(), org,
                Msg.of("responsibility.violation." + check.name(), displayed(args)));
    }

    private static Object[] displayed(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Enum<?> e) {
                out[i] = Msg.of(e);
            }
        }
        return out;
    }

    private static String id(Duty duty) {
        return duty.id().value();
    }

    private static String name(ResponsibilityMatrix m, UUID org) {
        return m.participant(org).map(Participant::name).orElse(org.toString());
    }
}
