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

    Membership(
            OrganizationAdministration orgAdmins,
            ParticipationRequestRepository requests,
            ParticipationRequests views) {
        this.orgAdmins = orgAdmins;
        this.requests = requests;
        this.views = views;
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
