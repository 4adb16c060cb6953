package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.responsibility.Fixtures.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.ServiceModel;

/**
 * Issue 36, R-1, R-2, C-1: which duties of T/CCIA 004-2024 §6–§9 a generated matrix asks of whom — conditions asked
 * as questions, Annex A's behaviours telling hardware providers apart, containers as wide as their sub-items, bare
 * lead-ins as headings. Each test quotes the line of the standard (docs/standards/tccia-004-2024-…txt) it enforces.
 */
class MatrixApplicabilityTest {

    private static final Path STANDARD = Path.of("docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt");
    private static final UUID ROOM = UUID.fromString("00000000-0000-0000-0000-0000000000d2");

    private final Duties duties = TestCatalog.duties();

    private ResponsibilityMatrix generated(List<Participant> participants) {
        return ResponsibilityMatrix.generate(duties, SYSTEM, ServiceModel.IAAS, participants);
    }

    private static String standard() throws IOException {
        return Files.readString(STANDARD, StandardCharsets.UTF_8);
    }

    @Test
    void everyQuestionQuotesItsConditionVerbatimFromTheStandardAndTheDutyItOpens() throws IOException {
        String text = standard();
        for (ApplicabilityQuestion q : ApplicabilityQuestion.values()) {
            assertThat(text).as(q.name()).contains(q.condition());
            assertThat(TestCatalog.catalog().requirement(q.duty()).orElseThrow().text())
                    .as(q.name())
                    .contains(q.condition());
            assertThat(duties.get(q.duty()).orElseThrow().condition()).isEqualTo(q);
            assertThat(q.text().text(Locale.CHINESE)).endsWith("？");
            assertThat(q.text().text(Locale.ENGLISH)).endsWith("?");
        }
        // the sub-items of 7.2 c) 2) share its condition
        assertThat(duties.get(id("TCCIA004-7.2-c-2-3")).orElseThrow().condition())
                .isEqualTo(ApplicabilityQuestion.OM_RUNS_MACHINE_ROOM);
        assertThat(duties.all().stream().filter(d -> d.condition() != null)).hasSize(8);
    }

    @Test
    void r1_clause7_2a_doesNotApplyWhenTheCustomerDoesNotRunTheMachineRoom() throws IOException {
        String line = "- a) 当客户自行负责机房管理时，客户与云服务提供者、云服务合作者明确机房物理环境的访问控制要求，" + "宜确保机房的访问控制同时满足云服务运行和自身安全管控的要求。";
        assertThat(standard()).contains(line);
        ResponsibilityMatrix m = generated(participants());
        assertThat(m.row(id("TCCIA004-7.2-a")).orElseThrow().names(CUSTOMER)).isTrue();

        ResponsibilityMatrix no = m.withAnswer(ApplicabilityQuestion.CUSTOMER_RUNS_MACHINE_ROOM, false);

        MatrixRow row = no.row(id("TCCIA004-7.2-a")).orElseThrow();
        assertThat(row.applicable()).isFalse();
        assertThat(row.assignments()).isEmpty();
        assertThat(row.notApplicable().text(Locale.CHINESE))
                .contains("当客户自行负责机房管理时")
                .contains("客户是否自行负责机房管理");
        assertThat(no.answers()).containsEntry(ApplicabilityQuestion.CUSTOMER_RUNS_MACHINE_ROOM, false);
        assertThat(TestCatalog.ruleCheck().check(no).violations()).noneMatch(v -> v.dutyId()
                .filter(d -> d.value().equals("TCCIA004-7.2-a"))
                .isPresent());
        // nothing else changed
        assertThat(no.rows().stream()
                        .filter(r -> !r.duty().id().equals(id("TCCIA004-7.2-a")))
                        .toList())
                .isEqualTo(m.rows().stream()
                        .filter(r -> !r.duty().id().equals(id("TCCIA004-7.2-a")))
                        .toList());

        ResponsibilityMatrix yes = no.withAnswer(ApplicabilityQuestion.CUSTOMER_RUNS_MACHINE_ROOM, true);
        assertThat(yes.row(id("TCCIA004-7.2-a")).orElseThrow())
                .isEqualTo(m.row(id("TCCIA004-7.2-a")).orElseThrow());
        ResponsibilityMatrix withdrawn = no.withAnswer(ApplicabilityQuestion.CUSTOMER_RUNS_MACHINE_ROOM, null);
        assertThat(withdrawn.answers()).isEmpty();
        assertThat(withdrawn.row(id("TCCIA004-7.2-a")).orElseThrow().applicable())
                .isTrue();
    }

    @Test
    void issue59_clause7_1_2b2_appliesOnlyToASystemDesignatedCriticalInformationInfrastructure() throws IOException {
        // T/CCIA 004-2024 7.1.2 b) 2), line 341: a duty for CII only
        assertThat(standard())
                .contains(" - 2) 云服务系统被认定为关键基础设施的，物理设备的采购应满足网络安全审查相关的要求，包括要求硬件提供者签署保密协议，" + "采取供应链风险信息共享的安全措施。");
        org.yunjian.catalog.RequirementId cii = id("TCCIA004-7.1.2-b-2");
        assertThat(duties.get(cii).orElseThrow().condition()).isEqualTo(ApplicabilityQuestion.SYSTEM_IS_CII);
        assertThat(ApplicabilityQuestion.SYSTEM_IS_CII.appliesUnanswered()).isFalse();

        // not answered: a system is not CII until designated, so the duty does not apply and nobody answers for it
        ResponsibilityMatrix m = generated(participants());
        MatrixRow open = m.row(cii).orElseThrow();
        assertThat(open.applicable()).isFalse();
        assertThat(open.assignments()).isEmpty();
        assertThat(open.notApplicable().text(Locale.CHINESE))
                .contains("云服务系统被认定为关键基础设施的")
                .contains("关键信息基础设施")
                .contains("尚未");
        assertThat(open.notApplicable().text(Locale.ENGLISH)).contains("critical information infrastructure");
        assertThat(TestCatalog.ruleCheck().check(m).violations())
                .noneMatch(v -> v.dutyId().filter(cii::equals).isPresent());
        // its sibling duties of 7.1.2 b) apply as before
        assertThat(m.row(id("TCCIA004-7.1.2-b-1")).orElseThrow().names(PROVIDER))
                .isTrue();
        assertThat(m.row(id("TCCIA004-7.1.2-b-4")).orElseThrow().names(PROVIDER))
                .isTrue();

        // answered yes: the provider answers for it
        ResponsibilityMatrix yes = m.withAnswer(ApplicabilityQuestion.SYSTEM_IS_CII, true);
        assertThat(yes.row(cii).orElseThrow().applicable()).isTrue();
        assertThat(yes.row(cii).orElseThrow().assignments())
                .extracting(Assignment::accountable)
                .containsExactly(new Accountable(PROVIDER, PartyRole.PROVIDER));

        // answered no, or the answer withdrawn: it does not apply again
        MatrixRow no = yes.withAnswer(ApplicabilityQuestion.SYSTEM_IS_CII, false)
                .row(cii)
                .orElseThrow();
        assertThat(no.applicable()).isFalse();
        assertThat(no.notApplicable().text(Locale.CHINESE)).contains("答“否”");
        assertThat(yes.withAnswer(ApplicabilityQuestion.SYSTEM_IS_CII, null)
                        .row(cii)
                        .orElseThrow()
                        .applicable())
                .isFalse();
    }

    @Test
    void r1_clause7_1_3a_doesNotApplyWhenTheCustomerBuildsNoPhysicalNetwork() throws IOException {
        assertThat(standard())
                .contains("- a) 客户如需通过搭建物理网络以部署云上系统的，客户应向具备国内通信设施服务业务许可的运营商采购，" + "并配合云服务提供者、硬件提供者完成专线部署进物理机房的手续。");
        ResponsibilityMatrix no =
                generated(participants()).withAnswer(ApplicabilityQuestion.CUSTOMER_BUILDS_PHYSICAL_NETWORK, false);

        assertThat(no.row(id("TCCIA004-7.1.3-a")).orElseThrow().applicable()).isFalse();
        assertThat(no.row(id("TCCIA004-7.1.3-a")).orElseThrow().notApplicable().text(Locale.CHINESE))
                .contains("客户如需通过搭建物理网络以部署云上系统的");
    }

    @Test
    void r1_clause7_2c2_withItsSubItemsDoesNotApplyWhenTheProviderRunsItsMachineRoom() throws IOException {
        assertThat(standard()).contains(" - 2) 当运维服务提供者负责机房管理、云服务提供者负责设备管理时，云服务提供者应与运维服务提供者就物理设备" + "的管理边界进行具体约定，包括：");
        ResponsibilityMatrix no =
                generated(participants()).withAnswer(ApplicabilityQuestion.OM_RUNS_MACHINE_ROOM, false);

        assertThat(List.of("TCCIA004-7.2-c-2", "TCCIA004-7.2-c-2-1", "TCCIA004-7.2-c-2-2", "TCCIA004-7.2-c-2-3"))
                .allSatisfy(d -> assertThat(no.row(id(d)).orElseThrow().applicable())
                        .as(d)
                        .isFalse());
        assertThat(no.row(id("TCCIA004-7.2-c-1")).orElseThrow().applicable()).isTrue();
    }

    @Test
    void r2_annexA_theMachineRoomDutiesOf7_1_1cGoOnlyToTheHardwareProviderThatProvidesTheMachineRoom()
            throws IOException {
        String text = standard();
        assertThat(text)
                .contains("D 组织\t提供物理机房。\t硬件提供者")
                .contains("E 组织\t提供物理服务器。\t硬件提供者")
                .contains("- 1) 确保机房的选址、设计、供电、消防、温湿度控制等符合相关标准和云服务提供者的要求，并支持机房通过云服务提供者的验收；");
        List<Participant> ps = new ArrayList<>(participants());
        ps.set(
                3,
                new Participant(
                        HARDWARE,
                        "Server maker",
                        Set.of(PartyRole.PARTNER_HARDWARE),
                        Set.of(Behaviour.PROVIDE_PHYSICAL_SERVERS)));
        ps.add(new Participant(
                ROOM, "Machine room", Set.of(PartyRole.PARTNER_HARDWARE), Set.of(Behaviour.PROVIDE_MACHINE_ROOM)));

        ResponsibilityMatrix m = generated(ps);

        for (String room : List.of("TCCIA004-7.1.1-c-1", "TCCIA004-7.1.1-c-2")) {
            assertThat(m.row(id(room)).orElseThrow().assignments())
                    .as(room)
                    .extracting(Assignment::accountable)
                    .containsExactly(new Accountable(ROOM, PartyRole.PARTNER_HARDWARE));
        }
        for (String server : List.of("TCCIA004-7.1.2-c-1", "TCCIA004-7.1.2-c-2")) {
            assertThat(m.row(id(server)).orElseThrow().assignments())
                    .as(server)
                    .extracting(Assignment::accountable)
                    .containsExactly(new Accountable(HARDWARE, PartyRole.PARTNER_HARDWARE));
        }
        // duties Annex A does not tell apart stay with every hardware provider
        assertThat(m.row(id("TCCIA004-7.2-c-1")).orElseThrow().assignments())
                .extracting(a -> a.accountable().organisation())
                .containsExactly(HARDWARE, ROOM);
        assertThat(TestCatalog.ruleCheck().check(m).violations()).noneMatch(v -> v.dutyId()
                .filter(d ->
                        d.value().startsWith("TCCIA004-7.1.1-c") || d.value().startsWith("TCCIA004-7.1.2-c"))
                .isPresent());
    }

    @Test
    void r2_aServerMakerDecidedWithTheAssistantLosesTheMachineRoomDutiesAndNobodyAnswersForThemInItsStead() {
        ResponsibilityMatrix m = generated(participants());
        assertThat(m.row(id("TCCIA004-7.1.1-c-1")).orElseThrow().names(HARDWARE))
                .isTrue(); // nobody said what it does

        ResponsibilityMatrix decided = m.withParticipant(new Participant(
                HARDWARE,
                "Server maker",
                Set.of(PartyRole.PARTNER_HARDWARE),
                Set.of(Behaviour.PROVIDE_PHYSICAL_SERVERS)));

        MatrixRow room = decided.row(id("TCCIA004-7.1.1-c-1")).orElseThrow();
        assertThat(room.applicable()).isFalse();
        assertThat(room.notApplicable().text(Locale.CHINESE)).contains("提供物理机房").contains("Server maker");
        assertThat(decided.row(id("TCCIA004-7.1.2-c-1")).orElseThrow().names(HARDWARE))
                .isTrue();
        assertThat(decided.rows().stream().filter(r -> r.names(HARDWARE)).map(r -> r.duty()
                        .clause()))
                .doesNotContain("7.1.1");
        assertThat(TestCatalog.ruleCheck().check(decided).violations()).noneMatch(v -> v.dutyId()
                .filter(d -> d.value().startsWith("TCCIA004-7.1.1"))
                .isPresent());

        // it takes on the machine room too: the rows come back to it
        ResponsibilityMatrix both = decided.withParticipant(new Participant(
                HARDWARE,
                "Server maker",
                Set.of(PartyRole.PARTNER_HARDWARE),
                Set.of(Behaviour.PROVIDE_PHYSICAL_SERVERS, Behaviour.PROVIDE_MACHINE_ROOM)));
        assertThat(both.row(id("TCCIA004-7.1.1-c-1")).orElseThrow().names(HARDWARE))
                .isTrue();
    }

    @Test
    void c1_aContainerNamesTheUnionOfItsSubItemsRolesNotEveryPartnerOfTheWord云服务合作者() throws IOException {
        String text = standard();
        assertThat(text).contains("b) 云服务合作者中各角色分工：");
        assertThat(roles("TCCIA004-8.2.2-b"))
                .containsExactlyInAnyOrder(
                        PartyRole.PARTNER_SOFTWARE, PartyRole.PARTNER_OM_SERVICE, PartyRole.PARTNER_SECURITY_SERVICE);
        assertThat(roles("TCCIA004-7.2-c"))
                .containsExactlyInAnyOrder(
                        PartyRole.PARTNER_HARDWARE, PartyRole.PROVIDER, PartyRole.PARTNER_OM_SERVICE);
        assertThat(roles("TCCIA004-8.1.3-b"))
                .containsExactlyInAnyOrder(PartyRole.PARTNER_SOFTWARE, PartyRole.PARTNER_HARDWARE);
        assertThat(roles("TCCIA004-8.2.1-c"))
                .containsExactlyInAnyOrder(
                        PartyRole.PARTNER_SOFTWARE, PartyRole.PARTNER_OM_SERVICE, PartyRole.PARTNER_SECURITY_SERVICE);
        assertThat(roles("TCCIA004-8.2.3-c"))
                .containsExactlyInAnyOrder(PartyRole.PARTNER_OM_SERVICE, PartyRole.PARTNER_SECURITY_SERVICE);
        // every item with sub-items, in general
        for (Duty d : duties.all()) {
            List<Duty> children =
                    duties.all().stream().filter(c -> d.id().equals(c.parent())).toList();
            if (!children.isEmpty()) {
                assertThat(d.roles())
                        .as(d.id().value())
                        .isEqualTo(children.stream()
                                .flatMap(c -> c.roles().stream())
                                .collect(java.util.stream.Collectors.toSet()));
            }
        }
    }

    @Test
    void c1_the34BareLeadInsAreHeadingsNeitherAssignedNorCheckedNorCounted() throws IOException {
        assertThat(standard()).contains("- a) 客户应：");
        List<Duty> headings = duties.all().stream().filter(Duty::heading).toList();
        assertThat(headings).hasSize(34);
        assertThat(headings)
                .extracting(d -> d.id().value())
                .contains(
                        "TCCIA004-6.2-a",
                        "TCCIA004-8.2.2-b",
                        "TCCIA004-8.2.2-b-3",
                        "TCCIA004-8.2.3-c",
                        "TCCIA004-9.2-a");
        // an item with sub-items and a duty of its own is no heading
        assertThat(duties.get(id("TCCIA004-8.2.4-a")).orElseThrow().heading()).isFalse();
        assertThat(duties.get(id("TCCIA004-7.2-c-2")).orElseThrow().heading()).isFalse();

        ResponsibilityMatrix m = generated(participants());
        for (Duty d : headings) {
            MatrixRow row = m.row(d.id()).orElseThrow();
            assertThat(row.heading()).isTrue();
            assertThat(row.applicable()).as(d.id().value()).isFalse();
            assertThat(row.assignments()).isEmpty();
            assertThat(row.notApplicable().text(Locale.CHINESE)).contains("引导语");
        }
        assertThat(TestCatalog.ruleCheck().check(m).violations())
                .noneMatch(
                        v -> v.dutyId().flatMap(duties::get).map(Duty::heading).orElse(false));
        assertThat(m.rows().stream().filter(MatrixRow::applicable))
                .hasSize(173 - 34 - 2 - 1); // less 9.1 b) 2), 3) and 7.1.2 b) 2) (CII only, issue 59)
    }

    private Set<PartyRole> roles(String duty) {
        return duties.get(id(duty)).orElseThrow().roles();
    }
}
