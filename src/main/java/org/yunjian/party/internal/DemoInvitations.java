package org.yunjian.party.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.PeopleNames;

/**
 * In demo mode (after the demo accounts exist): the demo customer is its organisation's 组织管理员 — and the securities
 * company's person is its own, so that each customer organisation has someone to manage its group-chat robots and read
 * its deliveries, which the platform's administrators may not (issue 56, 三权分立) — and the demo customer has invited
 * one of the provider's engineers onto the portal (a pending invitation, so the invitations page shows one at first
 * login; its link's secret is not kept, as for any invitation — send a new one to try the link).
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoInvitations implements ApplicationRunner {

    private final OrganizationAdministration orgAdmins;
    private final PeopleNames people;
    private final OrganizationRepository organizations;
    private final SystemRepository systems;
    private final InvitationRepository invitations;
    private final Clock clock;

    DemoInvitations(
            OrganizationAdministration orgAdmins,
            PeopleNames people,
            OrganizationRepository organizations,
            SystemRepository systems,
            InvitationRepository invitations,
            Clock clock) {
        this.orgAdmins = orgAdmins;
        this.people = people;
        this.organizations = organizations;
        this.systems = systems;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        people.byUsername(DemoData.SECURITIES_USER).ifPresent(p -> orgAdmins.grantBySystem(p.id(), "system:demo"));
        PeopleNames.Person customer = people.byUsername(DemoData.CUSTOMER_USER).orElse(null);
        UUID provider = organizations
                .findByCreditCode(DemoData.PROVIDER.creditCode())
                .map(o -> o.id())
                .orElse(null);
        CloudSystem portal = systems.findAll().stream()
                .filter(s -> s.name().equals(DemoData.PORTAL_SYSTEM))
                .findFirst()
                .orElse(null);
        if (customer == null || provider == null || portal == null) {
            return;
        }
        orgAdmins.grantBySystem(customer.id(), "system:demo");
        if (!invitations.byInvitingOrganization(customer.organizationId()).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        invitations.insert(
                new Invitation(
                        UUID.randomUUID(),
                        DemoData.INVITED_ENGINEER_EMAIL,
                        DemoData.INVITED_ENGINEER_NAME,
                        provider,
                        null,
                        null,
                        null,
                        null,
                        portal.id(),
                        null,
                        customer.organizationId(),
                        customer.username(),
                        false,
                        now,
                        now.plus(Duration.ofDays(7)),
                        null,
                        null,
                        null,
                        null),
                Invitations.hash(Invitations.newToken()));
    }
}
