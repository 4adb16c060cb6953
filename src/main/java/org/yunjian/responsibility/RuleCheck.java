package org.yunjian.responsibility;

import java.time.LocalDate;
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
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.Msg;

/**
 * The general rules of T/CCIA 004-2024 §5 checked over a responsibility matrix (see {@link Check} for the list).
 * The rules — which catalog item states each, the delegation limit of §5 b) 1) — are read once from the catalog;
 * a check is one pass over the matrix, linear in its rows and hops. Duties that do not apply to the system are
 * skipped. A finding a recorded, approved {@link RuleException} covers is reported as such, not as a violation —
 * only for the rules the standard states "原则上" (5 a) 2), 5 b) 1)).
 */
public final class RuleCheck {

    /** The JR/T standard whose subcontracting rule (7.3, 7.4.3) applies to securities and futures systems. */
    static final String JRT = "JRT-SF";
    /** The words by which a §5 rule admits exceptions ("原则上", {@code responsibility/standard-words.properties}). */
    static final String IN_PRINCIPLE = StandardWords.get("in-principle");

    /**
     * The outcome: a matrix with any violation may be saved but not approved; findings an approved exception covers
     * are listed apart and do not stand in the way.
     */
    public record Result(List<Violation> violations, List<Excepted> excepted) {

        public Result {
            violations = List.copyOf(violations);
            excepted = List.copyOf(excepted);
        }

        public Result(List<Violation> violations) {
            this(violations, List.of());
        }

        public boolean approvable() {
            return violations.isEmpty();
        }
    }

    /** A finding of a "原则上" rule with the approved exception that covers it. */
    public record Excepted(Violation finding, RuleException exception) {}

    /**
     * What the check needs to know of the system besides its matrix. (A hop without its hand-over day is a finding of
     * its own, {@link Check#HOP_WITHOUT_HANDOVER_DAY}: the check takes no day for it.)
     *
     * @param deploymentModel    the deployment model the system's requirements are restricted to (none for hybrid)
     * @param securitiesFutures  whether the system's customer is in the securities and futures industry (JR/T applies)
     */
    public record Context(DeploymentModel deploymentModel, boolean securitiesFutures) {
        public static final Context NONE = new Context(null, false);
    }

    private record Stated(RequirementId id, Set<PartyRole> roles, int depth, String text) {}

    private final Map<AllocationRule.Kind, List<Stated>> stated;
    private final Map<DeploymentModel, RequirementId> subcontracting;
    private final int maxDepth;

    private RuleCheck(
            Map<AllocationRule.Kind, List<Stated>> stated,
            Map<DeploymentModel, RequirementId> subcontracting,
            int maxDepth) {
        this.stated = stated;
        this.subcontracting = subcontracting;
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
                        .add(new Stated(r.id(), PartyRole.ordered(r.roles()), depth, r.text()));
                if (rule.kind() == AllocationRule.Kind.MAX_DELEGATION_DEPTH && maxDepth == null) {
                    maxDepth = rule.parameter();
                }
            }
        }
        Map<DeploymentModel, RequirementId> subcontracting = new EnumMap<>(DeploymentModel.class);
        for (Requirement r : catalog.find(RequirementFilter.items().standard(JRT))) {
            if (r.text() != null && r.text().contains(Check.SUBCONTRACT_WITHOUT_CONSENT.phrase())) {
                r.deploymentModels().forEach(d -> subcontracting.putIfAbsent(d, r.id()));
            }
        }
        for (Check c : Check.values()) {
            if (c.rule() == null ? subcontracting.isEmpty() : !stated.containsKey(c.rule())) {
                throw new IllegalStateException("rule unstated: " + c);
            }
        }
        if (maxDepth == null) {
            throw new IllegalStateException("no " + AllocationRule.Kind.MAX_DELEGATION_DEPTH);
        }
        return new RuleCheck(stated, subcontracting, maxDepth);
    }

    /**
     * Whether the rule {@code check} enforces admits a recorded, approved exception: its text says "原则上" (in
     * principle) — 5 a) 2) and 5 b) 1) do; the other rules of §5 do not.
     */
    public boolean admitsException(Check check) {
        return check.rule() != null && text(rule(check, PartyRole.PROVIDER)).contains(IN_PRINCIPLE);
    }

    /** The JR/T item forbidding subcontracting without the customer's permission for {@code model}, if any. */
    public java.util.Optional<RequirementId> subcontractingRule(DeploymentModel model) {
        return java.util.Optional.ofNullable(model == null ? null : subcontracting.get(model));
    }

    private String text(RequirementId id) {
        return stated.values().stream()
                .flatMap(List::stream)
                .filter(s -> s.id().equals(id))
                .map(Stated::text)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse("");
    }

    /** How many levels the implementation work may be handed on (§5 b) 1): 2). */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * The most specific catalog item stating {@code check}'s rule for {@code role}'s duty that names the role and says
     * the check's {@linkplain Check#phrase() words}; failing that, one that names the role; else any. The JR/T check
     * cites its public-cloud item here ({@link #subcontractingRule} picks by deployment model).
     */
    public RequirementId rule(Check check, PartyRole role) {
        if (check.rule() == null) {
            return subcontracting.getOrDefault(
                    DeploymentModel.PUBLIC, subcontracting.values().iterator().next());
        }
        List<Stated> all = stated.get(check.rule(role));
        Stated best = best(all, role, check.phrase());
        if (best == null) {
            best = best(all, role, null);
        }
        return (best == null ? all.get(0) : best).id();
    }

    private static Stated best(List<Stated> all, PartyRole role, String phrase) {
        Stated best = null;
        for (Stated s : all) {
            if ((role == null || s.roles().contains(role))
                    && (phrase == null || s.text() != null && s.text().contains(phrase))
                    && (best == null || s.depth() > best.depth())) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The §5 b) 1) violation that handing on {@code a}'s work once more would make, if any. The one-more-hop
     * operation (page and REST) refuses such a hop at once — nobody means to build a chain beyond the limit step by
     * step; a whole row or a workbook may still store one as a draft, which the check then reports.
     */
    public java.util.Optional<Violation> handOnRefusal(Duty duty, Assignment a) {
        return handOnRefusal(duty, a, List.of());
    }

    /** As above, unless an approved exception to §5 b) 1) covers the duty and the accountable organisation. */
    public java.util.Optional<Violation> handOnRefusal(Duty duty, Assignment a, List<RuleException> exceptions) {
        if (a.depth() <= maxDepth) {
            return java.util.Optional.empty();
        }
        PartyRole role = a.accountable().role();
        Violation v = violation(
                Check.DELEGATION_TOO_DEEP, role, duty, a.accountable().organisation(), id(duty), a.depth(), maxDepth);
        return exceptions.stream().anyMatch(e -> e.covers(v)) ? java.util.Optional.empty() : java.util.Optional.of(v);
    }

    public Result check(ResponsibilityMatrix m) {
        return check(m, Context.NONE);
    }

    /** The check of {@code m}, knowing the day and the system ({@link Context}). */
    public Result check(ResponsibilityMatrix m, Context context) {
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
                checkHops(m, agreements, duty, role, a, context, out);
                if (role.isPartner()) {
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
        List<Violation> violations = new ArrayList<>();
        List<Excepted> excepted = new ArrayList<>();
        for (Violation v : out) {
            RuleException e = admitsException(v.check())
                    ? m.exceptions().stream()
                            .filter(x -> x.covers(v))
                            .findFirst()
                            .orElse(null)
                    : null;
            if (e == null) {
                violations.add(v);
            } else {
                excepted.add(new Excepted(v, e));
            }
        }
        return new Result(violations, excepted);
    }

    private void checkHops(
            ResponsibilityMatrix m,
            Map<String, Agreement> agreements,
            Duty duty,
            PartyRole role,
            Assignment a,
            Context context,
            List<Violation> out) {
        for (Hop hop : a.chain()) {
            Object[] who = {id(duty), name(m, hop.from()), name(m, hop.to()), hop.agreement()};
            if (!hop.cited()) {
                out.add(violation(
                        Check.HOP_WITHOUT_AGREEMENT,
                        role,
                        duty,
                        hop.to(),
                        id(duty),
                        name(m, hop.from()),
                        name(m, hop.to())));
                continue;
            }
            Agreement agreement = agreements.get(hop.agreement());
            if (agreement == null || !agreement.between(hop.from(), hop.to())) {
                out.add(violation(Check.HOP_OUTSIDE_AGREEMENT, role, duty, hop.to(), who));
                continue;
            }
            LocalDate handedOver = hop.handedOverOn();
            if (handedOver == null) { // §5 b) 2) cannot be told without the day: said, never assumed
                out.add(violation(Check.HOP_WITHOUT_HANDOVER_DAY, role, duty, hop.to(), who));
            }
            if (!agreement.signedBy(handedOver)) {
                out.add(violation(Check.AGREEMENT_NOT_SIGNED_BEFORE, role, duty, hop.to(), who));
            }
            if (role != PartyRole.CUSTOMER && agreement.supervisionClause() == null) {
                out.add(violation(Check.AGREEMENT_WITHOUT_SUPERVISION, role, duty, hop.to(), who));
            }
            if (agreement.accountabilityClause() == null) {
                out.add(violation(Check.AGREEMENT_WITHOUT_ACCOUNTABILITY, role, duty, hop.to(), who));
            }
            if (context.securitiesFutures()
                    && subcontracts(m, role, hop)
                    && (agreement.customerConsentOn() == null
                            || handedOver != null
                                    && agreement.customerConsentOn().isAfter(handedOver))) {
                subcontractingRule(context.deploymentModel())
                        .ifPresent(rule -> out.add(new Violation(
                                Check.SUBCONTRACT_WITHOUT_CONSENT,
                                rule,
                                duty.id(),
                                hop.to(),
                                Msg.of("responsibility.violation." + Check.SUBCONTRACT_WITHOUT_CONSENT.name(), who))));
            }
        }
    }

    /** A provider hands the work of a duty it answers for to an organisation that is not a provider of the system. */
    private static boolean subcontracts(ResponsibilityMatrix m, PartyRole role, Hop hop) {
        boolean fromProvider =
                m.participant(hop.from()).map(p -> p.holds(PartyRole.PROVIDER)).orElse(false);
        boolean toProvider =
                m.participant(hop.to()).map(p -> p.holds(PartyRole.PROVIDER)).orElse(false);
        return role == PartyRole.PROVIDER && fromProvider && !toProvider;
    }

    /** A partner serves the provider (§5 d)): it needs an agreement with a provider other than itself, if there is one. */
    private void checkPartners(ResponsibilityMatrix m, Map<UUID, PartyRole> partners, List<Violation> out) {
        List<Participant> providers = m.holders(PartyRole.PROVIDER);
        partners.forEach((org, role) -> {
            boolean otherProvider =
                    providers.stream().anyMatch(p -> !p.organisation().equals(org));
            boolean bound = m.agreements().stream().anyMatch(ag -> providers.stream()
                    .anyMatch(p -> !p.organisation().equals(org) && ag.between(org, p.organisation())));
            if (otherProvider && !bound) {
                out.add(violation(Check.PARTNER_WITHOUT_AGREEMENT, role, null, org, name(m, org), role));
            }
        });
    }

    private Violation violation(Check check, PartyRole role, Duty duty, UUID org, Object... args) {
        return new Violation(
                check,
                rule(check, role),
                duty == null ? null : duty.id(),
                org,
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
