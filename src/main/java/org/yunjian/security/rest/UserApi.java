package org.yunjian.security.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.security.internal.admin.AdminRequest;
import org.yunjian.security.internal.admin.AdministratorApprovals;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * User administration over REST, for security administrators only. Reading it (the accounts, one account, the
 * administrator requests) is open to a security administrator's API token, so {@code yunjian users list} runs
 * against the server (issue 35); every change is {@link org.yunjian.security.InteractiveOnly}: a leaked token cannot
 * create, change, unlock, reset or delete an account, nor approve an administrator request.
 */
@RestController
@RequestMapping("/api/users")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class UserApi {

    /**
     * A new account. Exactly one {@code role}: separation of duties allows no role lists, so a
     * {@code roles} field is rejected rather than ignored.
     */
    record CreateUser(
            String username,
            String displayName,
            String role,
            UUID organizationId,
            String password,
            List<String> roles) {}

    /** Changes; absent fields stay as they are. A role change is explicit and audited on its own. */
    record UpdateUser(
            String displayName,
            String role,
            UUID organizationId,
            Boolean enabled,
            List<String> roles,

            @Schema(description = "the version this update replaces, if no If-Match header is sent")
            Long version) {}

    record ResetPassword(String password) {}

    private final UserAdministration users;
    private final AdministratorApprovals approvals;

    UserApi(UserAdministration users, AdministratorApprovals approvals) {
        this.users = users;
        this.approvals = approvals;
    }

    @GetMapping
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(
            summary = "One page of the user accounts by user name, with the total. Filters: q (user name or display "
                    + "name contains, any case), role; page from 1, size 1-200 (default 50). A bad value is a 400 naming the "
                    + "parameter")
    org.yunjian.shared.paging.Paged<UserView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var query = org.yunjian.shared.paging.ListFilters.Query.of(q, "role", role, Role.class, page, size);
        return users.page(query.text(), query.choice(), query.page());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Get one user account")
    UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PostMapping
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(
            summary = "Create an administrator account with an initial password (to be changed at first login); a "
                    + "business account (role USER) is a 400: its organisation's administrators add it")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserView> create(@RequestBody CreateUser body) {
        FieldErrors errors = new FieldErrors();
        rejectRoleList(body.roles(), errors);
        Role role = parseRole(body.role(), errors, true);
        errors.throwIfAny();
        UserView created = users.create(new UserAdministration.NewUser(
                body.username(), body.displayName(), role, body.organizationId(), body.password()));
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(
            summary = "Change an administrator account's display name, role or enabled state; an administrator role "
                    + "is only requested (202, pendingRequest set) until a second security administrator approves "
                    + "it; a business account is a 403 (its organisation's administrators manage it)")
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "202", description = "The role change awaits a second security administrator")
    ResponseEntity<UserView> update(
            @PathVariable UUID id,
            @RequestHeader(name = org.springframework.http.HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody UpdateUser body) {
        FieldErrors errors = new FieldErrors();
        rejectRoleList(body.roles(), errors);
        Role role = parseRole(body.role(), errors, false);
        errors.throwIfAny();
        UserView updated = users.update(
                id,
                ExpectedVersion.of(ifMatch, body.version()),
                new UserAdministration.Change(body.displayName(), role, body.organizationId(), body.enabled()));
        boolean requested = role != null && role != updated.role() && updated.pendingRequest() != null;
        return requested ? ResponseEntity.accepted().body(updated) : ResponseEntity.ok(updated);
    }

    @GetMapping("/admin-requests")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(
            summary = "Administrator accounts and role grants waiting for a second administrator's approval; one "
                    + "page (page from 1, size 1-200, default 50) with the total")
    org.yunjian.shared.paging.Paged<AdminRequest> adminRequests(
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        org.yunjian.shared.paging.PageRequest request = org.yunjian.shared.paging.PageRequest.of(page, size);
        return approvals.pending(request);
    }

    @PostMapping("/admin-requests/{id}/approve")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Approve an administrator request (never one's own, nor one about one's own account)")
    AdminRequest approve(@PathVariable UUID id) {
        return approvals.approve(id);
    }

    @PostMapping("/admin-requests/{id}/reject")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Reject an administrator request (a new account stays disabled)")
    AdminRequest reject(@PathVariable UUID id) {
        return approvals.reject(id);
    }

    @PostMapping("/{id}/unlock")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Unlock an administrator account locked after failed logins (a business account is a 403)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> unlock(@PathVariable UUID id) {
        users.unlock(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/password")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(
            summary = "Reset an administrator account's password (to be changed at next login; a business account is "
                    + "a 403)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> resetPassword(@PathVariable UUID id, @RequestBody ResetPassword body) {
        users.resetPassword(id, body.password());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Delete an administrator account (a business account is a 403)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        users.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static void rejectRoleList(List<String> roles, FieldErrors errors) {
        if (roles != null) {
            errors.add("roles", "security.user.error.roleList");
        }
    }

    private static Role parseRole(String role, FieldErrors errors, boolean required) {
        if (role == null || role.isBlank()) {
            if (required) {
                errors.add("role", "security.user.error.role");
            }
            return null;
        }
        try {
            return Role.valueOf(role.strip());
        } catch (IllegalArgumentException e) {
            errors.add("role", "security.user.error.role");
            return null;
        }
    }
}
