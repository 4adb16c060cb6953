package org.yunjian.party.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.CreditCode;
import org.yunjian.party.DataClassification;
import org.yunjian.party.Engagement;
import org.yunjian.party.Industry;
import org.yunjian.party.LifecyclePhase;
import org.yunjian.party.Organization;
import org.yunjian.party.ServiceModel;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/** Audit details are stored encoded and read back in the reader's language: names, display terms, no codes. */
class AuditDetailsTests {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static String[] read(Msg detail) {
        Msg stored = Msg.decode(detail.encode());
        return new String[] {stored.text(Texts.CHINESE), stored.text(Texts.ENGLISH)};
    }

    @Test
    void systemDetailNamesTheSystemAndItsModelsInBothLanguages() {
        CloudSystem s = new CloudSystem(
                UUID.randomUUID(),
                "2026 年度等保测评系统",
                UUID.randomUUID(),
                3,
                DeploymentModel.HYBRID,
                ServiceModel.IAAS,
                Industry.OTHER,
                DataClassification.GENERAL,
                List.of("北京"),
                null,
                List.of(new CloudSystem.Agent(UUID.randomUUID(), PartyRole.AGENT_SYSTEM_INTEGRATOR)),
                NOW,
                NOW);
        String[] text = read(SystemService.describe(s));
        assertThat(text[0])
                .contains("2026 年度等保测评系统", "第三级", "混合云", "代理方 1 个")
                .doesNotContain("party.", "HYBRID", s.customerId().toString());
        assertThat(text[1]).contains("level 3", "Hybrid cloud", "1 agent(s)");
    }

    @Test
    void engagementDetailShowsThePhaseDisplayName() {
        Engagement e = new Engagement(
                UUID.randomUUID(),
                "迁移项目",
                UUID.randomUUID(),
                LifecyclePhase.MIGRATION,
                null,
                List.of(new Engagement.Participant(UUID.randomUUID(), PartyRole.CUSTOMER)),
                NOW,
                NOW);
        String[] text = read(EngagementService.describe(e));
        assertThat(text[0]).contains("迁移项目", "选择服务商与部署", "参与方 1 个").doesNotContain("MIGRATION");
        assertThat(text[1]).contains("Provider selection and deployment");
    }

    @Test
    void organisationDetailListsTheRolesByDisplayName() {
        Organization o = new Organization(
                UUID.randomUUID(),
                "示例单位",
                CreditCode.of("91350100M000100Y43"),
                "福州",
                Set.of(PartyRole.CUSTOMER, PartyRole.AGENT_SYSTEM_INTEGRATOR),
                NOW,
                NOW);
        String[] text = read(OrganizationService.describe(o));
        assertThat(text[0])
                .contains("示例单位", "91350100M000100Y43", "云服务客户、系统集成商")
                .doesNotContain("CUSTOMER", "AGENT_");
        assertThat(text[1]).contains("Cloud service customer, System integrator");
    }
}
