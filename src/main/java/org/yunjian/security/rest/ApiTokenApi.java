package org.yunjian.security.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.security.ApiTokenScope;
import org.yunjian.security.internal.token.ApiToken;
import org.yunjian.security.internal.token.ApiTokenView;
import org.yunjian.security.internal.token.ApiTokens;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;

/** API tokens over REST: the caller's own, and (for security and system administrators) any account's. */
@RestController
class ApiTokenApi {

    /** A new token: a name, {@code READ_ONLY} or {@code READ_WRITE}, valid for 1 to 365 days. */
    @Schema(name = "NewApiToken")
    record NewApiToken(
            String name,

            @Schema(allowableValues = {"READ_ONLY", "READ_WRITE"})
            String scope,

            Integer validDays) {}

    /** The new token and its value, shown this once: send it as {@code Authorization: Bearer <value>}. */
    @Schema(name = "IssuedApiToken")
    record IssuedApiToken(ApiTokenView token, String value) {
        @Override
        public String toString() {
            return "IssuedApiToken[" + token.id() + "]";
        }
    }

    private final ApiTokens tokens;

    ApiTokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/account/tokens")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    @Operation(
            summary = "The caller's API tokens (never their values) whose name contains q (any case), newest "
                    + "first; one page (page from 1, size 1-200, default 50) with the total")
    Paged<ApiTokenView> mine(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        ListFilters.Search query = ListFilters.Search.of(q, page, size);
        return tokens.mine(query.text(), query.page());
    }

    @PostMapping("/api/account/tokens")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    @Operation(
            summary = "Create an API token for the caller (from a login session only); its value is in this "
                    + "answer and nowhere else")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IssuedApiToken> create(@RequestBody NewApiToken body) {
        ApiTokenScope scope = parseScope(body.scope());
        ApiToken.Issued issued = tokens.create(body.name(), scope, body.validDays());
        ApiTokenView view = tokens.viewOf(issued.token());
        return ResponseEntity.created(URI.create("/api/account/tokens/" + view.id()))
                .body(new IssuedApiToken(view, issued.value()));
    }

    @DeleteMapping("/api/account/tokens/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    @Operation(summary = "Revoke one of the caller's API tokens (at once; revoking twice changes nothing)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revokeMine(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users/{id}/tokens")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "An account's API tokens whose name contains q (any case), for security and system "
                    + "administrators, newest first; one page (page from 1, size 1-200, default 50) with the total")
    Paged<ApiTokenView> ofUser(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        ListFilters.Search query = ListFilters.Search.of(q, page, size);
        return tokens.of(id, query.text(), query.page());
    }

    @DeleteMapping("/api/users/{id}/tokens/{tokenId}")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Revoke an account's API token, for security and system administrators")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revokeOfUser(@PathVariable UUID id, @PathVariable UUID tokenId) {
        tokens.revokeOf(id, tokenId);
        return ResponseEntity.noContent().build();
    }

    private static ApiTokenScope parseScope(String scope) {
        if (scope == null) {
            return null; // reported with the other fields' problems
        }
        FieldErrors errors = new FieldErrors();
        org.yunjian.shared.Text.violation(scope, org.yunjian.shared.Text.Kind.LINE)
                .ifPresent(v -> errors.add("scope", v.problem().messageCode(), v.messageArgs("scope")));
        errors.throwIfAny();
        try {
            return ApiTokenScope.valueOf(scope.strip());
        } catch (IllegalArgumentException e) {
            errors.add("scope", "apitoken.error.scope").throwIfAny();
            return null;
        }
    }
}
