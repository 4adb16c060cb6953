package org.yunjian.bench;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.party.ServiceModel;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Agreement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.Duties;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RoleAssistant;
import org.yunjian.responsibility.RoleProposal;
import org.yunjian.responsibility.RuleCheck;

/**
 * The T/CCIA 004-2024 §5 rule check of one cloud system's whole matrix (issue 12: "the rule check of one system
 * &lt; 50 ms"), and the generation of that matrix from the standard, on the shipped catalog and the real domain
 * types. The system is the demo portal's: customer, provider (which, by the Annex A assistant, also supplies its
 * platform software), O&M, security service and hardware providers; every §6–§9 duty (173 rows), four agreements
 * and the benchmark's three hand-ons (one of them two levels deep) — the same matrix {@code bench/responsibility.sh}
 * builds through the REST API, so the check finds no violation and walks every row, assignment and hop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class ResponsibilityCheckBenchmark {

    private Duties duties;
    private RuleCheck ruleCheck;
    private UUID system;
    private List<Participant> participants;
    private ResponsibilityMatrix matrix;
    private ResponsibilityMatrix violating;

    @Setup
    public void setUp() {
        Catalog catalog = CatalogLoading.fromClasspath();
        duties = Duties.of(catalog);
        ruleCheck = RuleCheck.of(catalog);
        RoleAssistant assistant = RoleAssistant.of(catalog);
        system = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        UUID om = UUID.randomUUID();
        UUID security = UUID.randomUUID();
        UUID hardware = UUID.randomUUID();
        Map<UUID, Set<Behaviour>> does = new LinkedHashMap<>();
        does.put(customer, EnumSet.of(Behaviour.USE_CLOUD_SERVICE));
        does.put(
                provider,
                EnumSet.of(
                        Behaviour.PROVIDE_CLOUD_SERVICE,
                        Behaviour.SELECT_PLATFORM_SOFTWARE,
                        Behaviour.MANAGE_PLATFORM_OM,
                        Behaviour.CONTROL_UNDERLYING_HARDWARE,
                        Behaviour.DECIDE_SECURITY_CAPABILITY,
                        Behaviour.PROVIDE_PLATFORM_SOFTWARE));
        does.put(om, EnumSet.of(Behaviour.PROVIDE_OM_SERVICE));
        does.put(security, EnumSet.of(Behaviour.PROVIDE_SECURITY_SERVICE));
        does.put(hardware, EnumSet.of(Behaviour.PROVIDE_PHYSICAL_SERVERS));
        Map<UUID, List<RoleProposal>> roles = assistant.determine(does);
        List<String> names = List.of("示例市人民政府办公厅", "示例政务云计算有限公司", "示例系统集成有限公司", "示例网络安全服务有限公司", "示例服务器制造有限公司");
        participants = does.keySet().stream()
                .map(org -> new Participant(
                        org,
                        names.get(List.copyOf(does.keySet()).indexOf(org)),
                        roles.get(org).stream().map(RoleProposal::role).collect(Collectors.toSet())))
                .toList();
        ResponsibilityMatrix m = ResponsibilityMatrix.generate(duties, system, ServiceModel.IAAS, participants)
                .withAgreement(new Agreement("云服务合同", customer, provider))
                .withAgreement(new Agreement("运维服务协议", provider, om))
                .withAgreement(new Agreement("安全服务协议", provider, security))
                .withAgreement(new Agreement("硬件供货与维保协议", provider, hardware));
        m = m.delegate(
                new RequirementId("TCCIA004-8.2.3-b-3"),
                new Accountable(provider, PartyRole.PROVIDER),
                security,
                "安全服务协议",
                "4.2",
                java.time.LocalDate.of(2026, 1, 20));
        RequirementId infra = first(m, provider, PartyRole.PROVIDER, Layer.INFRASTRUCTURE);
        m = m.delegate(
                infra,
                new Accountable(provider, PartyRole.PROVIDER),
                om,
                "运维服务协议",
                "2.1",
                java.time.LocalDate.of(2026, 1, 20));
        RequirementId own = first(m, customer, PartyRole.CUSTOMER, null);
        m = m.delegate(
                        own,
                        new Accountable(customer, PartyRole.CUSTOMER),
                        provider,
                        "云服务合同",
                        "7.3",
                        java.time.LocalDate.of(2026, 1, 20))
                .delegate(
                        own,
                        new Accountable(customer, PartyRole.CUSTOMER),
                        om,
                        "运维服务协议",
                        "6.3",
                        java.time.LocalDate.of(2026, 1, 20));
        matrix = m;
        RuleCheck.Result r = ruleCheck.check(matrix);
        if (!r.approvable() || matrix.rows().size() < 170) {
            throw new IllegalStateException("expected a clean matrix of every duty: "
                    + matrix.rows().size() + " rows, violations " + r.violations());
        }
        // the same matrix with a third hop and no agreement between the hardware provider and the customer
        violating = m.delegate(
                own,
                new Accountable(customer, PartyRole.CUSTOMER),
                hardware,
                "云服务合同",
                "9.1",
                java.time.LocalDate.of(2026, 1, 20));
        if (ruleCheck.check(violating).approvable()) {
            throw new IllegalStateException("expected violations");
        }
    }

    private static RequirementId first(ResponsibilityMatrix m, UUID org, PartyRole role, Layer layer) {
        for (MatrixRow row : m.rows()) {
            if (row.applicable() && (layer == null || row.duty().layer() == layer)) {
                for (Assignment a : row.assignments()) {
                    if (a.accountable().equals(new Accountable(org, role))) {
                        return row.duty().id();
                    }
                }
            }
        }
        throw new IllegalStateException("no duty for " + role + " in " + layer);
    }

    /** §5 rule check of one system's whole matrix, no violation (every row, assignment and hop walked). */
    @Benchmark
    public RuleCheck.Result ruleCheck() {
        return ruleCheck.check(matrix);
    }

    /** The same with a three-level chain outside any agreement: violations built with their messages. */
    @Benchmark
    public RuleCheck.Result ruleCheckWithViolations() {
        return ruleCheck.check(violating);
    }

    /** The first matrix of a system generated from the standard (every duty, the roles the duty names). */
    @Benchmark
    public ResponsibilityMatrix generate() {
        return ResponsibilityMatrix.generate(duties, system, ServiceModel.IAAS, participants);
    }
}
