package org.yunjian.procurement.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunjian.demo.DemoData;
import org.yunjian.lifecycle.WorkLookup;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;

/**
 * issue 36: in demo mode, the securities company's 行业云 trading system ({@link DemoData#SECURITIES_SYSTEM}) has its
 * NDA recorded in the contract review with its validity (three years, signed two years ago), as the securities
 * company's person, so that the obligations calendar generated next (obligations' {@code SecuritiesDemo}) has the NDA's
 * renewal fall due before it runs out. Runs after the system's plan; once only.
 */
@Component
@Order(96)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class SecuritiesContractDemo implements ApplicationRunner {

    /** JR/T 6.3.4 (行业云): "保密协议应有明确的有效周期。" */
    static final String NDA_CLAUSE = "JRT-SF-6.3.4-2";

    private final ContractReviewService contracts;
    private final WorkLookup lookup;
    private final Parties parties;
    private final UserAdministration users;

    SecuritiesContractDemo(
            ContractReviewService contracts, WorkLookup lookup, Parties parties, UserAdministration users) {
        this.contracts = contracts;
        this.lookup = lookup;
        this.parties = parties;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> system = DemoSystems.find(parties, DemoData.SECURITIES_SYSTEM, s -> contracts
                .ndaValidity(s)
                .isEmpty());
        Optional<CurrentUser> customer = SeedActor.account(users, DemoData.SECURITIES_USER);
        if (system.isEmpty() || customer.isEmpty()) {
            return;
        }
        CloudSystem s = system.get();
        SeedActor.run(customer.get(), () -> {
            LocalDate signed = lookup.today().minusYears(2);
            contracts.mark(
                    s.id(),
                    NDA_CLAUSE,
                    null,
                    "PRESENT",
                    DemoData.SECURITIES_NDA_REFERENCE,
                    null,
                    signed.toString(),
                    signed.plusYears(3).minusDays(1).toString());
        });
    }
}
