package org.yunjian.lifecycle.internal;

import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;

/**
 * issue 36: in demo mode, the securities company's 行业云 trading system ({@link DemoData#SECURITIES_SYSTEM}) gets its
 * lifecycle plan (JR/T 证券期货业云技术应用安全规范), made as the securities company's person, before the obligations
 * module records its NDA and generates its calendar (obligations' {@code SecuritiesDemo}). Runs after the portal's
 * plan; once only.
 */
@Component
@Order(95)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class SecuritiesPlanDemo implements ApplicationRunner {

    private final PlanService plans;
    private final PlanRepository planRepo;
    private final Parties parties;
    private final UserAdministration users;

    SecuritiesPlanDemo(PlanService plans, PlanRepository planRepo, Parties parties, UserAdministration users) {
        this.plans = plans;
        this.planRepo = planRepo;
        this.parties = parties;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> system =
                DemoSystems.find(parties, DemoData.SECURITIES_SYSTEM, s -> planRepo.findBySystem(s.id(), false)
                        .isEmpty());
        Optional<CurrentUser> customer = SeedActor.account(users, DemoData.SECURITIES_USER);
        if (system.isEmpty() || customer.isEmpty()) {
            return;
        }
        SeedActor.run(customer.get(), () -> plans.create(system.get().id()));
    }
}
