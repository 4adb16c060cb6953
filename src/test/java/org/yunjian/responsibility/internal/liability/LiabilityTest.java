package org.yunjian.responsibility.internal.liability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.catalog.PartyRole.CUSTOMER;
import static org.yunjian.catalog.PartyRole.PARTNER_HARDWARE;
import static org.yunjian.catalog.PartyRole.PARTNER_OM_SERVICE;
import static org.yunjian.catalog.PartyRole.PARTNER_SECURITY_SERVICE;
import static org.yunjian.catalog.PartyRole.PARTNER_SOFTWARE;
import static org.yunjian.catalog.PartyRole.PROVIDER;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Fixtures;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.TestCatalog;

/** Annex B of T/CCIA 004-2024, table B.1: the liable roles of the 16 typical incidents, found and mapped. */
class LiabilityTest {

    private final Liability liability = TestCatalog.liability();

    /** The ✓ columns of table B.1, transcribed from the standard independently of the catalog. */
    record Row(int number, Set<PartyRole> liable, String clause) {}

    static Stream<Row> tableB1() {
        Set<PartyRole> partners =
                Set.of(PARTNER_SOFTWARE, PARTNER_HARDWARE, PARTNER_OM_SERVICE, PARTNER_SECURITY_SERVICE);
        return Stream.of(
                new Row(1, Set.of(CUSTOMER), "6.3"),
                new Row(2, Set.of(PROVIDER), "6.3"),
                new Row(3, partners, "6.3"),
                new Row(4, Set.of(CUSTOMER), "7.1.1"),
                new Row(5, Set.of(PROVIDER), "7.1.1"),
                new Row(6, Set.of(PARTNER_HARDWARE), "7.1.1"),
                new Row(7, Set.of(CUSTOMER), "7.1.2"),
                new Row(8, Set.of(PROVIDER), "7.1.2"),
                new Row(9, Set.of(PARTNER_HARDWARE), "7.1.2"),
                new Row(10, Set.of(PROVIDER), "8.1.1"),
                new Row(11, Set.of(PARTNER_SOFTWARE), "8.1.1"),
                new Row(12, Set.of(PROVIDER), "8.1.2"),
                new Row(13, Set.of(PARTNER_SOFTWARE), "6.6"),
                new Row(14, Set.of(CUSTOMER), "9.2"),
                new Row(15, Set.of(CUSTOMER), "9.2"),
                new Row(16, Set.of(CUSTOMER), "9.2"));
    }

    @Test
    void holdsTheSixteenIncidentsInTableOrder() {
        assertThat(liability.incidents())
                .extracting(i -> i.id().value())
                .containsExactlyElementsOf(
                        tableB1().map(r -> "TCCIA004-B-" + r.number()).toList());
    }

    @ParameterizedTest
    @MethodSource("tableB1")
    void returnsTheLiableRolesOfTheStandard(Row row) {
        Liability.Incident incident = liability
                .incident(RequirementId.of("TCCIA004-B-" + row.number()))
                .orElseThrow();

        assertThat(incident.liableRoles()).isEqualTo(row.liable());
        assertThat(incident.relatedClause()).isEqualTo(row.clause());
        assertThat(liability.analyse(incident, Fixtures.clean()).rows())
                .as("matrix rows of %s", row.clause())
                .isNotEmpty();
    }

    @Test
    void findsAnIncidentByChineseText() {
        assertThat(liability.search("物理设备存在恶意程序"))
                .extracting(i -> i.id().value())
                .containsExactly("TCCIA004-B-9");
        assertThat(liability.search("口令")).extracting(i -> i.id().value()).containsExactly("TCCIA004-B-14");
    }

    @Test
    void findsAnIncidentByEnglishText() {
        assertThat(liability.search("malicious programs"))
                .extracting(i -> i.id().value())
                .containsExactly("TCCIA004-B-9");
        assertThat(liability.search("passwords leaked"))
                .extracting(i -> i.id().value())
                .contains("TCCIA004-B-14");
    }

    @Test
    void findsIncidentsByCategoryDespiteTheTablesLineBreaks() {
        assertThat(liability.search("安全组织及人员"))
                .extracting(i -> i.id().value())
                .contains("TCCIA004-B-1", "TCCIA004-B-2", "TCCIA004-B-3");
        assertThat(liability.search("物理设备安全"))
                .extracting(i -> i.id().value())
                .contains("TCCIA004-B-7", "TCCIA004-B-8", "TCCIA004-B-9");
        assertThat(liability.search(" ")).hasSize(16);
    }

    @Test
    void mapsTheLiableRolesToTheSystemsOrganisationsAndMatrixRows() {
        Liability.Incident malware =
                liability.incident(RequirementId.of("TCCIA004-B-9")).orElseThrow();

        Liability.Analysis analysis = liability.analyse(malware, Fixtures.clean());

        assertThat(analysis.liable()).containsOnlyKeys(PARTNER_HARDWARE);
        assertThat(analysis.liable().get(PARTNER_HARDWARE))
                .extracting(Participant::organisation)
                .containsExactly(Fixtures.HARDWARE);
        assertThat(analysis.rows())
                .extracting(r -> r.duty().id().value())
                .containsExactly("TCCIA004-7.1.2-c", "TCCIA004-7.1.2-c-1", "TCCIA004-7.1.2-c-2");
        assertThat(analysis.rows().get(2).assignments())
                .extracting(Assignment::implementer)
                .containsExactly(Fixtures.HARDWARE);
    }

    @Test
    void aLiableRoleNobodyHoldsMapsToNoOrganisation() {
        Liability.Incident partnersStaff =
                liability.incident(RequirementId.of("TCCIA004-B-3")).orElseThrow();
        ResponsibilityMatrix onlyCustomerAndProvider = ResponsibilityMatrix.generate(
                TestCatalog.duties(),
                Fixtures.SYSTEM,
                null,
                Fixtures.participants().subList(0, 2));

        Map<PartyRole, List<Participant>> liable =
                liability.analyse(partnersStaff, onlyCustomerAndProvider).liable();

        assertThat(liable).hasSize(4).allSatisfy((role, holders) -> assertThat(holders)
                .isEmpty());
    }

    /**
     * Issue 36 R-7: table B.1 prints no clause. B.1 13 "云计算平台运行过程中，对已发现云计算平台软件漏洞未及时通报云服务提供者，
     * 而引发安全风险的。" breaks the software provider's 6.6 c) 3) "发现自身产品、服务存在漏洞、安全缺陷的，应当及时告知受影响的
     * 云服务提供者，并采取必要措施，防范风险。" and 6.5 c) 1) (the notification terms of its agreement), not a duty of 8.1.2,
     * which names only the provider: the analysis lists exactly those rows.
     */
    @Test
    void incident13PointsToTheSoftwareProvidersVulnerabilityNoticeDutiesNot812() {
        Liability.Incident incident =
                liability.incident(RequirementId.of("TCCIA004-B-13")).orElseThrow();

        assertThat(incident.relatedDuties())
                .extracting(RequirementId::value)
                .containsExactly("TCCIA004-6.6-c-3", "TCCIA004-6.5-c-1");
        assertThat(liability.analyse(incident, Fixtures.clean()).rows())
                .extracting(r -> r.duty().id().value())
                .containsExactlyInAnyOrder("TCCIA004-6.6-c-3", "TCCIA004-6.5-c-1");
        assertThat(TestCatalog.catalog()
                        .requirement(RequirementId.of("TCCIA004-6.6-c-3"))
                        .orElseThrow()
                        .text())
                .isEqualTo("发现自身产品、服务存在漏洞、安全缺陷的，应当及时告知受影响的云服务提供者，并采取必要措施，防范风险。");
    }

    /** Table B.1, row 9, as printed (T/CCIA 004-2024 Annex B; the tab-separated line of the standard's text). */
    static final String B1_9 = "9.\t\t因物理设备存在恶意程序，或硬件提供者未及时告知已识别漏洞或安全缺陷而导致的问题。\t\t\t\t✓\t\t";
    /** 7.1.2 c) 2), the hardware provider's duty under 物理设备安全, as printed. */
    static final String TCCIA_7_1_2_C_2 = "- 2) 不得设置恶意程序，发现自身供应的硬件存在漏洞、安全缺陷的，应当及时告知受影响的云服务提供者。";
    /** 6.6 c) 3), every partner's supply-chain notice duty, as printed. */
    static final String TCCIA_6_6_C_3 = "- 3) 发现自身产品、服务存在漏洞、安全缺陷的，应当及时告知受影响的云服务提供者，并采取必要措施，防范风险。";

    /**
     * Issue 36 (finishing, Annex B B-9): B.1 9 "因物理设备存在恶意程序，或硬件提供者未及时告知已识别漏洞或安全缺陷而导致的问题。"
     * (category 基础设施层-物理设备安全, ✓ 硬件提供者 only) breaks 7.1.2 c) 2) "不得设置恶意程序，发现自身供应的硬件存在漏洞、
     * 安全缺陷的，应当及时告知受影响的云服务提供者。" — the only duty that states both halves of the incident (the malicious
     * program and the notice), given to the hardware provider under 7.1.2 物理设备安全. The mapping to 7.1.2 is right: §6.6
     * has no item d) (the suspected "6.6 d) 2)" does not exist), and 6.6 c) 3) states the notice for every partner's
     * products and services, not the malicious program.
     */
    @Test
    void incident9BreaksTheHardwareProvidersDuty712c2WhichStatesBothHalves() throws java.io.IOException {
        List<String> standard = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt"));
        assertThat(standard).contains(B1_9, TCCIA_7_1_2_C_2, TCCIA_6_6_C_3);
        Liability.Incident incident =
                liability.incident(RequirementId.of("TCCIA004-B-9")).orElseThrow();
        var catalog = TestCatalog.catalog();

        assertThat(B1_9).contains(incident.text());
        assertThat(incident.liableRoles()).containsExactly(PARTNER_HARDWARE);
        assertThat(incident.relatedClause()).isEqualTo("7.1.2");
        // the duty the analysis lists that states both halves of the incident is 7.1.2 c) 2), the hardware provider's
        var duty = catalog.requirement(RequirementId.of("TCCIA004-7.1.2-c-2")).orElseThrow();
        assertThat(TCCIA_7_1_2_C_2).endsWith(duty.text());
        assertThat(duty.text()).contains("恶意程序", "漏洞、安全缺陷", "及时告知");
        assertThat(TestCatalog.duties().get(duty.id()).orElseThrow().roles()).containsExactly(PARTNER_HARDWARE);
        assertThat(liability.analyse(incident, Fixtures.clean()).rows())
                .extracting(r -> r.duty().id().value())
                .contains("TCCIA004-7.1.2-c-2");
        // no other duty of §6–§9 speaks of a malicious program
        assertThat(TestCatalog.duties().all())
                .filteredOn(
                        d -> catalog.requirement(d.id()).orElseThrow().text().contains("恶意程序"))
                .extracting(d -> d.id().value())
                .containsExactly("TCCIA004-7.1.2-c-2");
        // 6.6 has no item d): the suspected 6.6 d) 2) is no duty; 6.6 c) 3) states the notice only
        assertThat(catalog.requirement(RequirementId.of("TCCIA004-6.6-d"))).isEmpty();
        assertThat(catalog.requirement(RequirementId.of("TCCIA004-6.6-d-2"))).isEmpty();
        assertThat(catalog.requirement(RequirementId.of("TCCIA004-6.6-c-3"))
                        .orElseThrow()
                        .text())
                .doesNotContain("恶意程序");
    }

    /** Table B.1, row 6, as printed: ✓ in the 硬件提供者 column only. */
    static final String B1_6 = "6.\t\t未按照云服务提供者验收后的标准持续交付机房。\t\t\t\t✓\t\t";

    /** Table A.1: two hardware providers doing different things. */
    static final String A1_D = "D 组织\t提供物理机房。\t硬件提供者";

    static final String A1_E = "E 组织\t提供物理服务器。\t硬件提供者";

    private static final java.util.UUID ROOM = java.util.UUID.fromString("00000000-0000-0000-0000-0000000000d2");

    /** A fresh system whose hardware providers did or did not tell the role assistant what they do. */
    private static ResponsibilityMatrix hardware(Participant... hardware) {
        List<Participant> ps = new java.util.ArrayList<>(Fixtures.participants().stream()
                .filter(p -> !p.holds(PARTNER_HARDWARE))
                .toList());
        ps.addAll(List.of(hardware));
        return ResponsibilityMatrix.generate(
                TestCatalog.duties(), Fixtures.SYSTEM, org.yunjian.party.ServiceModel.IAAS, ps);
    }

    private static Participant doing(java.util.UUID org, String name, org.yunjian.responsibility.Behaviour b) {
        return new Participant(org, name, Set.of(PARTNER_HARDWARE), Set.of(b));
    }

    /**
     * Issue 59, T/CCIA 004-2024 Annex B table B.1 item 6 "未按照云服务提供者验收后的标准持续交付机房。" (✓ 硬件提供者) breaks
     * 7.1.1 c) "云服务合作者中的硬件提供者应：1) 确保机房的选址、设计…并支持机房通过云服务提供者的验收；2) …并按照云服务提供者提出
     * 的交付要求进行交付。" — the duty of the hardware provider that provides the machine room (Annex A table A.1 "D 组织
     * 提供物理机房。 硬件提供者"), not of the one that provides servers ("E 组织 提供物理服务器。 硬件提供者"). On a fresh system
     * with both, the analysis names only the machine room's; with the server manufacturer alone, nobody, saying why; B.1
     * 9 (物理设备, 7.1.2 c)) stays the server manufacturer's.
     */
    @Test
    void incidentB1_6NamesOnlyTheHardwareProviderThatProvidesTheMachineRoom() throws java.io.IOException {
        List<String> standard = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt"));
        assertThat(standard).contains(B1_6, A1_D, A1_E);
        Liability.Incident room =
                liability.incident(RequirementId.of("TCCIA004-B-6")).orElseThrow();
        Liability.Incident malware =
                liability.incident(RequirementId.of("TCCIA004-B-9")).orElseThrow();
        assertThat(B1_6).contains(room.text());
        assertThat(room.liableRoles()).containsExactly(PARTNER_HARDWARE);
        Participant maker =
                doing(Fixtures.HARDWARE, "Server maker", org.yunjian.responsibility.Behaviour.PROVIDE_PHYSICAL_SERVERS);
        Participant landlord =
                doing(ROOM, "Machine-room landlord", org.yunjian.responsibility.Behaviour.PROVIDE_MACHINE_ROOM);

        // both: B.1 6 is the landlord's, B.1 9 the server maker's
        ResponsibilityMatrix both = hardware(maker, landlord);
        Liability.Analysis roomBoth = liability.analyse(room, both);
        assertThat(roomBoth.liable().get(PARTNER_HARDWARE))
                .extracting(Participant::organisation)
                .containsExactly(ROOM);
        assertThat(roomBoth.doing())
                .containsEntry(PARTNER_HARDWARE, org.yunjian.responsibility.Behaviour.PROVIDE_MACHINE_ROOM);
        LiabilityAnalysis stored = LiabilityAnalysis.of(roomBoth, both, 1, null, o -> List.of());
        assertThat(stored.names(Fixtures.HARDWARE)).isFalse();
        assertThat(stored.names(ROOM)).isTrue();
        assertThat(stored.liable().get(0).onlyDoing().text(java.util.Locale.CHINESE))
                .contains("提供物理机房");
        assertThat(LiabilityAnalysis.read(stored.json())).isEqualTo(stored);
        assertThat(liability.analyse(malware, both).liable().get(PARTNER_HARDWARE))
                .extracting(Participant::organisation)
                .containsExactly(Fixtures.HARDWARE);

        // the server manufacturer alone (the demo's case): nobody is liable for machine-room delivery, and why
        ResponsibilityMatrix serversOnly = hardware(maker);
        Liability.Analysis roomServers = liability.analyse(room, serversOnly);
        assertThat(roomServers.liable().get(PARTNER_HARDWARE)).isEmpty();
        LiabilityAnalysis shown = LiabilityAnalysis.of(roomServers, serversOnly, 1, null, o -> List.of());
        assertThat(shown.names(Fixtures.HARDWARE)).isFalse();
        assertThat(shown.liable().get(0).nobody(true).text(java.util.Locale.CHINESE))
                .contains("提供物理机房")
                .doesNotContain("缺口");
        assertThat(shown.liable().get(0).nobody(true).text(java.util.Locale.ENGLISH))
                .contains("machine room");
        // the rows shown are the machine room's, which the matrix gives nobody on this system
        assertThat(roomServers.rows())
                .extracting(r -> r.duty().id().value())
                .contains("TCCIA004-7.1.1-c-1", "TCCIA004-7.1.1-c-2");
        assertThat(roomServers.rows())
                .filteredOn(r -> r.duty().names(PARTNER_HARDWARE))
                .allSatisfy(r -> assertThat(r.names(Fixtures.HARDWARE)).isFalse());

        // a hardware provider that told nobody what it does may be either: it stays named, as the matrix names it
        assertThat(liability.analyse(room, Fixtures.clean()).liable().get(PARTNER_HARDWARE))
                .extracting(Participant::organisation)
                .containsExactly(Fixtures.HARDWARE);
        assertThat(liability.analyse(room, Fixtures.clean()).doing()).isEmpty();
    }
}
