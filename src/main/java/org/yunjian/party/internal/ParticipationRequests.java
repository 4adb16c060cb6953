package org.yunjian.party.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.Organization;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * Participation requests (issue 57): the only way one organisation involves another that is already on the platform.
 * A business user of a system's customer asks an organisation for a role in one of the system's engagements; that
 * organisation's administrators — and only they — see it in 我的待办 with a notification, and accept it, choosing
 * which of their members take it (they are assigned to the system), or decline it with a reason; the requesting
 * organisation may withdraw it while it waits. Every step is audited; a decision notifies the requester. Nobody of
 * the requesting organisation ever creates, names or enables an account of the other.
 */
@Service
public class ParticipationRequests {

    /** What the requester fills in. */
    public record RequestInput(
            String systemId, String engagementId, String organizationId, String role, String message) {}

    /** A request with the names its readers see. */
    public record View(
            ParticipationRequest request,
            String systemName,
            String engagementName,
            String organizationName,
            String requestingOrgName,
            String requestedByName,
            String decidedByName,
            List<String> assignedNames) {}

    private final ParticipationRequestRepository requests;
    private final SystemRepository systems;
    private final EngagementRepository engagements;
    private final OrganizationRepository organizations;
    private final InvitationRepository invitations;
    private final VisibilityQueries visibility;
    private final Validation validation;
    private final OrganizationAdministration orgAdmins;
    private final org.yunjian.security.PeopleNames people;
    private final ParticipationRequestWork work;
    private final Assignments assignments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ParticipationRequests(
            ParticipationRequestRepository requests,
            SystemRepository systems,
            EngagementRepository engagements,
            OrganizationRepository organizations,
            InvitationRepository invitations,
            VisibilityQueries visibility,
            Validation validation,
            OrganizationAdministration orgAdmins,
            org.yunjian.security.PeopleNames people,
            ParticipationRequestWork work,
            Assignments assignments,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.systems = systems;
        this.engagements = engagements;
        this.organizations = organizations;
        this.invitations = invitations;
        this.visibility = visibility;
        this.validation = validation;
        this.orgAdmins = orgAdmins;
        this.people = people;
        this.work = work;
        this.assignments = assignments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The requests the caller's organisation sent, and — for its administrators — those it received; newest first.
     * A member who is not an administrator sees only the sent ones.
     */
    @Transactional(readOnly = true)
    public List<View> list() {
        Caller c = business();
        boolean admin = orgAdmins.isOrgAdmin();
        return requests.involving(c.org()).stream()
                .filter(r -> r.sentBy(c.org()) || admin)
                .map(this::view)
                .toList();
    }

    /** One request the caller may read: of its organisation's sending, or received and the caller an administrator. */
    @Transactional(readOnly = true)
    public View get(UUID id) {
        return view(readable(business(), id));
    }

    /** The systems the caller may send requests for: those its organisation is the customer of. */
    @Transactional(readOnly = true)
    public List<CloudSystem> systems() {
        Caller c = business();
        return systems.findAll().stream()
                .filter(s -> c.belongsTo(s.customerId()))
                .toList();
    }

    /** The engagements of those systems. */
    @Transactional(readOnly = true)
    public List<Engagement> engagements() {
        return systems().stream()
                .flatMap(s -> engagements.findBySystem(s.id()).stream())
                .toList();
    }

    /** The organisations the caller may ask: any it may name as a party, but its own. */
    @Transactional(readOnly = true)
    public List<Organization> organizations() {
        Caller c = business();
        return organizations.findAll().stream()
                .filter(o -> !o.id().equals(c.org()) && visibility.selectable(visibility.viewer(c), o))
                .toList();
    }

    /** Sends a request: audited; the asked organisation's administrators find it in 我的待办 with a notification. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ParticipationRequest send(RequestInput in) {
        Caller c = business();
        FieldErrors errors = new FieldErrors();
        UUID systemId = validation.uuid(errors, "systemId", in.systemId(), true);
        UUID engagementId = validation.uuid(errors, "engagementId", in.engagementId(), true);
        UUID orgId = validation.uuid(errors, "organizationId", in.organizationId(), true);
        PartyRole role = validation.enumValue(errors, "role", in.role(), PartyRole.class);
        String message = validation.multiline(errors, "message", in.message(), ParticipationRequest.MESSAGE_MAX, false);
        errors.throwIfAny();
        CloudSystem system = systems.findById(systemId)
                .filter(s -> visibility.system(visibility.viewer(c), s.id()))
                .orElseThrow(() -> new NotFoundException("system", systemId));
        if (!c.belongsTo(system.customerId())) {
            throw denied("participation.send", systemId, "party.request.denied.customerOnly");
        }
        if (engagements
                .findById(engagementId)
                .filter(e -> e.systemId().equals(systemId))
                .isEmpty()) {
            errors.add("engagementId", "party.invitation.error.engagement");
        }
        Optional<Organization> asked = organizations
                .findById(orgId)
                .filter(o -> !o.id().equals(c.org()) && visibility.selectable(visibility.viewer(c), o));
        if (asked.isEmpty()) {
            errors.add("organizationId", "party.invitation.error.organization");
        } else if (orgAdmins.administratorsOf(orgId).isEmpty()) {
            errors.add("organizationId", "party.request.error.noAdministrator");
        }
        if (role == PartyRole.CUSTOMER) {
            errors.add("role", "party.invitation.error.customerRole");
        }
        errors.throwIfAny();
        if (engagements.findById(engagementId).orElseThrow().participants().stream()
                .anyMatch(p -> p.organizationId().equals(orgId) && p.role() == role)) {
            errors.add("organizationId", "party.request.error.alreadyTakesPart");
        } else if (requests.pendingExists(orgId, engagementId, role)) {
            errors.add("organizationId", "party.request.error.alreadyAsked");
        }
        errors.throwIfAny();
        ParticipationRequest r = new ParticipationRequest(
                UUID.randomUUID(),
                systemId,
                engagementId,
                role,
                orgId,
                c.org(),
                c.user().userId(),
                message,
                ParticipationRequest.Status.PENDING,
                clock.instant(),
                null,
                null,
                null);
        requests.insert(r);
        events.publishEvent(AuditableEvent.success(
                "participation.send",
                "participation-request",
                r.id(),
                Msg.of("party.request.audit.sent", asked.get().name(), system.name(), Msg.of(role))));
        work.publish(r.id());
        return r;
    }

    /**
     * Accepts a request received by the caller's organisation (its administrators only): the organisation joins the
     * engagement in the role and {@code people} — members of the organisation, at least one — are assigned to the
     * system. Audited; the requester is notified.
     */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public ParticipationRequest accept(UUID id, List<String> people) {
        org.yunjian.security.CurrentUser me = orgAdmins.requireOrgAdmin("participation.accept");
        ParticipationRequest r = received(me, id, "participation.accept");
        Set<UUID> members = new LinkedHashSet<>();
        orgAdmins.members().stream()
                .filter(OrganizationAdministration.Member::enabled)
                .forEach(m -> members.add(m.id()));
        FieldErrors errors = new FieldErrors();
        List<UUID> chosen = new ArrayList<>();
        for (String raw : people == null ? List.<String>of() : people) {
            UUID person = validation.uuid(errors, "people", raw, false);
            if (person != null && !members.contains(person)) {
                errors.add("people", "party.request.error.notMember");
            } else if (person != null && !chosen.contains(person)) {
                chosen.add(person);
            }
        }
        if (chosen.isEmpty() && errors.isEmpty()) {
            errors.add("people", "party.request.error.noPeople");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        ParticipationRequest decided = decide(r, ParticipationRequest.Status.ACCEPTED, me.userId(), now, null);
        invitations.joinEngagement(r.organizationId(), r.engagementId(), r.role());
        assignments.assignAccepted(r.systemId(), r.organizationId(), chosen, me.userId(), now);
        events.publishEvent(AuditableEvent.success(
                "participation.accept",
                "participation-request",
                r.id(),
                Msg.of(
                        "party.request.audit.accepted",
                        orgName(r.requestingOrgId()),
                        systemName(r.systemId()),
                        String.join(Msg.of("party.request.listSeparator").text(), names(chosen)))));
        work.decided(decided, me.userId());
        // the people assigned, told to the other administrators (issue 57: a change of assignment notifies them)
        assignments.tell(
                r.organizationId(),
                "work.membership.assigned",
                List.of(
                        String.join(Msg.of("party.request.listSeparator").text(), names(chosen)),
                        systemName(r.systemId())),
                me.userId());
        return decided;
    }

    /** Declines a request received by the caller's organisation (its administrators only), with a reason. */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public ParticipationRequest decline(UUID id, String reason) {
        org.yunjian.security.CurrentUser me = orgAdmins.requireOrgAdmin("participation.decline");
        ParticipationRequest r = received(me, id, "participation.decline");
        FieldErrors errors = new FieldErrors();
        String why = validation.multiline(errors, "reason", reason, ParticipationRequest.MESSAGE_MAX, true);
        errors.throwIfAny();
        ParticipationRequest decided =
                decide(r, ParticipationRequest.Status.DECLINED, me.userId(), clock.instant(), why);
        events.publishEvent(AuditableEvent.success(
                "participation.decline",
                "participation-request",
                r.id(),
                Msg.of("party.request.audit.declined", orgName(r.requestingOrgId()), systemName(r.systemId()), why)));
        work.decided(decided, me.userId());
        return decided;
    }

    /** Withdraws a pending request the caller's organisation sent (any of its members who may send requests). */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public ParticipationRequest withdraw(UUID id) {
        Caller c = business();
        ParticipationRequest r = requests.findById(id)
                .filter(x -> x.sentBy(c.org()))
                .orElseThrow(() -> new NotFoundException("participation-request", id));
        CloudSystem system = systems.findById(r.systemId()).orElseThrow();
        if (!c.belongsTo(system.customerId())) {
            throw denied("participation.withdraw", id, "party.request.denied.customerOnly");
        }
        ParticipationRequest decided =
                decide(r, ParticipationRequest.Status.WITHDRAWN, c.user().userId(), clock.instant(), null);
        events.publishEvent(AuditableEvent.success(
                "participation.withdraw",
                "participation-request",
                r.id(),
                Msg.of("party.request.audit.withdrawn", orgName(r.organizationId()), system.name())));
        work.publish(r.id());
        // the asked organisation's administrators, whose task closes, are told why
        assignments.tell(
                r.organizationId(),
                "work.party.request.withdrawn",
                List.of(orgName(r.requestingOrgId()), system.name()),
                "/participation-requests/" + r.id(),
                c.user().userId());
        return decided;
    }

    private ParticipationRequest decide(
            ParticipationRequest r, ParticipationRequest.Status to, UUID by, Instant at, String why) {
        if (!r.pending()) {
            throw new FieldErrors.ValidationException("request", "party.request.error.notPending");
        }
        ParticipationRequest decided = r.decided(to, by, at, why);
        if (!requests.decide(decided)) { // decided by someone else since it was read
            throw new FieldErrors.ValidationException("request", "party.request.error.notPending");
        }
        return decided;
    }

    private ParticipationRequest received(org.yunjian.security.CurrentUser me, UUID id, String action) {
        ParticipationRequest r = requests.findById(id).orElse(null);
        if (r == null || !r.asks(me.organizationId())) {
            if (r != null) {
                events.publishEvent(AuditableEvent.denied(
                        action, "participation-request", id, Msg.of("party.request.audit.notAsked")));
            }
            throw new NotFoundException("participation-request", id);
        }
        return r;
    }

    private ParticipationRequest readable(Caller c, UUID id) {
        return requests.findById(id)
                .filter(r -> r.sentBy(c.org()) || (r.asks(c.org()) && orgAdmins.isOrgAdmin()))
                .orElseThrow(() -> new NotFoundException("participation-request", id));
    }

    private View view(ParticipationRequest r) {
        List<UUID> assigned = r.status() == ParticipationRequest.Status.ACCEPTED
                ? assignments.ofOrganization(r.organizationId()).getOrDefault(r.systemId(), List.of())
                : List.of();
        return new View(
                r,
                systemName(r.systemId()),
                engagements.findById(r.engagementId()).map(Engagement::name).orElse(""),
                orgName(r.organizationId()),
                orgName(r.requestingOrgId()),
                name(r.requestedBy()),
                r.decidedBy() == null ? null : name(r.decidedBy()),
                names(assigned));
    }

    String orgName(UUID id) {
        return organizations.findById(id).map(Organization::name).orElse("");
    }

    String systemName(UUID id) {
        return systems.findById(id).map(CloudSystem::name).orElse("");
    }

    private String name(UUID person) {
        var p = people.byIds(List.of(person)).get(person);
        return p == null ? "" : p.displayName();
    }

    private List<String> names(List<UUID> ids) {
        var found = people.byIds(ids);
        return ids.stream()
                .map(found::get)
                .filter(java.util.Objects::nonNull)
                .map(org.yunjian.security.PeopleNames.Person::displayName)
                .toList();
    }

    /** A business user of an organisation; administrators have no organisation to send or receive for. */
    private Caller business() {
        Caller c = Caller.require();
        if (c.admin()) {
            throw new AccessDeniedException("party.request.denied.businessOnly");
        }
        return c;
    }

    private AccessDeniedException denied(String action, UUID id, String key) {
        events.publishEvent(AuditableEvent.denied(action, "participation-request", id, Msg.of(key)));
        return new AccessDeniedException(key);
    }
}
