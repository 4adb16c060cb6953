package org.yunjian.party.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.OrganizationAdministratorsChanged;
import org.yunjian.shared.work.Notice;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on a participation request: while it is pending, each administrator of the asked organisation has a task
 * to decide it (and is notified as it opens); a decision closes them and notifies the person who sent it. Published
 * inside the transaction of every change, when the asked organisation's administrators change, and for every pending
 * request when the inbox rebuilds.
 */
@Component
class ParticipationRequestWork implements WorkSource {

    static final String SCOPE = "participation-request:";
    static final String DECIDED = "participation-decided:";

    private final ParticipationRequestRepository requests;
    private final SystemRepository systems;
    private final OrganizationRepository organizations;
    private final OrganizationAdministration orgAdmins;
    private final ApplicationEventPublisher events;

    ParticipationRequestWork(
            ParticipationRequestRepository requests,
            SystemRepository systems,
            OrganizationRepository organizations,
            OrganizationAdministration orgAdmins,
            ApplicationEventPublisher events) {
        this.requests = requests;
        this.systems = systems;
        this.organizations = organizations;
        this.orgAdmins = orgAdmins;
        this.events = events;
    }

    @Override
    public void publishAll() {
        requests.allPending().forEach(r -> events.publishEvent(snapshot(r)));
    }

    /** The asked organisation's administrators changed: its pending requests wait for the ones there are now. */
    @EventListener
    void administratorsChanged(OrganizationAdministratorsChanged changed) {
        requests.pendingFor(changed.organizationId()).forEach(r -> events.publishEvent(snapshot(r)));
    }

    void publish(UUID requestId) {
        requests.findById(requestId).ifPresent(r -> events.publishEvent(snapshot(r)));
    }

    /** The decision: the tasks close, and the person who sent the request is told (a notice; nothing waits on it). */
    void decided(ParticipationRequest r, UUID actor) {
        events.publishEvent(snapshot(r));
        events.publishEvent(new Notice(
                UUID.randomUUID(),
                DECIDED + r.id(),
                new WorkTask(
                        "decided:" + r.requestedBy(),
                        r.status() == ParticipationRequest.Status.ACCEPTED
                                ? "work.party.request.accepted"
                                : "work.party.request.declined",
                        List.of(
                                orgName(r.organizationId()),
                                systemName(r.systemId()),
                                "msg:enum.PartyRole." + r.role()),
                        "/participation-requests/" + r.id(),
                        WorkAddressee.user(r.requestedBy()),
                        null),
                r.decidedAt(),
                actor));
    }

    WorkSnapshot snapshot(ParticipationRequest r) {
        if (!r.pending()) {
            return WorkSnapshot.nothingWaiting(SCOPE + r.id());
        }
        List<String> args =
                List.of(orgName(r.requestingOrgId()), systemName(r.systemId()), "msg:enum.PartyRole." + r.role());
        return new WorkSnapshot(
                SCOPE + r.id(),
                orgAdmins.administratorsOf(r.organizationId()).stream()
                        .map(admin -> new WorkTask(
                                "decide:" + admin,
                                "work.party.request.decide",
                                args,
                                "/participation-requests/" + r.id(),
                                WorkAddressee.user(admin),
                                null))
                        .toList());
    }

    private String orgName(UUID id) {
        return organizations.findById(id).map(Organization::name).orElse("");
    }

    private String systemName(UUID id) {
        return systems.findById(id).map(CloudSystem::name).orElse("");
    }
}
