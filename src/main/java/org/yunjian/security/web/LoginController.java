package org.yunjian.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.security.internal.login.TotpLogin;

/** The login page (the form is processed by Spring Security) and the TOTP step for administrators. */
@Controller
class LoginController {

    private final TotpLogin totp;

    LoginController(TotpLogin totp) {
        this.totp = totp;
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login() {
        return "security/login";
    }

    @GetMapping("/login/totp")
    @PreAuthorize("hasAuthority('MFA_PENDING')")
    String totpForm(HttpSession session, Model model) {
        totp.enrolment(session).ifPresent(e -> model.addAttribute("enrolment", e));
        return "security/totp";
    }

    @PostMapping("/login/totp")
    @PreAuthorize("hasAuthority('MFA_PENDING')")
    String totpSubmit(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        TotpLogin.Verification v = totp.verify(code, request, response);
        return switch (v.result()) {
            case SUCCESS -> totp.passwordChangeRequired(request) ? "redirect:/account/password" : "redirect:/";
            case LOCKED -> "redirect:/login?error";
            case INVALID, CODE_USED -> {
                totp.enrolment(request.getSession()).ifPresent(e -> model.addAttribute("enrolment", e));
                model.addAttribute("invalid", true);
                if (v.result() == TotpLogin.Result.CODE_USED) {
                    // the code was right but already used in its window: say so, and how long until a new one
                    model.addAttribute("usedWait", v.secondsToWait());
                }
                yield "security/totp";
            }
        };
    }
}
