package org.yunjian.obligations;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.Industry;

/**
 * A kind of recurring obligation of a cloud system, with the requirements of the sector guides it comes from, who
 * performs it and, where a guide states one, the longest interval it allows. The numbers the guides do not state (how often the 等保
 * assessment must be repeated, how often a provider reports) are defaults of {@link ObligationPolicy}, configured
 * by the operator; docs/modules/lifecycle.md lists which is which.
 */
public enum ObligationKind {

    /** 等级测评 of the system: not in the standards given; the interval per protection level is configured. */
    MLPS_ASSESSMENT(Map.of(), null, null, Performer.CUSTOMER),

    /**
     * Emergency drills of any kind. JR/T 7.4.2 6): "制定云服务应急管理方案，定期组织演练" (no number). A government
     * website's drills are the per-category kinds below.
     */
    EMERGENCY_DRILL(Map.of(Industry.SECURITIES_FUTURES, List.of("JRT-SF-7.4.2-6")), null, null, Performer.CUSTOMER),

    /** 政府网站指南 8.5 b): "每两年至少开展各典型类别安全事件的应急演练一次" — one per category ({@link DrillCategory}). */
    DRILL_MALWARE(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.5-b")),
            Industry.GOVERNMENT_WEBSITE,
            24,
            Performer.CUSTOMER),
    DRILL_NETWORK_ATTACK(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.5-b")),
            Industry.GOVERNMENT_WEBSITE,
            24,
            Performer.CUSTOMER),
    DRILL_INFORMATION_DESTRUCTION(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.5-b")),
            Industry.GOVERNMENT_WEBSITE,
            24,
            Performer.CUSTOMER),
    DRILL_INFORMATION_CONTENT(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.5-b")),
            Industry.GOVERNMENT_WEBSITE,
            24,
            Performer.CUSTOMER),
    DRILL_EQUIPMENT_FAILURE(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.5-b")),
            Industry.GOVERNMENT_WEBSITE,
            24,
            Performer.CUSTOMER),
    DRILL_DISASTER(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.5-b")),
            Industry.GOVERNMENT_WEBSITE,
            24,
            Performer.CUSTOMER),

    /**
     * The customer's part in the securities and futures industry's emergency drill. JR/T 6.3.3 (行业云) and 6.4.3
     * (public cloud): "受托方应配合委托方参与证券期货业应急演练" — the customer takes part, its provider helps (no number).
     * Not on a private cloud. The 行业云's own part is {@link #OPERATOR_JOINT_DRILL}.
     */
    INDUSTRY_JOINT_DRILL(
            Map.of(Industry.SECURITIES_FUTURES, List.of("JRT-SF-6.3.3-3-5", "JRT-SF-6.4.3-3-5")),
            null,
            null,
            Performer.CUSTOMER),

    /**
     * JR/T 7.3 (行业云运行监督): "行业云应参与证券期货业信息安全联合应急演练" — the 行业云 itself takes part, so the duty is its
     * operator's (the provider running the community cloud). 7.3 is the 行业云 subsection: a public or private cloud
     * has no such duty. No number in the text.
     */
    OPERATOR_JOINT_DRILL(Map.of(Industry.SECURITIES_FUTURES, List.of("JRT-SF-7.3-8")), null, null, Performer.PROVIDER),

    /**
     * The provider's periodic reports and evidence for the customer's supervision. 政府网站指南 8.2.2 g):
     * "应根据监测情况定期向云服务客户提供安全运行报告"; JR/T 7.3: "受托方应依照委托方要求，向委托方提供其符合JR/T 0060及
     * JR/T 0099-2012的必要证据" (行业云) and 7.4.3: "按照合同要求或双方的约定，向委托方提供支持，配合委托方的监督管理"
     * (public cloud). JR/T asks nothing of the kind of a private cloud; no number in any.
     */
    PROVIDER_REPORT(
            Map.of(
                    Industry.GOVERNMENT_WEBSITE,
                    List.of("GOVWEB-8.2.2-g"),
                    Industry.SECURITIES_FUTURES,
                    List.of("JRT-SF-7.3-3", "JRT-SF-7.4.3-1-5")),
            null,
            null,
            Performer.PROVIDER),

    /**
     * The customer's evaluation of the provider's cloud service. JR/T 6.3.1 / 6.4.1: "委托方应…每年评估受托方提供的云服务"
     * (at most 12 months; community and public cloud).
     */
    PROVIDER_EVALUATION(
            Map.of(Industry.SECURITIES_FUTURES, List.of("JRT-SF-6.3.1-2", "JRT-SF-6.4.1-2")),
            Industry.SECURITIES_FUTURES,
            12,
            Performer.CUSTOMER),

    /**
     * Security review / risk assessment. 政府网站指南 8.6 d): "定期或者在…发生重大变更后进行风险评估"; JR/T 7.4.2 3):
     * "定期对受托方进行安全检查" (no number in either).
     */
    SECURITY_REVIEW(
            Map.of(
                    Industry.GOVERNMENT_WEBSITE,
                    List.of("GOVWEB-8.6-d"),
                    Industry.SECURITIES_FUTURES,
                    List.of("JRT-SF-7.4.2-3")),
            null,
            null,
            Performer.CUSTOMER),

    /** 政府网站指南 8.4.1.2 b): "应定期进行网站的域名及IP合规性检测。" (no number). */
    DOMAIN_IP_CHECK(Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.4.1.2-b")), null, null, Performer.CUSTOMER),

    /** 政府网站指南 8.4.1.4 b): "定期对网站应用程序、操作系统及数据库进行脆弱性扫描；" (no number). */
    VULNERABILITY_SCAN(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.4.1.4-b")), null, null, Performer.CUSTOMER),

    /** 政府网站指南 8.4.1.5 c): "对网站环境安全防护措施进行定期测评和检查。" (no number). */
    ENVIRONMENT_TEST(Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.4.1.5-c")), null, null, Performer.CUSTOMER),

    /** 政府网站指南 8.2.1 a): "…指定机构和人员定期负责对迁移到云计算平台上的数据、业务进行保密审查…" (no number). */
    CONFIDENTIALITY_REVIEW(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.2.1-a")), null, null, Performer.CUSTOMER),

    /** 政府网站指南 7.3.7 a) 3): "定期进行网站文件和数据库备份恢复演练，确保备份数据的有效性。" (no number). */
    BACKUP_RESTORE_DRILL(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-7.3.7-a-3")), null, null, Performer.CUSTOMER),

    /**
     * 政府网站指南 8.5 c): "遇到重大节日或敏感时期，应安排24小时值班" (and 7.3.7 a) 4) "特殊时期应启动网站信息安全24小时应急
     * 值班制度"): the duty roster for the coming holidays and sensitive periods (no number).
     */
    ON_CALL_DUTY(
            Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.5-c", "GOVWEB-7.3.7-a-4")),
            null,
            null,
            Performer.CUSTOMER),

    /** 政府网站指南 8.5 c): "…并定期进行信息报送" (no number). */
    INFORMATION_REPORTING(Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.5-c")), null, null, Performer.CUSTOMER),

    /**
     * 政府网站指南 8.2.3 c): the agent "向云服务客户提供安全服务，并定期提供服务报告" (no number). The clause is 云服务代理商's,
     * so every agent registered on the system has its own ({@link #performers}).
     */
    AGENT_SERVICE_REPORT(Map.of(Industry.GOVERNMENT_WEBSITE, List.of("GOVWEB-8.2.3-c")), null, null, Performer.AGENT),

    /**
     * The provider's own periodic risk assessment. 政府网站指南 8.4.2.1 c): "定期进行风险评估，针对评估结果进行安全整改；";
     * JR/T 7.3 / 7.4.3: "受托方应开展周期性的风险评估和监测，保证安全能力持续符合委托方的要求" (no number in either).
     */
    PROVIDER_RISK_ASSESSMENT(
            Map.of(
                    Industry.GOVERNMENT_WEBSITE,
                    List.of("GOVWEB-8.4.2.1-c"),
                    Industry.SECURITIES_FUTURES,
                    List.of("JRT-SF-7.3-4", "JRT-SF-7.4.3-1-4")),
            null,
            null,
            Performer.PROVIDER),

    /** JR/T 6.3.4 / 6.4.4: "保密协议应有明确的有效周期。" — the NDA renewed before it lapses (its period is the NDA's). */
    NDA_RENEWAL(
            Map.of(Industry.SECURITIES_FUTURES, List.of("JRT-SF-6.3.4-2", "JRT-SF-6.4.4-2")),
            null,
            null,
            Performer.CUSTOMER),

    /**
     * JR/T 6.3.1 / 6.4.1: "受托方应设立信息安全管理职能部门，在开展托管业务两年内宜通过信息管理体系认证…和IT服务管理体系认证…"
     * — a deadline of 24 months, then kept up.
     */
    PROVIDER_CERTIFICATION(
            Map.of(Industry.SECURITIES_FUTURES, List.of("JRT-SF-6.3.1-5", "JRT-SF-6.4.1-5")),
            Industry.SECURITIES_FUTURES,
            24,
            Performer.PROVIDER);

    /** Who performs an obligation: the customer, its provider, or an agent (云服务代理商) registered on the system. */
    public enum Performer {
        CUSTOMER,
        PROVIDER,
        AGENT
    }

    private final Map<Industry, List<String>> sources;
    private final Industry limitedIn;
    private final Integer standardMaxMonths;
    private final Performer performer;

    ObligationKind(
            Map<Industry, List<String>> sources, Industry limitedIn, Integer standardMaxMonths, Performer performer) {
        this.sources = sources;
        this.limitedIn = limitedIn;
        this.standardMaxMonths = standardMaxMonths;
        this.performer = performer;
    }

    /** The guide's requirements this obligation comes from for a system of {@code industry}; empty if none. */
    public List<RequirementId> sources(Industry industry) {
        return sources.getOrDefault(industry, List.of()).stream()
                .map(RequirementId::of)
                .toList();
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
        return performer == Performer.PROVIDER;
    }

    /** Who performs it. */
    public Performer performer() {
        return performer;
    }

    /**
     * The organisations that perform it on {@code system}, each with an obligation of its own: the customer, the
     * provider, or every agent (云服务代理商) registered on the system — 政府网站指南 8.2.3 c) names the 云服务代理商, so
     * the website developer, the system integrator and the security service provider each report
     * ({@link ObligationPolicy#kindsFor} lists an agent's kind only when there is one).
     */
    public List<java.util.UUID> performers(org.yunjian.party.CloudSystem system) {
        return switch (performer) {
            case CUSTOMER -> List.of(system.customerId());
            case PROVIDER -> system.providerId() == null ? List.of() : List.of(system.providerId());
            case AGENT ->
                system.agents().stream()
                        .map(org.yunjian.party.CloudSystem.Agent::organizationId)
                        .distinct()
                        .toList();
        };
    }

    /**
     * How it falls due where it comes from {@code sources} (the requirements of the system's guide that apply to it,
     * {@link ObligationPolicy#sources}): JR/T 6.3.1 / 6.4.1 "在开展托管业务两年内宜通过…认证" once, within two years of
     * the start ({@link Schedule#ONCE_WITHIN}: nothing in the text asks for it again); JR/T 7.3 "受托方应依照委托方要求，
     * 向委托方提供其符合JR/T 0060及JR/T 0099-2012的必要证据" when the customer asks ({@link Schedule#ON_REQUEST}); every
     * other duty periodically — 7.4.3's "按照合同要求或双方的约定" at the interval the customer records as its contract's
     * (a labelled platform default until then).
     */
    public Schedule schedule(List<RequirementId> sources) {
        if (this == PROVIDER_CERTIFICATION) {
            return Schedule.ONCE_WITHIN;
        }
        if (this == PROVIDER_REPORT && sources.contains(RequirementId.of("JRT-SF-7.3-3"))) {
            return Schedule.ON_REQUEST;
        }
        return Schedule.EVERY_INTERVAL;
    }

    /** Whether several organisations of a system may each have one ({@link #performers}: the agents). */
    public boolean perPerformer() {
        return performer == Performer.AGENT;
    }

    /**
     * Whether its interval is one the sector guide of {@code industry} states; otherwise it is a configurable default
     * of {@link ObligationPolicy} (shown as such on the page and in the calendar feed).
     */
    public boolean intervalStated(Industry industry) {
        return standardMaxMonths(industry).isPresent();
    }
}
