package org.yunjian.security.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.security.internal.admin.FirstAdministratorSetup;
import org.yunjian.security.internal.password.PasswordPolicy;
import org.yunjian.shared.refusal.PageRefusal;

/** Creating the first security administrator with the one-time set-up token. */
@Controller
class SetupController {

    private final FirstAdministratorSetup setup;
    private final PasswordPolicy policy;

    SetupController(FirstAdministratorSetup setup, PasswordPolicy policy) {
        this.setup = setup;
        this.policy = policy;
    }

    @GetMapping("/setup")
    @PreAuthorize("permitAll()")
    String form(Model model) {
        model.addAttribute("open", setup.isOpen());
        model.addAttribute("policy", policy.summary());
        return "security/setup";
    }

    @PostMapping("/setup")
    @PreAuthorize("permitAll()")
    String create(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            Model model) {
        if (!setup.isOpen()) {
            return form(model);
        }
        return PageRefusal.on(model)
                .attempt(
                        () -> setup.complete(token, username, displayName, password),
                        () -> "redirect:/login?setup",
                        () -> {
                            model.addAttribute("username", username);
                            model.addAttribute("displayName", displayName);
                            return form(model);
                        });
    }
}
