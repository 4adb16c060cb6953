package org.yunjian.lifecycle.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Phase;
import org.yunjian.demo.DemoData;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;

/**
 * In demo mode, the demo government portal's lifecycle plan in the operation phase: created by the customer from
 * the government-website guide, every planning and acquisition duty done by the organisation it is assigned to and
 * accepted by a second person of the customer (nobody accepts their own work), both phases closed at their gates,
 * and in the operation phase some duties under way, one of them overdue. Runs after the documents whose gate
 * conditions the acquisition phase needs; if a condition is still unmet the phase stays open and the log says so.
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoLifecycle implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLifecycle.class);

    private final PlanService plans;
    private final PlanRepository repo;
    private final Parties parties;
    private final UserAdministration users;

    DemoLifecycle(PlanService plans, PlanRepository repo, Parties parties, UserAdministration users) {
        this.plans = plans;
        this.repo = repo;
        this.parties = parties;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> system =
                DemoSystems.find(parties, DemoData.PORTAL_SYSTEM, s -> repo.findBySystem(s.id(), false)
                        .isEmpty());
        Optional<CurrentUser> customer = SeedActor.account(users, DemoData.CUSTOMER_USER);
        Optional<CurrentUser> reviewer = SeedActor.account(users, DemoData.CUSTOMER_REVIEWER);
        if (system.isEmpty() || customer.isEmpty() || reviewer.isEmpty()) {
            return;
        }
        UUID systemId = system.get().id();
        Map<UUID, CurrentUser> workers = new HashMap<>();
        for (String name : new String[] {
            DemoData.PROVIDER_USER,
            DemoData.INTEGRATOR_USER,
            DemoData.SECURITY_SERVICE_USER,
            DemoData.ASSESSOR_USER,
            DemoData.CUSTOMER_USER
        }) {
            SeedActor.account(users, name).ifPresent(u -> workers.put(u.organizationId(), u));
        }
        SeedActor.run(customer.get(), () -> plans.create(systemId));
        LocalDate today = LocalDate.now(Formats.zone());
        for (Phase phase : new Phase[] {Phase.PLANNING, Phase.ACQUISITION_MIGRATION}) {
            for (PlanDuty d : repo.findBySystem(systemId, false).orElseThrow().dutiesOf(phase)) {
                CurrentUser worker = workers.getOrDefault(d.organisation(), customer.get());
                SeedActor.run(worker, () -> plans.setStatus(systemId, d.id(), null, DutyStatus.DONE, null));
                CurrentUser acceptor =
                        worker.userId().equals(customer.get().userId()) ? reviewer.get() : customer.get();
                SeedActor.run(acceptor, () -> plans.accept(systemId, d.id(), null));
            }
            try {
                SeedActor.run(customer.get(), () -> plans.close(systemId, phase));
            } catch (PlanService.GateRefused e) {
                log.warn(
                        "Demo lifecycle: the phase {} of {} stays open: {}",
                        phase,
                        system.get().name(),
                        e.getMessage());
                return;
            }
        }
        int n = 0;
        for (PlanDuty d : repo.findBySystem(systemId, false).orElseThrow().dutiesOf(Phase.OPERATION)) {
            if (n >= 3) {
                break;
            }
            CurrentUser worker = workers.get(d.organisation());
            if (worker == null) {
                continue;
            }
            LocalDate due = n == 0 ? today.minusDays(20) : today.plusDays(30L * n);
            SeedActor.run(
                    customer.get(), () -> plans.assign(systemId, d.id(), null, d.organisation(), null, due.toString()));
            SeedActor.run(worker, () -> plans.setStatus(systemId, d.id(), null, DutyStatus.IN_PROGRESS, null));
            n++;
        }
        SeedActor.run(customer.get(), () -> {
            PlanDuty first = repo.findBySystem(systemId, false)
                    .orElseThrow()
                    .dutiesOf(Phase.OPERATION)
                    .get(0);
            plans.setStatus(systemId, first.id(), null, first.status(), null);
        });
        log.info("Demo lifecycle plan seeded for {}", system.get().name());
    }
}
