package org.yunjian.party;

import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.newCreditCode;
import static org.yunjian.party.PartyTestSupport.runAs;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.internal.EngagementService;
import org.yunjian.party.internal.Inputs;
import org.yunjian.party.internal.OrganizationService;
import org.yunjian.party.internal.SystemService;

/** Creates organisations, systems and engagements as a system administrator, through the real services (bring in with {@code @Import}). */
public class Fixtures {

    @Autowired
    OrganizationService organizations;

    @Autowired
    SystemService systems;

    @Autowired
    EngagementService engagements;

    public Organization organization(String name, PartyRole... roles) {
        return runAs(
                admin(),
                () -> organizations.create(new Inputs.OrganizationInput(
                        name,
                        newCreditCode(),
                        "北京",
                        Arrays.stream(roles).map(Enum::name).toList())));
    }

    public CloudSystem system(String name, Organization customer, Organization provider, CloudSystem.Agent... agents) {
        return runAs(
                admin(),
                () -> systems.create(new Inputs.SystemInput(
                        name,
                        customer.id().toString(),
                        "3",
                        "PUBLIC",
                        "IAAS",
                        "GOVERNMENT_WEBSITE",
                        "IMPORTANT",
                        List.of("北京"),
                        provider == null ? null : provider.id().toString(),
                        Arrays.stream(agents)
                                .map(a -> new Inputs.PartyRef(
                                        a.organizationId().toString(), a.role().name()))
                                .toList())));
    }

    public Engagement engagement(String name, CloudSystem system, Engagement.Participant... participants) {
        return runAs(
                admin(),
                () -> engagements.create(new Inputs.EngagementInput(
                        name,
                        system.id().toString(),
                        "PLANNING",
                        null,
                        Arrays.stream(participants)
                                .map(p -> new Inputs.PartyRef(
                                        p.organizationId().toString(), p.role().name()))
                                .toList())));
    }

    /** A customer, a provider, an agent, an assessor taking part in an engagement, and a stranger. */
    public World world() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Organization customer = organization("客户 " + tag, PartyRole.CUSTOMER);
        Organization provider = organization("云服务商 " + tag, PartyRole.PROVIDER);
        Organization agent = organization("集成商 " + tag, PartyRole.AGENT_SYSTEM_INTEGRATOR);
        Organization assessor = organization("测评机构 " + tag, PartyRole.THIRD_PARTY_ASSESSOR);
        Organization stranger = organization("无关客户 " + tag, PartyRole.CUSTOMER, PartyRole.PROVIDER);
        CloudSystem system = system(
                "门户网站 " + tag,
                customer,
                provider,
                new CloudSystem.Agent(agent.id(), PartyRole.AGENT_SYSTEM_INTEGRATOR));
        Engagement engagement = engagement(
                "等级测评 " + tag, system, new Engagement.Participant(assessor.id(), PartyRole.THIRD_PARTY_ASSESSOR));
        CloudSystem strangers = system("无关系统 " + tag, stranger, stranger);
        return new World(customer, provider, agent, assessor, stranger, system, engagement, strangers);
    }

    public record World(
            Organization customer,
            Organization provider,
            Organization agent,
            Organization assessor,
            Organization stranger,
            CloudSystem system,
            Engagement engagement,
            CloudSystem strangersSystem) {}
}
