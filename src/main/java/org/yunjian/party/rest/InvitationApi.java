package org.yunjian.party.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.internal.Invitation;
import org.yunjian.party.internal.Invitations;

/**
 * Invitations of the caller's organisation over REST: list, invite (e-mailed), revoke. Interactive only, like user
 * administration: bringing people onto the platform is not a pipeline's job, so an API token is refused.
 */
@RestController
@org.yunjian.security.InteractiveOnly
@RequestMapping("/api/invitations")
@PreAuthorize("hasRole('USER')")
class InvitationApi {

    /** An invitation as its inviters see it; never the link's secret. */
    record InvitationView(
            UUID id,
            String email,
            String displayName,
            UUID organizationId,
            String organizationName,
            boolean newOrganization,
            UUID systemId,
            UUID engagementId,
            PartyRole role,
            Invitation.Status status,
            String invitedBy,
            Instant createdAt,
            Instant expiresAt,
            Instant acceptedAt,
            String acceptedUsername,
            Instant revokedAt) {}

    /** The new invitation; {@code link} only when no SMTP server is configured (pass it on yourself). */
    record CreatedView(InvitationView invitation, boolean mailed, String link) {}

    private final Invitations invitations;

    InvitationApi(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "The invitations the caller's organisation made, newest first, with their status")
    List<InvitationView> list() {
        Instant now = Instant.now();
        return invitations.list().stream().map(i -> view(i, now)).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('USER')")
    @Operation(
            summary =
                    "Invite: onto a system of which the caller's organisation is the customer (systemId; an "
                            + "existing organisationId or newOrgName/newOrgCredit/newOrgRegion; engagementId and role), or, by an "
                            + "organisation administrator without systemId, its own staff. The link is e-mailed; single use, expiring")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedView> invite(@RequestBody Invitations.InvitationInput body) {
        Invitations.Created c = invitations.invite(body);
        return ResponseEntity.created(
                        URI.create("/api/invitations/" + c.invitation().id()))
                .body(new CreatedView(view(c.invitation(), Instant.now()), c.mailed(), c.mailed() ? null : c.link()));
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "Revoke a pending invitation of the caller's organisation (its link stops working)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        invitations.revoke(id);
        return ResponseEntity.noContent().build();
    }

    private InvitationView view(Invitation i, Instant now) {
        return new InvitationView(
                i.id(),
                i.email(),
                i.displayName(),
                i.organizationId(),
                invitations.organizationName(i),
                i.createsOrganization(),
                i.systemId(),
                i.engagementId(),
                i.role(),
                i.status(now),
                i.invitedBy(),
                i.createdAt(),
                i.expiresAt(),
                i.acceptedAt(),
                i.acceptedUsername(),
                i.revokedAt());
    }
}
