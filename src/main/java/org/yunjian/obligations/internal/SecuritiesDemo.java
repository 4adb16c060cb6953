package org.yunjian.obligations.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunjian.demo.DemoData;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;

/**
 * issue 36: in demo mode, the securities company's 行业云 trading system ({@link DemoData#SECURITIES_SYSTEM}) gets its
 * lifecycle plan (JR/T 证券期货业云技术应用安全规范) and its obligations calendar, generated as the securities company's
 * person, so that every JR/T periodic duty of a 行业云 — the provider's risk assessment and monitoring (7.3), the NDA's
 * validity (6.3.4), the certification deadline (6.3.1), the joint drill (7.3), the yearly evaluation (6.3.1) … —
 * appears in a demo system's calendar with its clause. The NDA is recorded in the contract review with its validity
 * (three years, signed two years ago) and its renewal falls due before it runs out; the provider reported three
 * weeks ago. Runs after the portal's plan, after the lifecycle module made the system's plan
 * ({@code lifecycle.internal.SecuritiesPlanDemo}) and procurement recorded the NDA
 * ({@code procurement.internal.SecuritiesContractDemo}); once only.
 */
@Component
@Order(97)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class SecuritiesDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecuritiesDemo.class);

    private final ObligationService obligations;
    private final ObligationRepository obligationRepo;
    private final Parties parties;
    private final UserAdministration users;

    SecuritiesDemo(
            ObligationService obligations,
            ObligationRepository obligationRepo,
            Parties parties,
            UserAdministration users) {
        this.obligations = obligations;
        this.obligationRepo = obligationRepo;
        this.parties = parties;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> system = DemoSystems.find(parties, DemoData.SECURITIES_SYSTEM, s -> obligationRepo
                .bySystem(s.id())
                .isEmpty());
        Optional<CurrentUser> customer = SeedActor.account(users, DemoData.SECURITIES_USER);
        Optional<CurrentUser> provider = SeedActor.account(users, DemoData.PROVIDER_USER);
        if (system.isEmpty() || customer.isEmpty() || provider.isEmpty()) {
            return;
        }
        CloudSystem s = system.get();
        SeedActor.run(customer.get(), () -> {
            LocalDate today = obligations.today();
            obligations.generate(s.id(), today.plusMonths(1).toString()); // the NDA's renewal follows its dates
        });
        SeedActor.run(
                provider.get(),
                () -> complete(
                        s, ObligationKind.PROVIDER_REPORT, obligations.today().minusWeeks(3)));
        // JR/T 7.3 "受托方应依照委托方要求，向委托方提供…必要证据": the evidence is due when the securities company asks for
        // it — it has asked for this quarter's, by two weeks from today (due soon)
        SeedActor.run(
                customer.get(),
                () -> obligations.request(
                        s.id(),
                        ObligationKind.PROVIDER_REPORT.name(),
                        obligations.today().plusWeeks(2).toString(),
                        org.yunjian.shared.version.ExpectedVersion.exactly(obligations
                                .one(s.id(), ObligationKind.PROVIDER_REPORT.name())
                                .obligation()
                                .version())));
        log.info("Demo lifecycle plan and obligations seeded for {}", s.name());
    }

    private void complete(CloudSystem s, ObligationKind kind, LocalDate on) {
        obligations.complete(
                s.id(),
                kind.name(),
                on.toString(),
                org.yunjian.shared.version.ExpectedVersion.exactly(
                        obligations.one(s.id(), kind.name()).obligation().version()));
    }
}
