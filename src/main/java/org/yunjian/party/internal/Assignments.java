package org.yunjian.party.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.work.Notice;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkTask;

/**
 * Who of an organisation works on which of its systems (issue 57, need to know): its administrators assign members
 * to systems and give or withdraw the grant to see every system the organisation takes part in; the work that names
 * a person (an assessment team, an exit project, a plan's duty, a participation request) assigns them too. Every
 * change is audited and told to the organisation's other administrators.
 */
@Service
public class Assignments {

    private final AssignmentRepository store;
    private final VisibilityGrants grants;
    private final VisibilityQueries visibility;
    private final SystemRepository systems;
    private final OrganizationAdministration orgAdmins;
    private final PeopleNames people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assignments(
            AssignmentRepository store,
            VisibilityGrants grants,
            VisibilityQueries visibility,
            SystemRepository systems,
            OrganizationAdministration orgAdmins,
            PeopleNames people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.grants = grants;
        this.visibility = visibility;
        this.systems = systems;
        this.orgAdmins = orgAdmins;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** The systems the caller's organisation takes part in, by name: what its administrators may assign. */
    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    public List<CloudSystem> assignable() {
        CurrentUser me = orgAdmins.requireOrgAdmin("assignment.list");
        return systems.findAllById(visibility.systemIds(me.organizationId())).stream()
                .sorted(java.util.Comparator.comparing(CloudSystem::name))
                .toList();
    }

    /** Each system of the caller's organisation and its assigned members. */
    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> ofOrganization(UUID org) {
        return store.assignmentsOf(org);
    }

    /** The members of {@code org} holding the whole-organisation grant (administrators hold it anyway). */
    @Transactional(readOnly = true)
    public List<UUID> grantees(UUID org) {
        return store.grantees(org);
    }

    /**
     * The people of {@code org} who see {@code systemId} — its 组织管理员, the holders of the whole-organisation grant
     * and those assigned to the system — or nobody when the organisation takes no part in it: read once for all of
     * them (three queries, however many people the organisation has). The ids may include people of other
     * organisations assigned to the system; the caller intersects them with the organisation's accounts.
     */
    @Transactional(readOnly = true)
    public Set<UUID> readersOf(UUID org, UUID systemId) {
        if (org == null || systemId == null || !visibility.system(Viewer.organization(org), systemId)) {
            return Set.of();
        }
        Set<UUID> readers = new HashSet<>(store.grantedOrAssigned(org, systemId));
        readers.addAll(orgAdmins.administratorsOf(org));
        return readers;
    }

    /** The systems one person is assigned to. */
    @Transactional(readOnly = true)
    public List<UUID> systemsOf(UUID person) {
        return store.systemsOf(person);
    }

    /** An administrator assigns a member of their organisation to one of its systems. */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public void assign(UUID person, UUID systemId) {
        CurrentUser me = orgAdmins.requireOrgAdmin("assignment.add");
        OrganizationAdministration.Member m = orgAdmins.member(person);
        CloudSystem s = own(me, systemId);
        if (!store.assign(s.id(), me.organizationId(), List.of(person), me.userId(), clock.instant())
                .isEmpty()) {
            events.publishEvent(AuditableEvent.success(
                    "assignment.add",
                    "system",
                    s.id(),
                    Msg.of("party.assignment.audit.added", m.displayName(), s.name())));
            tell(me.organizationId(), "work.membership.assigned", List.of(m.displayName(), s.name()), me.userId());
        }
    }

    /** An administrator ends a member's assignment to a system. */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public void unassign(UUID person, UUID systemId) {
        CurrentUser me = orgAdmins.requireOrgAdmin("assignment.remove");
        OrganizationAdministration.Member m = orgAdmins.member(person);
        CloudSystem s = own(me, systemId);
        if (store.unassign(s.id(), person)) {
            events.publishEvent(AuditableEvent.success(
                    "assignment.remove",
                    "system",
                    s.id(),
                    Msg.of("party.assignment.audit.removed", m.displayName(), s.name())));
            tell(me.organizationId(), "work.membership.unassigned", List.of(m.displayName(), s.name()), me.userId());
        }
    }

    /** An administrator gives a member the grant to see every system the organisation takes part in, or takes it. */
    @Transactional(noRollbackFor = {AccessDeniedException.class, NotFoundException.class})
    public void setWholeOrganization(UUID person, boolean whole) {
        CurrentUser me = orgAdmins.requireOrgAdmin(whole ? "visibility.grant" : "visibility.revoke");
        OrganizationAdministration.Member m = orgAdmins.member(person);
        boolean changed =
                whole ? store.grant(person, me.organizationId(), me.userId(), clock.instant()) : store.revoke(person);
        grants.changed();
        if (changed) {
            events.publishEvent(AuditableEvent.success(
                    whole ? "visibility.grant" : "visibility.revoke",
                    "user",
                    person,
                    Msg.of(
                            whole ? "party.visibility.audit.granted" : "party.visibility.audit.revoked",
                            m.displayName())));
            tell(
                    me.organizationId(),
                    whole ? "work.membership.wholeGranted" : "work.membership.wholeRevoked",
                    List.of(m.displayName()),
                    me.userId());
        }
    }

    /**
     * Work that names a person assigns them to its system (an assessment team, an exit project, a plan's duty): if
     * their organisation takes part in the system and they are not assigned yet, audited and told to their
     * organisation's administrators. Anyone else is not assigned (the work's own rules refuse them).
     */
    @Transactional
    public void assignForWork(UUID person, UUID systemId) {
        PeopleNames.Person p = people.byIds(List.of(person)).get(person);
        if (p == null || p.organizationId() == null || !visibility.system(p.organizationId(), systemId)) {
            return;
        }
        CloudSystem s = systems.findById(systemId).orElse(null);
        UUID actor = CurrentUser.current().map(CurrentUser::userId).orElse(null);
        if (s != null
                && !store.assign(systemId, p.organizationId(), List.of(person), actor, clock.instant())
                        .isEmpty()) {
            events.publishEvent(AuditableEvent.success(
                    "assignment.add",
                    "system",
                    systemId,
                    Msg.of("party.assignment.audit.added", p.displayName(), s.name())));
            tell(p.organizationId(), "work.membership.assigned", List.of(p.displayName(), s.name()), actor);
        }
    }

    /** People an accepted participation request assigned; the newly assigned. */
    List<UUID> assignAccepted(UUID systemId, UUID org, List<UUID> chosen, UUID by, Instant at) {
        return store.assign(systemId, org, chosen, by, at);
    }

    /**
     * Tells the organisation's administrators (but the one who acted) of a change of who works on what: a notice
     * each, linking to the membership page; nothing waits in 我的待办 for it.
     */
    void tell(UUID org, String kind, List<String> args, UUID actor) {
        tell(org, kind, args, "/organization/membership", actor);
    }

    /** {@link #tell(UUID, String, List, UUID)}, linking to {@code href}. */
    void tell(UUID org, String kind, List<String> args, String href, UUID actor) {
        Instant now = clock.instant();
        for (UUID admin : orgAdmins.administratorsOf(org)) {
            if (admin.equals(actor)) {
                continue;
            }
            events.publishEvent(new Notice(
                    UUID.randomUUID(),
                    "membership:" + org,
                    new WorkTask(
                            "membership:" + admin,
                            kind,
                            args,
                            "/organization/membership",
                            WorkAddressee.user(admin),
                            null),
                    now,
                    actor));
        }
    }

    /** A system the caller's organisation takes part in; any other is answered as unknown. */
    private CloudSystem own(CurrentUser me, UUID systemId) {
        return systems.findById(systemId)
                .filter(s -> visibility.system(me.organizationId(), s.id()))
                .orElseThrow(() -> new NotFoundException("system", systemId));
    }
}
