package org.yunjian.party.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.security.SeedActor;

/**
 * In demo mode, seeds the sample engagement once: the organisations of {@link DemoData#ORGANIZATIONS}, two systems of the
 * customer on the provider's public IaaS cloud, the migration and operation engagements with all parties, and a
 * securities company's system on the provider's 行业云 (issue 36). Runs as an internal
 * system administrator, so every write is audited like any other.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoParties implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoParties.class);

    private final OrganizationService organizations;
    private final SystemService systems;
    private final EngagementService engagements;
    private final OrganizationRepository organizationRepository;
    private final SystemAssets assets;

    DemoParties(
            OrganizationService organizations,
            SystemService systems,
            EngagementService engagements,
            OrganizationRepository organizationRepository,
            SystemAssets assets) {
        this.assets = assets;
        this.organizations = organizations;
        this.systems = systems;
        this.engagements = engagements;
        this.organizationRepository = organizationRepository;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organizationRepository
                .findByCreditCode(DemoData.CUSTOMER.creditCode())
                .isPresent()) {
            return;
        }
        SeedActor.run(SeedActor.platform(), this::seed);
        log.info("Demo data seeded: {} organisations, 3 systems, 2 engagements", DemoData.ORGANIZATIONS.size());
    }

    private void seed() {
        Map<DemoData.Org, UUID> ids = new HashMap<>();
        for (DemoData.Org o : DemoData.ORGANIZATIONS) {
            Organization created =
                    organizations.create(new Inputs.OrganizationInput(o.name(), o.creditCode(), o.region(), o.roles()));
            ids.put(o, created.id());
        }
        String customer = ids.get(DemoData.CUSTOMER).toString();
        String provider = ids.get(DemoData.PROVIDER).toString();
        String integrator = ids.get(DemoData.INTEGRATOR).toString();
        String security = ids.get(DemoData.SECURITY_SERVICE).toString();
        List<Inputs.PartyRef> agents = List.of(
                new Inputs.PartyRef(integrator, "AGENT_SYSTEM_INTEGRATOR"),
                new Inputs.PartyRef(security, "AGENT_SECURITY_SERVICE"));
        CloudSystem portal = systems.create(new Inputs.SystemInput(
                DemoData.PORTAL_SYSTEM,
                customer,
                "3",
                "PUBLIC",
                "IAAS",
                "GOVERNMENT_WEBSITE",
                "IMPORTANT",
                List.of(DemoData.REGION_BEIJING),
                provider,
                agents));
        assets.replace(
                portal.id(),
                org.yunjian.shared.version.ExpectedVersion.exactly(0),
                DemoData.PORTAL_ASSETS.stream()
                        .map(a -> new org.yunjian.party.SystemAsset.Input(
                                a.type(), a.name(), a.version(), a.importance(), a.note()))
                        .toList());
        systems.create(new Inputs.SystemInput(
                DemoData.SERVICE_SYSTEM,
                customer,
                "3",
                "PUBLIC",
                "IAAS",
                "GOVERNMENT_WEBSITE",
                "IMPORTANT",
                List.of(DemoData.REGION_BEIJING, DemoData.REGION_TIANJIN),
                provider,
                List.of(new Inputs.PartyRef(integrator, "AGENT_SYSTEM_INTEGRATOR"))));
        engagements.create(new Inputs.EngagementInput(
                DemoData.MIGRATION_ENGAGEMENT,
                portal.id().toString(),
                "MIGRATION",
                DemoData.MIGRATION_DESCRIPTION,
                List.of(
                        new Inputs.PartyRef(customer, "CUSTOMER"),
                        new Inputs.PartyRef(provider, "PROVIDER"),
                        new Inputs.PartyRef(integrator, "AGENT_SYSTEM_INTEGRATOR"),
                        new Inputs.PartyRef(security, "AGENT_SECURITY_SERVICE"),
                        new Inputs.PartyRef(ids.get(DemoData.ASSESSOR).toString(), "THIRD_PARTY_ASSESSOR"))));
        engagements.create(new Inputs.EngagementInput(
                DemoData.OPERATION_ENGAGEMENT,
                portal.id().toString(),
                "OPERATION",
                DemoData.OPERATION_DESCRIPTION,
                List.of(
                        new Inputs.PartyRef(customer, "CUSTOMER"),
                        new Inputs.PartyRef(provider, "PROVIDER"),
                        new Inputs.PartyRef(integrator, "PARTNER_OM_SERVICE"),
                        new Inputs.PartyRef(security, "PARTNER_SECURITY_SERVICE"),
                        new Inputs.PartyRef(ids.get(DemoData.HARDWARE).toString(), "PARTNER_HARDWARE"))));
        // issue 36 jrtdemo: a securities company's system on the provider's 行业云 (community cloud), level 3 on a
        // level-3 platform (JR/T 6.1), for the JR/T duties of the obligations calendar
        systems.create(new Inputs.SystemInput(
                DemoData.SECURITIES_SYSTEM,
                ids.get(DemoData.SECURITIES).toString(),
                "3",
                "COMMUNITY",
                "IAAS",
                "SECURITIES_FUTURES",
                "IMPORTANT",
                List.of(DemoData.REGION_SHANGHAI),
                provider,
                List.of(),
                "3"));
    }
}
