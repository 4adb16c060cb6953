package org.yunjian.security.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.security.OrganizationAdministration;

/** 组织管理员 over REST: the accounts of the caller's own organisation, for its organisation administrators. */
@RestController
@org.yunjian.security.InteractiveOnly
@RequestMapping("/api/organization/users")
@PreAuthorize("hasRole('USER')")
class OrganizationUsersApi {

    record NewMember(String username, String displayName, String password) {}

    /** Absent fields stay as they are. */
    record MemberChange(Boolean enabled, Boolean orgAdmin) {}

    record NewPassword(String password) {}

    private final OrganizationAdministration admin;

    OrganizationUsersApi(OrganizationAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "The accounts of the caller's organisation (organisation administrators only)")
    List<OrganizationAdministration.Member> list() {
        return admin.members();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "One account of the caller's organisation; another organisation's is a 404")
    OrganizationAdministration.Member get(@PathVariable UUID id) {
        return admin.member(id);
    }

    @PostMapping
    @PreAuthorize("hasRole('USER')")
    @Operation(
            summary = "Create a business account of the caller's organisation (never an administrator role); "
                    + "the initial password follows the platform policy and must be changed at first login")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<OrganizationAdministration.Member> create(@RequestBody NewMember body) {
        OrganizationAdministration.Member m = admin.create(body.username(), body.displayName(), body.password());
        return ResponseEntity.created(URI.create("/api/organization/users/" + m.id()))
                .body(m);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "Enable or disable the account, or name it (or no longer) an organisation administrator")
    OrganizationAdministration.Member update(@PathVariable UUID id, @RequestBody MemberChange body) {
        if (body.enabled() != null) {
            admin.setEnabled(id, body.enabled());
        }
        if (body.orgAdmin() != null) {
            admin.setOrgAdmin(id, body.orgAdmin());
        }
        return admin.member(id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('USER')")
    @Operation(
            summary = "Remove a member of the caller's organisation (not oneself); their sessions and API tokens end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        admin.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "Set a new password (policy-checked; to be changed at next login)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> password(@PathVariable UUID id, @RequestBody NewPassword body) {
        admin.resetPassword(id, body.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "Unlock the account after failed logins")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> unlock(@PathVariable UUID id) {
        admin.unlock(id);
        return ResponseEntity.noContent().build();
    }
}
