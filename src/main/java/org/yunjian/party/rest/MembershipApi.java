package org.yunjian.party.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.party.internal.Assignments;
import org.yunjian.party.internal.Membership;
import org.yunjian.shared.FieldErrors;

/**
 * 成员与指派 over REST (issue 57, need to know): an organisation administrator reads who of the organisation sees what,
 * assigns members to the organisation's systems, ends assignments, and gives or withdraws the grant to see every
 * system of the organisation. Interactive only, as the organisation's account administration.
 */
@RestController
@org.yunjian.security.InteractiveOnly
@PreAuthorize("hasRole('USER')")
class MembershipApi {

    record SystemRef(UUID id, String name) {}

    /**
     * A member: {@code seesWholeOrganization} when they hold the grant or are an administrator ({@code granted}: the
     * grant itself), and the systems they are assigned to.
     */
    record MemberView(
            UUID id,
            String username,
            String displayName,
            boolean enabled,
            boolean administrator,
            boolean seesWholeOrganization,
            boolean granted,
            List<SystemRef> assignedSystems) {}

    record MembershipView(List<MemberView> members, List<SystemRef> assignableSystems) {}

    record Assignment(UUID systemId) {}

    record Grant(Boolean granted) {}

    private final Membership membership;
    private final Assignments assignments;

    MembershipApi(Membership membership, Assignments assignments) {
        this.membership = membership;
        this.assignments = assignments;
    }

    @GetMapping("/api/organization/membership")
    @Operation(
            summary = "The caller's organisation's members, what each sees (assigned systems or every system of the"
                    + " organisation) and the systems an administrator may assign (organisation administrators)")
    MembershipView get() {
        Membership.Overview o = membership.overview();
        return new MembershipView(
                o.members().stream()
                        .map(r -> new MemberView(
                                r.member().id(),
                                r.member().username(),
                                r.member().displayName(),
                                r.member().enabled(),
                                r.member().orgAdmin(),
                                r.whole(),
                                r.granted(),
                                r.systems().stream()
                                        .map(s -> new SystemRef(s.id(), s.name()))
                                        .toList()))
                        .toList(),
                o.assignable().stream()
                        .map(s -> new SystemRef(s.id(), s.name()))
                        .toList());
    }

    @PostMapping("/api/organization/members/{id}/assignments")
    @Operation(summary = "Assign a member to one of the organisation's systems (audited, told to the administrators)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> assign(@PathVariable UUID id, @RequestBody(required = false) Assignment body) {
        if (body == null || body.systemId() == null) {
            throw new FieldErrors.ValidationException("systemId", "party.assignment.error.system");
        }
        assignments.assign(id, body.systemId());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/organization/members/{id}/assignments/{systemId}")
    @Operation(summary = "End a member's assignment to a system (audited, told to the administrators)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> unassign(@PathVariable UUID id, @PathVariable UUID systemId) {
        assignments.unassign(id, systemId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/organization/members/{id}/whole-organization")
    @Operation(
            summary = "Give a member the grant to see every system the organisation takes part in ({\"granted\":true})"
                    + " or withdraw it ({\"granted\":false}); administrators hold it anyway")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> whole(@PathVariable UUID id, @RequestBody(required = false) Grant body) {
        if (body == null || body.granted() == null) {
            throw new FieldErrors.ValidationException("granted", "party.visibility.error.granted");
        }
        assignments.setWholeOrganization(id, body.granted());
        return ResponseEntity.noContent().build();
    }
}
