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
import org.yunjian.party.internal.ParticipationRequest;
import org.yunjian.party.internal.ParticipationRequests;

/**
 * Participation requests over REST: what the caller's organisation sent (and, for its administrators, received);
 * send, accept naming people, decline with a reason, withdraw. Interactive only, like invitations: bringing an
 * organisation's people onto a system is not a pipeline's job, so an API token is refused.
 */
@RestController
@org.yunjian.security.InteractiveOnly
@RequestMapping("/api/participation-requests")
@PreAuthorize("hasRole('USER')")
class ParticipationRequestApi {

    /** A request as its readers see it, with names. */
    record RequestView(
            UUID id,
            UUID systemId,
            String systemName,
            UUID engagementId,
            String engagementName,
            PartyRole role,
            UUID organizationId,
            String organizationName,
            UUID requestingOrganizationId,
            String requestingOrganizationName,
            String requestedBy,
            String message,
            ParticipationRequest.Status status,
            Instant createdAt,
            Instant decidedAt,
            String decidedBy,
            String reason,
            List<String> assigned) {}

    /** Accepting: the ids of the members of the caller's organisation who take the work on (at least one). */
    record AcceptBody(List<String> people) {}

    /** Declining: why (shown to the requester). */
    record DeclineBody(String reason) {}

    private final ParticipationRequests requests;

    ParticipationRequestApi(ParticipationRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @PreAuthorize("hasRole('USER')")
    @Operation(
            summary = "The participation requests the caller's organisation sent and, for its administrators, received;"
                    + " newest first")
    List<RequestView> list() {
        return requests.list().stream().map(ParticipationRequestApi::view).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "One participation request the caller's organisation sent or (its administrators) received")
    RequestView get(@PathVariable UUID id) {
        return view(requests.get(id));
    }

    @PostMapping
    @PreAuthorize("hasRole('USER')")
    @Operation(
            summary =
                    "Ask an organisation already on the platform (organizationId) to take a role in an engagement of a"
                            + " system the caller's organisation is the customer of; its administrators decide")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RequestView> send(@RequestBody ParticipationRequests.RequestInput body) {
        ParticipationRequest r = requests.send(body);
        return ResponseEntity.created(URI.create("/api/participation-requests/" + r.id()))
                .body(view(requests.get(r.id())));
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('USER')")
    @Operation(
            summary = "Accept a request received by the caller's organisation (its administrators only), naming the"
                    + " members who take it on; they are assigned to the system")
    RequestView accept(@PathVariable UUID id, @RequestBody AcceptBody body) {
        requests.accept(id, body == null ? List.of() : body.people());
        return view(requests.get(id));
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize("hasRole('USER')")
    @Operation(
            summary =
                    "Decline a request received by the caller's organisation (its administrators only), with a reason")
    RequestView decline(@PathVariable UUID id, @RequestBody DeclineBody body) {
        requests.decline(id, body == null ? null : body.reason());
        return view(requests.get(id));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "Withdraw a pending request the caller's organisation sent")
    RequestView withdraw(@PathVariable UUID id) {
        requests.withdraw(id);
        return view(requests.get(id));
    }

    private static RequestView view(ParticipationRequests.View v) {
        ParticipationRequest r = v.request();
        return new RequestView(
                r.id(),
                r.systemId(),
                v.systemName(),
                r.engagementId(),
                v.engagementName(),
                r.role(),
                r.organizationId(),
                v.organizationName(),
                r.requestingOrgId(),
                v.requestingOrgName(),
                v.requestedByName(),
                r.message(),
                r.status(),
                r.createdAt(),
                r.decidedAt(),
                v.decidedByName(),
                r.reason(),
                v.assignedNames());
    }
}
