package org.yunjian.obligations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.CloudSystem;
import org.yunjian.shared.Msg;

/**
 * Which obligations a system has and how often they recur: the intervals the standards state, and the defaults the
 * operator configures where they state none ({@code yunjian.lifecycle.obligations.*}). An organisation may set its
 * own interval for a kind, never longer than the maximum — the standard's where it states one, the configured
 * 等保 interval of the system's protection level for the assessment, else {@link #MAX_MONTHS}.
 *
 * @param assessmentMonths the 等保 assessment interval by protection level (levels without an entry have none)
 * @param drillMonths      default drill interval
 * @param reportMonths     default interval of the provider's reports
 * @param evaluationMonths default interval of the customer's evaluation of the provider
 * @param reviewMonths     default interval of security reviews and risk assessments
 * @param kindMonths       default interval of the other kinds the standards name without a number
 *                         ({@code yunjian.lifecycle.obligations.kind-months.<KIND>}; {@link #DEFAULT_KIND_MONTHS})
 * @param ndaLeadDays      how many days before the recorded NDA runs out its renewal is due
 *                         ({@code yunjian.lifecycle.obligations.nda-lead-days}; {@link #DEFAULT_NDA_LEAD_DAYS}): JR/T
 *                         6.3.4 / 6.4.4 ask for "明确的有效周期" and state no lead, so this is a configurable default
 */
public record ObligationPolicy(
        Map<Integer, Integer> assessmentMonths,
        int drillMonths,
        int reportMonths,
        int evaluationMonths,
        int reviewMonths,
        Map<ObligationKind, Integer> kindMonths,
        int ndaLeadDays) {

    /** The default lead of an NDA's renewal before the NDA runs out: not in the standard, a configurable default. */
    public static final int DEFAULT_NDA_LEAD_DAYS = 90;
    /** The longest lead that may be configured. */
    public static final int MAX_NDA_LEAD_DAYS = 365;

    /** With the {@link #DEFAULT_NDA_LEAD_DAYS}. */
    public ObligationPolicy(
            Map<Integer, Integer> assessmentMonths,
            int drillMonths,
            int reportMonths,
            int evaluationMonths,
            int reviewMonths,
            Map<ObligationKind, Integer> kindMonths) {
        this(
                assessmentMonths,
                drillMonths,
                reportMonths,
                evaluationMonths,
                reviewMonths,
                kindMonths,
                DEFAULT_NDA_LEAD_DAYS);
    }

    public static final int MIN_MONTHS = 1;
    public static final int MAX_MONTHS = 60;

    /**
     * The defaults of the periodic duties the standards state without a number (issue 36): none of these is in the
     * text — each is a configurable default, shown as such. The provider's certification is due within the two years
     * JR/T 6.3.1 / 6.4.1 state.
     */
    public static final Map<ObligationKind, Integer> DEFAULT_KIND_MONTHS = Map.ofEntries(
            Map.entry(ObligationKind.DOMAIN_IP_CHECK, 3),
            Map.entry(ObligationKind.VULNERABILITY_SCAN, 3),
            Map.entry(ObligationKind.ENVIRONMENT_TEST, 12),
            Map.entry(ObligationKind.CONFIDENTIALITY_REVIEW, 12),
            Map.entry(ObligationKind.BACKUP_RESTORE_DRILL, 6),
            Map.entry(ObligationKind.ON_CALL_DUTY, 12),
            Map.entry(ObligationKind.INFORMATION_REPORTING, 1),
            Map.entry(ObligationKind.NDA_RENEWAL, 36),
            Map.entry(ObligationKind.PROVIDER_CERTIFICATION, 24),
            Map.entry(ObligationKind.INDUSTRY_JOINT_DRILL, 12),
            Map.entry(ObligationKind.OPERATOR_JOINT_DRILL, 12));

    /** Level 2 every two years, level 3 every year, level 4 every six months; drills yearly; monthly reports. */
    public static final ObligationPolicy DEFAULT = new ObligationPolicy(Map.of(2, 24, 3, 12, 4, 6), 12, 1, 12, 12);

    /** With the {@link #DEFAULT_KIND_MONTHS} for the other kinds. */
    public ObligationPolicy(
            Map<Integer, Integer> assessmentMonths,
            int drillMonths,
            int reportMonths,
            int evaluationMonths,
            int reviewMonths) {
        this(assessmentMonths, drillMonths, reportMonths, evaluationMonths, reviewMonths, DEFAULT_KIND_MONTHS);
    }

    public ObligationPolicy {
        assessmentMonths = Map.copyOf(assessmentMonths);
        Map<ObligationKind, Integer> kinds = new java.util.EnumMap<>(ObligationKind.class);
        kinds.putAll(DEFAULT_KIND_MONTHS);
        if (kindMonths != null) {
            kinds.putAll(kindMonths);
        }
        kindMonths = Map.copyOf(kinds);
        for (int m : assessmentMonths.values()) {
            inRange(m);
        }
        for (int m : kindMonths.values()) {
            inRange(m);
        }
        inRange(drillMonths);
        inRange(reportMonths);
        inRange(evaluationMonths);
        inRange(reviewMonths);
        if (ndaLeadDays < 0 || ndaLeadDays > MAX_NDA_LEAD_DAYS) {
            throw new IllegalArgumentException("ndaLeadDays=" + ndaLeadDays);
        }
        // a configured default may not exceed what a standard states
        for (ObligationKind k : ObligationKind.values()) {
            int configured = configured(
                    k, 3, assessmentMonths, drillMonths, reportMonths, evaluationMonths, reviewMonths, kindMonths);
            for (var industry : org.yunjian.party.Industry.values()) {
                Optional<Integer> max = k.standardMaxMonths(industry);
                if (max.isPresent() && configured > max.get()) {
                    throw new IllegalArgumentException(k + ".defaultMonths=" + configured + ">max=" + max.get());
                }
            }
        }
    }

    private static void inRange(int months) {
        if (months < MIN_MONTHS || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months=" + months);
        }
    }

    private static int configured(
            ObligationKind kind,
            int level,
            Map<Integer, Integer> assessment,
            int drill,
            int report,
            int evaluation,
            int review,
            Map<ObligationKind, Integer> kinds) {
        return switch (kind) {
            case MLPS_ASSESSMENT -> assessment.getOrDefault(level, MAX_MONTHS);
            case EMERGENCY_DRILL,
                    DRILL_MALWARE,
                    DRILL_NETWORK_ATTACK,
                    DRILL_INFORMATION_DESTRUCTION,
                    DRILL_INFORMATION_CONTENT,
                    DRILL_EQUIPMENT_FAILURE,
                    DRILL_DISASTER -> drill;
            case PROVIDER_REPORT, AGENT_SERVICE_REPORT -> report;
            case PROVIDER_EVALUATION -> evaluation;
            case SECURITY_REVIEW, PROVIDER_RISK_ASSESSMENT -> review;
            default -> kinds.getOrDefault(kind, 12);
        };
    }

    /**
     * The validity {@code kind} follows on a system whose agreement is recorded valid until {@code until} (null: none
     * recorded): only the NDA's renewal (JR/T 6.3.4 / 6.4.4) does, due {@link #ndaLeadDays} before it runs out.
     */
    public Optional<Obligation.Validity> validity(ObligationKind kind, java.time.LocalDate until) {
        return kind == ObligationKind.NDA_RENEWAL && until != null
                ? Optional.of(new Obligation.Validity(until, ndaLeadDays))
                : Optional.empty();
    }

    /**
     * The longest interval allowed for {@code kind} on {@code system}, and where it comes from.
     *
     * @param source the requirement stating it, or null (a configured interval or the general bound)
     * @param configured whether it is the operator's configured 等保 interval (not in the standards given)
     */
    public record Limit(int months, RequirementId source, boolean configured) {}

    public Limit maximum(ObligationKind kind, CloudSystem system) {
        Optional<Integer> stated = kind.standardMaxMonths(system.industry());
        if (stated.isPresent()) {
            return new Limit(stated.get(), kind.maxSource(system.industry()).orElse(null), false);
        }
        if (kind == ObligationKind.MLPS_ASSESSMENT && assessmentMonths.containsKey(system.protectionLevel())) {
            return new Limit(assessmentMonths.get(system.protectionLevel()), null, true);
        }
        return new Limit(MAX_MONTHS, null, false);
    }

    /**
     * The default interval for {@code kind} on {@code system}: the interval the sector guide states where it states
     * one (政府网站指南 8.5 b) "每两年至少开展各典型类别安全事件的应急演练一次" is 24 months, not a shorter platform choice);
     * else the platform's configured default (never above the maximum), which the pages label as such.
     */
    public int defaultMonths(ObligationKind kind, CloudSystem system) {
        Optional<Integer> stated = kind.standardMaxMonths(system.industry());
        if (stated.isPresent()) {
            return stated.get();
        }
        return Math.min(
                configured(
                        kind,
                        system.protectionLevel(),
                        assessmentMonths,
                        drillMonths,
                        reportMonths,
                        evaluationMonths,
                        reviewMonths,
                        kindMonths),
                maximum(kind, system).months());
    }

    /**
     * The interval for {@code kind} on {@code system}: the organisation's own ({@code own}, or null) where it is
     * within the maximum, else the default.
     */
    public int months(ObligationKind kind, CloudSystem system, Integer own) {
        return own != null && own >= MIN_MONTHS && own <= maximum(kind, system).months()
                ? own
                : defaultMonths(kind, system);
    }

    /** Why {@code months} may not be an organisation's interval for {@code kind} on {@code system}, if it may not. */
    public Optional<Msg> refusal(ObligationKind kind, CloudSystem system, int months) {
        if (months < MIN_MONTHS) {
            return Optional.of(Msg.of("lifecycle.cal.error.intervalMin", MIN_MONTHS));
        }
        Limit max = maximum(kind, system);
        if (months <= max.months()) {
            return Optional.empty();
        }
        if (max.source() != null) {
            return Optional.of(Msg.of(
                    "lifecycle.cal.error.intervalStandard",
                    months,
                    max.months(),
                    max.source().value()));
        }
        if (max.configured()) {
            return Optional.of(Msg.of(
                    "lifecycle.cal.error.intervalConfigured",
                    months,
                    max.months(),
                    Msg.of("lifecycle.cal.system.level", system.protectionLevel())));
        }
        return Optional.of(Msg.of("lifecycle.cal.error.intervalMax", months, max.months()));
    }

    /**
     * The kinds of obligation {@code system} has: the 等保 assessment from protection level 2 (where an interval is
     * configured for its level); the others where the sector guide of its industry states them under its deployment
     * model (the catalog's subsections), those about the provider only when the system has one, those an agent
     * performs only when an agent is registered on it.
     */
    public List<ObligationKind> kindsFor(CloudSystem system, Catalog catalog) {
        List<ObligationKind> out = new ArrayList<>();
        if (assessmentMonths.containsKey(system.protectionLevel())) {
            out.add(ObligationKind.MLPS_ASSESSMENT);
        }
        for (ObligationKind k : ObligationKind.values()) {
            if (k == ObligationKind.MLPS_ASSESSMENT) {
                continue;
            }
            if ((k.providerResponsible() || k == ObligationKind.PROVIDER_EVALUATION) && system.providerId() == null) {
                continue;
            }
            if (k.performer() == ObligationKind.Performer.AGENT
                    && system.agents().isEmpty()) {
                continue;
            }
            if (!sources(k, system, catalog).isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The obligations a drill of {@code category} (null: none recorded) completes on {@code system}: the general drill
     * only where the system's guide asks for one (JR/T 7.4.2 6) "定期组织演练"), and the obligation of the drill's own
     * category. A government website's drills are per category — 政府网站指南 8.5 b) "每两年至少开展各典型类别安全事件的
     * 应急演练一次" — so there a drill completes its category's obligation and nothing else: not the single drill
     * obligation of before the per-category ones (superseded on upgrade), which any drill used to complete.
     */
    public List<ObligationKind> completedBy(DrillCategory category, CloudSystem system, Catalog catalog) {
        List<ObligationKind> out = new ArrayList<>();
        if (!sources(ObligationKind.EMERGENCY_DRILL, system, catalog).isEmpty()) {
            out.add(ObligationKind.EMERGENCY_DRILL);
        }
        if (category != null) {
            out.addAll(category.obligations());
        }
        return out;
    }

    /**
     * The obligations a completed assessment completes: the 等保 assessment (等级测评) only when the assessment was one —
     * under 等保 and by a third-party 测评机构 ({@link
     * org.yunjian.assessment.AssessmentCompleted#isGradedMlpsAssessment()}); nothing else.
     */
    public static List<ObligationKind> completedBy(org.yunjian.assessment.AssessmentCompleted completed) {
        return completed.isGradedMlpsAssessment() ? List.of(ObligationKind.MLPS_ASSESSMENT) : List.of();
    }

    /** How {@code kind} falls due on {@code system}: {@link ObligationKind#schedule} of the requirements that apply. */
    public Schedule schedule(ObligationKind kind, CloudSystem system, Catalog catalog) {
        return kind.schedule(
                sources(kind, system, catalog).stream().map(Requirement::id).toList());
    }

    /**
     * The requirements {@code kind} comes from on {@code system}: those of the sector guide of its industry that
     * apply to its deployment model (a JR/T requirement of the 行业云 or public-cloud subsection does not make a
     * private cloud's obligation).
     */
    public List<Requirement> sources(ObligationKind kind, CloudSystem system, Catalog catalog) {
        DeploymentModel model = system.deploymentModel() == null
                ? null
                : DeploymentModel.restrictionOf(system.deploymentModel()).orElse(null);
        return kind.sources(system.industry()).stream()
                .map(catalog::requirement)
                .flatMap(Optional::stream)
                .filter(r -> model == null || r.appliesTo(model))
                .toList();
    }
}
