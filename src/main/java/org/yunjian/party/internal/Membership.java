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

    /** A member and the names of the systems they are assigned to. */
    public record Row(OrganizationAdministration.Member member, List<String> systems) {}

    /** The membership of the caller's organisation. */
    public record Overview(List<Row> members, List<ParticipationRequests.View> pending) {}

    private final OrganizationAdministration orgAdmins;
    private final ParticipationRequestRepository requests;
    private final ParticipationRequests views;
    private final org.yunjian.security.PeopleNames people;

    Membership(
            OrganizationAdministration orgAdmins,
            ParticipationRequestRepository requests,
            ParticipationRequests views,
            org.yunjian.security.PeopleNames people) {
        this.orgAdmins = orgAdmins;
        this.requests = requests;
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
        Map<UUID, List<UUID>> bySystem = requests.assignmentsOf(own);
        List<Row> rows = members.stream()
                .map(m -> new Row(
                        m,
                        bySystem.entrySet().stream()
                                .filter(e -> e.getValue().contains(m.id()))
                                .map(e -> views.systemName(e.getKey()))
                                .sorted()
                                .toList()))
                .toList();
        List<ParticipationRequests.View> pending = views.list().stream()
                .filter(v -> v.request().pending() && v.request().asks(own))
                .toList();
        return new Overview(rows, pending);
    }
}
