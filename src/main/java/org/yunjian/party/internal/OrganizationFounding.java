package org.yunjian.party.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.party.Organization;
import org.yunjian.party.internal.Inputs.OrganizationInput;
import org.yunjian.shared.FieldValues;

/**
 * A new organisation and its first 组织管理员 in one step (issue 57 point 1: organisation creation names one): the
 * 系统管理员 creates the organisation and, where an e-mail address or a name is given, invites the person who becomes
 * its administrator on accepting. One transaction: an invitation refused (an unusable address, no name) leaves no
 * organisation behind.
 */
@Service
public class OrganizationFounding {

    /** The organisation created, and the invitation of its administrator ({@code null}: none asked for). */
    public record Founded(Organization organization, Invitations.Created invitation) {}

    private final OrganizationService organizations;
    private final Invitations invitations;

    OrganizationFounding(OrganizationService organizations, Invitations invitations) {
        this.organizations = organizations;
        this.invitations = invitations;
    }

    @Transactional
    public Founded found(OrganizationInput in, String administratorEmail, String administratorName) {
        Organization o = organizations.create(in);
        boolean inviting = !FieldValues.blank(administratorEmail) || !FieldValues.blank(administratorName);
        UUID id = o.id();
        return new Founded(
                o, inviting ? invitations.inviteAdministrator(id, administratorEmail, administratorName) : null);
    }
}
