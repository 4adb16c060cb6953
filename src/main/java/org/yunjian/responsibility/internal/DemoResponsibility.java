package org.yunjian.responsibility.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.ApplicabilityQuestion;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * In demo mode, seeds the responsibility matrix of the demo government portal on public IaaS: generated from its
 * parties (customer, provider, the integrator as O&M service provider, the security service provider, the hardware
 * provider), the provider's roles decided with the Annex A assistant (it also writes its own platform software),
 * the hardware provider's too (it supplies physical servers, not the machine room), the standard's applicability
 * questions answered for a portal on public IaaS (the customer does not run the machine room),
 * the agreements between them, one delegation — the provider hands the emergency-response planning of 8.2.3 b) 3)
 * to the security service provider under the security service agreement — and both sign-offs, so a newcomer sees
 * an approved matrix at once. Runs as the demo customer and provider, so every write is authorised and audited.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoResponsibility implements ApplicationRunner {

    static final String DELEGATED_DUTY = "TCCIA004-8.2.3-b-3";

    /** How the demo portal on public IaaS answers the standard's conditions. */
    static final java.util.Map<ApplicabilityQuestion, Boolean> DEMO_ANSWERS = new java.util.EnumMap<>(java.util.Map.of(
            ApplicabilityQuestion.CUSTOMER_RUNS_MACHINE_ROOM, false,
            ApplicabilityQuestion.CUSTOMER_BUILDS_PHYSICAL_NETWORK, false,
            ApplicabilityQuestion.OM_RUNS_MACHINE_ROOM, false,
            ApplicabilityQuestion.PROVIDER_BUYS_FROM_PARTNERS, true));

    private static final Logger log = LoggerFactory.getLogger(DemoResponsibility.class);

    private final ResponsibilityService service;
    private final HandOvers handOvers;
    private final MatrixRepository repo;
    private final Parties parties;
    private final UserAdministration users;
    private final java.time.Clock clock;

    DemoResponsibility(
            ResponsibilityService service,
            HandOvers handOvers,
            MatrixRepository repo,
            Parties parties,
            UserAdministration users,
            java.time.Clock clock) {
        this.handOvers = handOvers;
        this.clock = clock;
        this.service = service;
        this.repo = repo;
        this.parties = parties;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> system = DemoSystems.find(
                parties,
                DemoData.PORTAL_SYSTEM,
                s -> s.providerId() != null && repo.findBySystem(s.id()).isEmpty());
        Optional<CurrentUser> customer = account(DemoData.CUSTOMER_USER);
        Optional<CurrentUser> provider = account(DemoData.PROVIDER_USER);
        if (system.isEmpty() || customer.isEmpty() || provider.isEmpty()) {
            return;
        }
        CloudSystem s = system.get();
        UUID providerOrg = s.providerId();
        SeedActor.run(customer.get(), () -> {
            MatrixView v = service.create(s.id());
            service.decideRoles(
                    s.id(),
                    providerOrg,
                    EnumSet.of(
                            Behaviour.PROVIDE_CLOUD_SERVICE,
                            Behaviour.SELECT_PLATFORM_SOFTWARE,
                            Behaviour.MANAGE_PLATFORM_OM,
                            Behaviour.CONTROL_UNDERLYING_HARDWARE,
                            Behaviour.DECIDE_SECURITY_CAPABILITY,
                            Behaviour.PROVIDE_PLATFORM_SOFTWARE),
                    null,
                    null,
                    current(s));
            // issue 36 matrix: the server manufacturer supplies servers, not the machine room (Annex A 提供物理服务器);
            // on public IaaS the provider runs its machine room, the customer neither runs it nor builds a network
            for (Participant p : v.matrix().participants()) {
                if (p.holds(PartyRole.PARTNER_HARDWARE) && !p.organisation().equals(providerOrg)) {
                    service.decideRoles(
                            s.id(),
                            p.organisation(),
                            EnumSet.of(Behaviour.PROVIDE_PHYSICAL_SERVERS),
                            null,
                            null,
                            current(s));
                }
            }
            DEMO_ANSWERS.forEach((q, a) -> service.answer(s.id(), q.name(), a, current(s)));
            // signed a quarter before the seeding, stating the clauses T/CCIA 004-2024 §5 a) 3), b) 2), c) ask for
            java.time.LocalDate signed = java.time.LocalDate.now(clock).minusMonths(3);
            handOvers.addAgreement(
                    s.id(),
                    new HandOvers.AgreementInput(
                            demo("demo.responsibility.contract"),
                            s.customerId(),
                            providerOrg,
                            List.of("3.2", "7.3", "9.1"),
                            signed,
                            "7.3",
                            "9.1",
                            null),
                    current(s));
            for (Participant p : v.matrix().participants()) {
                String key = p.holds(PartyRole.PARTNER_OM_SERVICE)
                        ? "demo.responsibility.om"
                        : p.holds(PartyRole.PARTNER_SECURITY_SERVICE)
                                ? "demo.responsibility.security"
                                : p.holds(PartyRole.PARTNER_HARDWARE) ? "demo.responsibility.hardware" : null;
                if (key != null && !p.organisation().equals(providerOrg)) {
                    handOvers.addAgreement(
                            s.id(),
                            new HandOvers.AgreementInput(
                                    demo(key),
                                    providerOrg,
                                    p.organisation(),
                                    List.of("2.1", "4.2", "6.3"),
                                    signed,
                                    "4.2",
                                    "6.3",
                                    null),
                            current(s));
                }
            }
        });
        SeedActor.run(provider.get(), () -> {
            UUID security = service.current(s.id()).matrix().participants().stream()
                    .filter(p -> p.holds(PartyRole.PARTNER_SECURITY_SERVICE))
                    .findFirst()
                    .orElseThrow()
                    .organisation();
            handOvers.handOn(
                    s.id(),
                    DELEGATED_DUTY,
                    new Accountable(providerOrg, PartyRole.PROVIDER),
                    new StoredHop(null, security, demo("demo.responsibility.security"), "4.2", null),
                    current(s));
        });
        SeedActor.run(customer.get(), () -> service.signOff(s.id(), SignOffSide.CUSTOMER, current(s)));
        SeedActor.run(provider.get(), () -> service.signOff(s.id(), SignOffSide.PROVIDER, current(s)));
        log.info("Demo responsibility matrix seeded for {}", s.name());
    }

    /** Seeding changes the version it has just read. */
    private ExpectedVersion current(CloudSystem s) {
        return ExpectedVersion.exactly(service.current(s.id()).info().currentVersion());
    }

    private Optional<CurrentUser> account(String username) {
        return SeedActor.account(users, username);
    }

    /** Demo content is stored once, in Chinese (the demo installation's language). */
    private static String demo(String key) {
        return Msg.of(key).text(Texts.CHINESE);
    }
}
