package org.yunjian.party.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.OrganizationAdministration;

/**
 * An organisation's membership as its administrators see it (issue 57): each member with the systems they are
 * assigned to, and the participation requests waiting for the organisation. Administrators only (the check is
 * {@link OrganizationAdministration#members()}'s, audited there).
 */
@Service
public class Membership {

    /** A system as the membership page names it. */
    public record SystemRef(UUID id, String name) {}

    /**
     * A member, whether they see every system of the organisation ({@code whole}: given the grant, or an
     * administrator) and the systems they are assigned to, by name.
     */
    public record Row(
            OrganizationAdministration.Member member, boolean whole, boolean granted, List<SystemRef> systems) {}

    /** The membership of the caller's organisation and the systems its administrators may assign. */
    public record Overview(List<Row> members, List<ParticipationRequests.View> pending, List<SystemRef> assignable) {}

    private final OrganizationAdministration orgAdmins;
    private final Assignments assignments;
    private final ParticipationRequests views;
    private final org.yunjian.security.PeopleNames people;

    Membership(
            OrganizationAdministration orgAdmins,
            Assignments assignments,
            ParticipationRequests views,
            org.yunjian.security.PeopleNames people) {
        this.orgAdmins = orgAdmins;
        this.assignments = assignments;
        this.views = views;
        this.people = people;
    }

    /**
     * The display names of an organisation's administrators, for the platform's 系统管理员 (who names one where there is
     * none); nobody else reads another organisation's administrators here.
     */
    @Transactional(readOnly = true)
    public List<String> administrators(UUID organizationId) {
        if (!org.yunjian.security.CurrentUser.require().is(org.yunjian.security.Role.SYSTEM_ADMIN)) {
            return List.of();
        }
        List<UUID> ids = orgAdmins.administratorsOf(organizationId);
        var found = people.byIds(ids);
        return ids.stream()
                .map(found::get)
                .filter(java.util.Objects::nonNull)
                .map(org.yunjian.security.PeopleNames.Person::displayName)
                .sorted()
                .toList();
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        List<OrganizationAdministration.Member> members = orgAdmins.members();
        UUID own = org.yunjian.security.CurrentUser.require().organizationId();
        Map<UUID, List<UUID>> bySystem = assignments.ofOrganization(own);
        java.util.Set<UUID> granted = new java.util.HashSet<>(assignments.grantees(own));
        List<Row> rows = members.stream()
                .map(m -> new Row(
                        m,
                        m.orgAdmin() || granted.contains(m.id()),
                        granted.contains(m.id()),
                        bySystem.entrySet().stream()
                                .filter(e -> e.getValue().contains(m.id()))
                                .map(e -> new SystemRef(e.getKey(), views.systemName(e.getKey())))
                                .sorted(java.util.Comparator.comparing(SystemRef::name))
                                .toList()))
                .toList();
        List<SystemRef> assignable = assignments.assignable().stream()
                .map(s -> new SystemRef(s.id(), s.name()))
                .toList();
        List<ParticipationRequests.View> pending = views.list().stream()
                .filter(v -> v.request().pending() && v.request().asks(own))
                .toList();
        return new Overview(rows, pending, assignable);
    }
}
