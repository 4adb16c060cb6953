package org.yunjian.responsibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.demo.DemoData;
import org.yunjian.responsibility.ApplicabilityQuestion;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.VersionStatus;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;

/**
 * Issue 36 "Done when" on the demo: the approved matrix of the demo portal on public IaaS gives the server
 * manufacturer no machine-room duty (T/CCIA 004-2024 Annex A "D 组织	提供物理机房。	硬件提供者" / "E 组织	提供物理服务器。
 * 硬件提供者") and no container it has no sub-item in, and the customer does not answer for 7.2 a) ("当客户自行负责机房管理时…").
 */
@SpringBootTest(properties = "yunjian.demo=true")
// the demo context with MockMvc that DemoInheritanceTests, ContractReviewDemoTests and ObligationPagesTests start
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.OnePass
class DemoMatrixApplicabilityTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResponsibilityService service;

    @Autowired
    UserAdministration users;

    private ResponsibilityMatrix approved() {
        UUID system = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        MatrixView[] v = new MatrixView[1];
        SeedActor.run(
                SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow(), () -> v[0] = service.current(system));
        assertThat(v[0].version().status()).isEqualTo(VersionStatus.APPROVED);
        return v[0].matrix();
    }

    @Autowired
    org.yunjian.catalog.Catalog catalog;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    /**
     * Issue 59, T/CCIA 004-2024 Annex B table B.1 item 6 "未按照云服务提供者验收后的标准持续交付机房。" (✓ 硬件提供者): on the demo
     * portal the only hardware provider is the server manufacturer (Annex A "E 组织	提供物理服务器。	硬件提供者"), whom the
     * approved matrix gives no 7.1.1 c) machine-room duty, so the analysis of B.1 6 names nobody and says why, while
     * B.1 9 (物理设备存在恶意程序, 7.1.2 c)) still names it.
     */
    @Test
    void theDemoAnalysisOfB1_6DoesNotNameTheServerManufacturer() throws Exception {
        ResponsibilityMatrix m = approved();
        UUID maker = m.participants().stream()
                .filter(p -> p.name().equals(DemoData.HARDWARE.name()))
                .findFirst()
                .orElseThrow()
                .organisation();
        var liability = org.yunjian.responsibility.internal.liability.Liability.of(catalog);

        var room = liability.analyse(
                liability.incident(RequirementId.of("TCCIA004-B-6")).orElseThrow(), m);
        assertThat(room.liable().get(PartyRole.PARTNER_HARDWARE)).isEmpty();
        assertThat(room.doing()).containsEntry(PartyRole.PARTNER_HARDWARE, Behaviour.PROVIDE_MACHINE_ROOM);
        assertThat(room.rows()).noneMatch(r -> r.names(maker));

        var malware = liability.analyse(
                liability.incident(RequirementId.of("TCCIA004-B-9")).orElseThrow(), m);
        assertThat(malware.liable().get(PartyRole.PARTNER_HARDWARE))
                .extracting(Participant::organisation)
                .containsExactly(maker);

        // the lookup page says so, in both languages, and names no organisation for the role
        var customer = SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        for (String lang : List.of("zh-CN", "en")) {
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                    "/systems/" + m.systemId() + "/responsibility/liability")
                            .param("incident", "TCCIA004-B-6")
                            .param("lang", lang)
                            .with(org.yunjian.party.PartyTestSupport.as(customer)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            int at = page.indexOf("id=\"liable-roles\"");
            assertThat(at).as(lang).isPositive();
            String liable = page.substring(at, page.indexOf("</table>", at));
            assertThat(liable)
                    .as(lang)
                    .contains(lang.equals("en") ? "No holder of this role on this system does" : "均不从事")
                    .doesNotContain(DemoData.HARDWARE.name())
                    .doesNotContain(lang.equals("en") ? "(gap)" : "缺口");
        }
    }

    @Test
    void theDemoServerManufacturerAnswersForNoMachineRoomDutyAndNoContainerItHasNoSubItemIn() {
        ResponsibilityMatrix m = approved();
        Participant maker = m.participants().stream()
                .filter(p -> p.name().equals(DemoData.HARDWARE.name()))
                .findFirst()
                .orElseThrow();
        assertThat(maker.holds(PartyRole.PARTNER_HARDWARE)).isTrue();
        assertThat(maker.behaviours()).containsExactly(Behaviour.PROVIDE_PHYSICAL_SERVERS);

        List<MatrixRow> named =
                m.rows().stream().filter(r -> r.names(maker.organisation())).toList();
        assertThat(named).isNotEmpty();
        assertThat(named).extracting(r -> r.duty().clause()).doesNotContain("7.1.1");
        for (String room : List.of("TCCIA004-7.1.1-c-1", "TCCIA004-7.1.1-c-2")) {
            MatrixRow row = m.row(RequirementId.of(room)).orElseThrow();
            assertThat(row.names(maker.organisation())).as(room).isFalse();
        }
        assertThat(m.row(RequirementId.of("TCCIA004-7.1.2-c-1")).orElseThrow().names(maker.organisation()))
                .isTrue();
        // a container names it only where a sub-item of it does
        for (MatrixRow r : named) {
            List<MatrixRow> children = m.rows().stream()
                    .filter(c -> r.duty().id().equals(c.duty().parent()))
                    .toList();
            if (!children.isEmpty()) {
                assertThat(children).as(r.duty().id().value()).anyMatch(c -> c.names(maker.organisation()));
            }
        }
        assertThat(m.row(RequirementId.of("TCCIA004-8.2.2-b")).orElseThrow().names(maker.organisation()))
                .isFalse();
        assertThat(m.row(RequirementId.of("TCCIA004-8.2.2-b")).orElseThrow().heading())
                .isTrue();
    }

    /**
     * Issue 59, T/CCIA 004-2024 7.1.2 b) 2) "云服务系统被认定为关键基础设施的，…": the demo portal is not designated CII (its
     * customer has not answered the question), so the duty does not apply to it while the rest of 7.1.2 b) does.
     */
    @Test
    void theDemoPortalIsNotCiiSo7_1_2b2DoesNotApply() {
        ResponsibilityMatrix m = approved();
        assertThat(m.answers()).doesNotContainKey(ApplicabilityQuestion.SYSTEM_IS_CII);
        MatrixRow row = m.row(RequirementId.of("TCCIA004-7.1.2-b-2")).orElseThrow();
        assertThat(row.applicable()).isFalse();
        assertThat(row.assignments()).isEmpty();
        assertThat(m.row(RequirementId.of("TCCIA004-7.1.2-b-1")).orElseThrow().applicable())
                .isTrue();
        assertThat(m.row(RequirementId.of("TCCIA004-7.1.2-b-1")).orElseThrow().assignments())
                .isNotEmpty();
    }

    @Test
    void theDemoCustomerDoesNotAnswerFor7_2aOnPublicIaas() {
        ResponsibilityMatrix m = approved();
        assertThat(m.answers())
                .containsEntry(ApplicabilityQuestion.CUSTOMER_RUNS_MACHINE_ROOM, false)
                .containsEntry(ApplicabilityQuestion.CUSTOMER_BUILDS_PHYSICAL_NETWORK, false);
        MatrixRow row = m.row(RequirementId.of("TCCIA004-7.2-a")).orElseThrow();
        assertThat(row.applicable()).isFalse();
        assertThat(row.assignments()).isEmpty();
        assertThat(m.row(RequirementId.of("TCCIA004-7.1.3-a")).orElseThrow().applicable())
                .isFalse();
        // every applicable row of the customer is one the standard gives the customer, none of the machine room
        assertThat(m.rows().stream()
                        .filter(r -> r.assignments().stream()
                                .anyMatch(a -> a.accountable().role() == PartyRole.CUSTOMER))
                        .map(r -> r.duty().clause()))
                .doesNotContain("7.2", "7.1.3");
    }
}
