package org.yunjian.security.rest;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.security.UserView;
import org.yunjian.security.internal.AccountSelfService;
import org.yunjian.security.internal.login.TotpLogin;
import org.yunjian.shared.FieldErrors;

/** The caller's own account over REST, and the CSRF token API clients need for state-changing calls. */
@RestController
class AccountApi {

    record TotpCode(String code) {}

    /** Where to go after the TOTP step: the password change if one is due, else the application. */
    record LoginStep(String next, boolean passwordChangeRequired) {}

    record ChangePassword(String currentPassword, String newPassword) {}

    /** Send {@code token} in the header {@code headerName} with every POST, PUT and DELETE. */
    record Csrf(String headerName, String parameterName, String token) {}

    private final AccountSelfService self;
    private final TotpLogin totp;

    AccountApi(AccountSelfService self, TotpLogin totp) {
        this.self = self;
        this.totp = totp;
    }

    @PostMapping("/api/login/totp")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasAuthority('MFA_PENDING')")
    @Operation(summary = "Second login step for administrators: the TOTP code (after POST /login with the password)")
    ResponseEntity<LoginStep> totp(
            @RequestBody TotpCode body, HttpServletRequest request, HttpServletResponse response) {
        TotpLogin.Verification v = totp.verify(body.code(), request, response);
        return switch (v.result()) {
            case SUCCESS -> {
                boolean change = totp.passwordChangeRequired(request);
                yield ResponseEntity.ok(new LoginStep(change ? "/account/password" : "/", change));
            }
            case INVALID -> throw new FieldErrors.ValidationException("code", "security.totp.invalid");
            case CODE_USED ->
                throw new FieldErrors.ValidationException("code", "security.totp.used", v.secondsToWait());
            case LOCKED ->
                throw new org.springframework.security.access.AccessDeniedException("security.error.loginEnded");
        };
    }

    @GetMapping("/api/account")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    @Operation(summary = "The caller's own account")
    UserView profile() {
        return self.profile();
    }

    @PostMapping("/api/account/password")
    @org.yunjian.security.InteractiveOnly
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    @Operation(summary = "Change the caller's own password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> changePassword(@RequestBody ChangePassword body) {
        self.changePassword(body.currentPassword(), body.newPassword(), null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/csrf")
    @PreAuthorize("permitAll()")
    @Operation(summary = "A CSRF token for this session (needed for POST /login and every state-changing call)")
    ResponseEntity<Csrf> csrf(CsrfToken token) {
        return ResponseEntity.ok()
                .header(token.getHeaderName(), token.getToken())
                .body(new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken()));
    }
}
