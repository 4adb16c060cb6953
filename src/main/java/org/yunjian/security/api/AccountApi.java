package org.yunjian.security.api;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.security.AccountSelfService;
import org.yunjian.security.UserView;

/** The caller's own account over REST, and the CSRF token API clients need for state-changing calls. */
@RestController
class AccountApi {

    record ChangePassword(String currentPassword, String newPassword) {
    }

    /** Send {@code token} in the header {@code headerName} with every POST, PUT and DELETE. */
    record Csrf(String headerName, String parameterName, String token) {
    }

    private final AccountSelfService self;

    AccountApi(AccountSelfService self) {
        this.self = self;
    }

    @GetMapping("/api/account")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    @Operation(summary = "The caller's own account")
    UserView profile() {
        return self.profile();
    }

    @PostMapping("/api/account/password")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    @Operation(summary = "Change the caller's own password")
    ResponseEntity<Void> changePassword(@RequestBody ChangePassword body) {
        self.changePassword(body.currentPassword(), body.newPassword(), null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/csrf")
    @PreAuthorize("permitAll()")
    @Operation(summary = "A CSRF token for this session (needed for POST /login and every state-changing call)")
    ResponseEntity<Csrf> csrf(CsrfToken token) {
        return ResponseEntity.ok().header(token.getHeaderName(), token.getToken())
                .body(new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken()));
    }
}
