package org.yunjian.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yunjian.catalog.RequirementId;
import org.yunjian.party.Industry;

/**
 * A kind of recurring obligation of a cloud system, with the requirements of the sector guides it comes from and,
 * where a guide states one, the longest interval it allows. The numbers the guides do not state (how often the 等保
 * assessment must be repeated, how often a provider reports) are defaults of {@link ObligationPolicy}, configured
 * by the operator; docs/modules/lifecycle.md lists which is which.
 */
public enum ObligationKind {

    /** 等级测评 of the system: not in the standards given; the interval per protection level is configured. */
    MLPS_ASSESSMENT(Map.of(), null, null, false),

    /**
     * Emergency drills. 政府网站指南 8.5 b): "每两年至少开展各典型类别安全事件的应急演练一次" (at most 24 months);
     * JR/T 7.4.2 6): "制定云服务应急管理方案，定期组织演练" (no number).
     */
    EMERGENCY_DRILL(Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.5-b"),
            Industry.SECURITIES_FUTURES, List.of("JRT-SF-7.4.2-6")), Industry.GOVERNMENT_WEBSITE, 24, false),

    /**
     * The provider's periodic reports, supervised by the customer. 政府网站指南 8.2.2 g): "定期向云服务客户提供安全运行报告";
     * JR/T 4.2.3: "委托方应定期监督受托方履行合同…约定的责任义务" (no number in either).
     */
    PROVIDER_REPORT(Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.2.2-g"),
            Industry.SECURITIES_FUTURES, List.of("JRT-SF-4.2.3-1")), null, null, true),

    /**
     * The customer's evaluation of the provider's cloud service. JR/T 6.3.1 / 6.4.1: "委托方应…每年评估受托方提供的云服务"
     * (at most 12 months; community and public cloud).
     */
    PROVIDER_EVALUATION(Map.of(Industry.SECURITIES_FUTURES, List.of("JRT-SF-6.3.1-2", "JRT-SF-6.4.1-2")),
            Industry.SECURITIES_FUTURES, 12, false),

    /**
     * Security review / risk assessment. 政府网站指南 8.6 d): "定期或者在…发生重大变更后进行风险评估"; JR/T 7.4.2 3):
     * "定期对受托方进行安全检查" (no number in either).
     */
    SECURITY_REVIEW(Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.6-d"),
            Industry.SECURITIES_FUTURES, List.of("JRT-SF-7.4.2-3")), null, null, false);

    private final Map<Industry, List<String>> sources;
    private final Industry limitedIn;
    private final Integer standardMaxMonths;
    private final boolean providerResponsible;

    ObligationKind(Map<Industry, List<String>> sources, Industry limitedIn, Integer standardMaxMonths,
                   boolean providerResponsible) {
        this.sources = sources;
        this.limitedIn = limitedIn;
        this.standardMaxMonths = standardMaxMonths;
        this.providerResponsible = providerResponsible;
    }

    /** The guide's requirements this obligation comes from for a system of {@code industry}; empty if none. */
    public List<RequirementId> sources(Industry industry) {
        return sources.getOrDefault(industry, List.of()).stream().map(RequirementId::of).toList();
    }

    /** The longest interval the sector guide of {@code industry} states for this kind, if it states one. */
    public Optional<Integer> standardMaxMonths(Industry industry) {
        return standardMaxMonths != null && limitedIn == industry ? Optional.of(standardMaxMonths) : Optional.empty();
    }

    /** The requirement stating the maximum for {@code industry}, if any (the first source). */
    public Optional<RequirementId> maxSource(Industry industry) {
        return standardMaxMonths(industry).map(m -> sources(industry).get(0));
    }

    /** Whether the provider (rather than the customer) performs it: it delivers the reports the customer supervises. */
    public boolean providerResponsible() {
        return providerResponsible;
    }
}
