package org.yunjian.party.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.PeopleNames;

/**
 * In demo mode (after the demo accounts exist): every organisation with people has its 组织管理员 (issue 57) — the
 * customer's 张工, the securities company's 郑工, the provider's 李工, the integrator's 王工, the security agent's 赵工 and
 * the 测评机构's 技术负责人 吴工 — so that each has someone who governs its members, decides what is asked of it and
 * manages its group-chat robots, which the platform's administrators may not (issue 56, 三权分立). At first login the
 * provider's administrator has invited one of its engineers (a pending invitation of its own staff; the link's secret is
 * not kept, as for any invitation — send a new one to try the link), and the customer has asked the security agent to
 * take part in the portal's operation as its security service agent (a pending participation request, in 赵工's
 * 我的待办).
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoInvitations implements ApplicationRunner {

    /** Each organisation's administrator in the demo. */
    static final List<String> ADMINISTRATORS = List.of(
            DemoData.CUSTOMER_USER,
            DemoData.SECURITIES_USER,
            DemoData.PROVIDER_USER,
            DemoData.INTEGRATOR_USER,
            DemoData.SECURITY_SERVICE_USER,
            DemoData.ASSESSMENT_APPROVER);

    private final OrganizationAdministration orgAdmins;
    private final PeopleNames people;
    private final OrganizationRepository organizations;
    private final SystemRepository systems;
    private final EngagementRepository engagements;
    private final InvitationRepository invitations;
    private final ParticipationRequestRepository requests;
    private final ParticipationRequestWork work;
    private final Clock clock;

    DemoInvitations(
            OrganizationAdministration orgAdmins,
            PeopleNames people,
            OrganizationRepository organizations,
            SystemRepository systems,
            EngagementRepository engagements,
            InvitationRepository invitations,
            ParticipationRequestRepository requests,
            ParticipationRequestWork work,
            Clock clock) {
        this.orgAdmins = orgAdmins;
        this.people = people;
        this.organizations = organizations;
        this.systems = systems;
        this.engagements = engagements;
        this.invitations = invitations;
        this.requests = requests;
        this.work = work;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        PeopleNames.Person provider = people.byUsername(DemoData.PROVIDER_USER).orElse(null);
        PeopleNames.Person customer = people.byUsername(DemoData.CUSTOMER_USER).orElse(null);
        UUID security = organizations
                .findByCreditCode(DemoData.SECURITY_SERVICE.creditCode())
                .map(o -> o.id())
                .orElse(null);
        CloudSystem portal = systems.findAll().stream()
                .filter(s -> s.name().equals(DemoData.PORTAL_SYSTEM))
                .findFirst()
                .orElse(null);
        if (provider == null || customer == null || security == null || portal == null) {
            return;
        }
        Instant now = clock.instant();
        if (invitations.byInvitingOrganization(provider.organizationId()).isEmpty()) {
            invitations.insert(
                    new Invitation(
                            UUID.randomUUID(),
                            DemoData.INVITED_ENGINEER_EMAIL,
                            DemoData.INVITED_ENGINEER_NAME,
                            provider.organizationId(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            provider.organizationId(),
                            provider.username(),
                            false,
                            now,
                            now.plus(Duration.ofDays(7)),
                            null,
                            null,
                            null,
                            null),
                    Invitations.hash(Invitations.newToken()));
        }
        if (!requests.involving(customer.organizationId()).isEmpty()) {
            return;
        }
        engagements.findBySystem(portal.id()).stream()
                .filter(e -> e.name().equals(DemoData.OPERATION_ENGAGEMENT))
                .findFirst()
                .map(Engagement::id)
                .ifPresent(operation -> {
                    ParticipationRequest r = new ParticipationRequest(
                            UUID.randomUUID(),
                            portal.id(),
                            operation,
                            PartyRole.AGENT_SECURITY_SERVICE,
                            security,
                            customer.organizationId(),
                            customer.id(),
                            DemoData.DEMO_REQUEST_MESSAGE,
                            ParticipationRequest.Status.PENDING,
                            now,
                            null,
                            null,
                            null);
                    requests.insert(r);
                    work.publish(r.id());
                });
    }
}
