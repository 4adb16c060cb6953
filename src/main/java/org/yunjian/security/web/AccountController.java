package org.yunjian.security.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.security.internal.AccountSelfService;
import org.yunjian.security.internal.password.PasswordPolicy;
import org.yunjian.shared.refusal.PageRefusal;

/** The caller's own account: profile and password change. */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
class AccountController {

    private final AccountSelfService self;
    private final PasswordPolicy policy;
    private final org.yunjian.security.internal.token.ApiTokens tokens;

    AccountController(
            AccountSelfService self, PasswordPolicy policy, org.yunjian.security.internal.token.ApiTokens tokens) {
        this.self = self;
        this.policy = policy;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    String profile(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        model.addAttribute("profile", self.profile());
        ApiTokenController.section(
                model,
                tokens,
                org.yunjian.shared.paging.ListFilters.Search.of(q, page, size),
                ApiTokenController.TokenForm.EMPTY,
                java.util.Map.of());
        return "security/account";
    }

    @GetMapping("/account/password")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    String passwordForm(Model model) {
        return form(model);
    }

    @PostMapping("/account/password")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    String changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            Model model) {
        return PageRefusal.on(model)
                .attempt(
                        () -> self.changePassword(currentPassword, newPassword, confirmPassword),
                        () -> "redirect:/account?passwordChanged",
                        () -> form(model));
    }

    private String form(Model model) {
        model.addAttribute("profile", self.profile());
        model.addAttribute("policy", policy.summary());
        model.addAttribute("changeReason", self.pendingPasswordChange().orElse(null));
        return "security/password";
    }
}
