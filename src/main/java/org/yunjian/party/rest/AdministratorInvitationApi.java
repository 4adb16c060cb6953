package org.yunjian.party.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.party.internal.Invitations;

/**
 * The platform's 系统管理员 names an organisation's administrator over REST (issue 57): an e-mailed invitation into the
 * organisation whose invitee becomes its 组织管理员. Interactive only, as every invitation.
 */
@RestController
@org.yunjian.security.InteractiveOnly
class AdministratorInvitationApi {

    /** Who is invited to administer the organisation. */
    record AdministratorInvitation(String email, String displayName) {}

    /** The invitation made; {@code link} only when no SMTP server is configured (pass it on yourself). */
    record Created(UUID id, String email, String displayName, boolean mailed, String link) {}

    private final Invitations invitations;

    AdministratorInvitationApi(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/api/organizations/{id}/administrator-invitations")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(
            summary = "Invite a person to be an administrator of the organisation (the first one of an organisation the"
                    + " operator created); the link is e-mailed, single use, expiring")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Created> invite(@PathVariable UUID id, @RequestBody AdministratorInvitation body) {
        Invitations.Created c = invitations.inviteAdministrator(
                id, body == null ? null : body.email(), body == null ? null : body.displayName());
        return ResponseEntity.created(
                        URI.create("/api/invitations/" + c.invitation().id()))
                .body(new Created(
                        c.invitation().id(),
                        c.invitation().email(),
                        c.invitation().displayName(),
                        c.mailed(),
                        c.mailed() ? null : c.link()));
    }
}
