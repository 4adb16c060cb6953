package org.yunjian.procurement.internal;

import java.util.List;
import java.util.Optional;
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
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.procurement.NeedsAnalysis;
import org.yunjian.procurement.ProviderSelection;
import org.yunjian.procurement.SelectionCriterion;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * In demo mode, the acquisition documents of the demo government portal, written by the demo customer after the
 * party and responsibility seeding: a completed needs analysis (migrate, with the inventory and resources), a
 * selection comparing the demo provider with a second, unregistered candidate and selecting the demo provider, and a
 * contract review with every clause present — so the acquisition phase of the demo plan can close.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class NeedsSelectionContractDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NeedsSelectionContractDemo.class);

    private final NeedsService needs;
    private final NeedsRepository needsRepo;
    private final SelectionService selection;
    private final ContractReviewService contracts;
    private final Parties parties;
    private final UserAdministration users;

    NeedsSelectionContractDemo(
            NeedsService needs,
            NeedsRepository needsRepo,
            SelectionService selection,
            ContractReviewService contracts,
            Parties parties,
            UserAdministration users) {
        this.needs = needs;
        this.needsRepo = needsRepo;
        this.selection = selection;
        this.contracts = contracts;
        this.parties = parties;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> found = DemoSystems.find(
                parties,
                DemoData.PORTAL_SYSTEM,
                s -> s.providerId() != null && needsRepo.find(s.id()).isEmpty());
        Optional<CurrentUser> customer = SeedActor.account(users, DemoData.CUSTOMER_USER);
        if (found.isEmpty() || customer.isEmpty()) {
            return;
        }
        CloudSystem s = found.get();
        SeedActor.run(customer.get(), () -> {
            needs.save(
                    s.id(),
                    ExpectedVersion.exactly(0),
                    new NeedsAnalysis.Input(
                            List.of(
                                    new NeedsAnalysis.ItemInput(
                                            demo("portal.name"),
                                            demo("portal.address"),
                                            "IMPORTANT",
                                            "PERSONAL",
                                            demo("portal.users")),
                                    new NeedsAnalysis.ItemInput(
                                            demo("open.name"),
                                            demo("open.address"),
                                            "GENERAL",
                                            "PUBLIC_ONLY",
                                            demo("open.users"))),
                            "MIGRATE",
                            demo("reasons"),
                            demo("compute"),
                            demo("storage"),
                            demo("bandwidth"),
                            "99.9%",
                            demo("security"),
                            List.of("GOVWEB-6.3.4.5-a", "GOVWEB-6.3.4.5-b", "GOVWEB-6.3.4.5-c", "GOVWEB-6.3.4.5-e"),
                            0L));
            ProviderSelection.Candidate provider =
                    selection.addCandidate(s.id(), s.providerId().toString(), null);
            ProviderSelection.Candidate other = selection.addCandidate(s.id(), null, demo("other"));
            for (SelectionCriterion k : selection.view(s.id()).criteria()) {
                selection.judge(
                        s.id(),
                        provider.id(),
                        k.id().value(),
                        "MEETS",
                        demo("meets"),
                        ExpectedVersion.exactly(selection.view(s.id()).version()));
                selection.judge(
                        s.id(),
                        other.id(),
                        k.id().value(),
                        k.derived() ? "UNKNOWN" : "PARTLY",
                        demo(k.derived() ? "unknown" : "partly"),
                        ExpectedVersion.exactly(selection.view(s.id()).version()));
            }
            selection.decide(
                    s.id(),
                    provider.id().toString(),
                    demo("decision"),
                    ExpectedVersion.exactly(selection.view(s.id()).version()));
            int n = 1;
            for (ContractReviewService.Line l : contracts.review(s.id()).lines()) {
                String ref = Msg.of(
                                "lifecycle.doc.demo.ref."
                                        + l.clause().document().name(),
                                n++)
                        .text(Texts.CHINESE);
                contracts.mark(s.id(), l.clause().id().value(), null, "PRESENT", ref, null);
            }
        });
        log.info("Demo acquisition documents seeded for {}", s.name());
    }

    /** Demo content is stored once, in Chinese (the demo installation's language). */
    private static String demo(String key) {
        return Msg.of("lifecycle.doc.demo." + key).text(Texts.CHINESE);
    }
}
