package org.yunjian.party.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.PeopleNames;

/**
 * The demo's membership (issue 57), right after its accounts: each organisation's administrator (who sees every
 * system of the organisation), the customer's second person with the whole-organisation grant, and the others
 * assigned to the systems they work on — the 测评机构's people to the portal they assess, the provider's engineer to
 * the portal alone (he sees neither the customer's other system nor the securities company's).
 */
@Component
@Order(22)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoMembership implements ApplicationRunner {

    /** Who works on which demo system, when not an administrator. */
    private static final Map<String, List<String>> ASSIGNED = Map.of(
            DemoData.PROVIDER_ENGINEER, List.of(DemoData.PORTAL_SYSTEM),
            DemoData.ASSESSOR_USER, List.of(DemoData.PORTAL_SYSTEM, DemoData.SERVICE_SYSTEM),
            DemoData.ASSESSOR2_USER, List.of(DemoData.PORTAL_SYSTEM),
            DemoData.ASSESSMENT_REVIEWER, List.of(DemoData.PORTAL_SYSTEM, DemoData.SERVICE_SYSTEM));

    private final OrganizationAdministration orgAdmins;
    private final PeopleNames people;
    private final SystemRepository systems;
    private final AssignmentRepository assignments;
    private final VisibilityQueries visibility;
    private final Clock clock;

    DemoMembership(
            OrganizationAdministration orgAdmins,
            PeopleNames people,
            SystemRepository systems,
            AssignmentRepository assignments,
            VisibilityQueries visibility,
            Clock clock) {
        this.orgAdmins = orgAdmins;
        this.people = people;
        this.systems = systems;
        this.assignments = assignments;
        this.visibility = visibility;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (String username : DemoInvitations.ADMINISTRATORS) {
            people.byUsername(username).ifPresent(p -> orgAdmins.grantBySystem(p.id(), "system:demo"));
        }
        people.byUsername(DemoData.CUSTOMER_REVIEWER)
                .ifPresent(p -> assignments.grant(p.id(), p.organizationId(), null, clock.instant()));
        List<CloudSystem> all = systems.findAll();
        ASSIGNED.forEach((username, names) -> people.byUsername(username).ifPresent(p -> all.stream()
                .filter(s -> names.contains(s.name()) && visibility.system(p.organizationId(), s.id()))
                .forEach(s -> assignments.assign(s.id(), p.organizationId(), List.of(p.id()), null, clock.instant()))));
    }
}
