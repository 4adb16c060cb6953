package org.yunjian.security.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yunjian.demo.DemoData;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.Totp;

/**
 * Demo mode only: the login page lists the demo accounts, their password and — for administrators, who
 * must give a TOTP code — the current code, so a newcomer can log in as any role at once.
 */
@ControllerAdvice(assignableTypes = LoginController.class)
class DemoLoginPanel {

    private final boolean demo;
    private final Clock clock;

    DemoLoginPanel(@Value("${yunjian.demo:false}") boolean demo, Clock clock) {
        this.demo = demo;
        this.clock = clock;
    }

    @ModelAttribute("demoAccounts")
    List<DemoAccountView> demoAccounts() {
        if (!demo) {
            return List.of();
        }
        return DemoData.ACCOUNTS.stream()
                .map(a -> new DemoAccountView(
                        a.username(),
                        a.displayName(),
                        a.role(),
                        a.organization() == null ? "" : a.organization().name(),
                        DemoData.PASSWORD,
                        a.totpSecret() == null ? null : Totp.code(a.totpSecret(), clock.instant())))
                .toList();
    }

    /**
     * On the TOTP step of a demo administrator, in demo mode only: the account's current code and the seconds it
     * stays current, so that a newcomer need not copy it from the login page. Outside demo mode nothing.
     */
    @ModelAttribute("demoTotp")
    DemoTotp demoTotp() {
        if (!demo) {
            return null;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal p) || p.fullyAuthenticated()) {
            return null;
        }
        Instant now = clock.instant();
        return DemoData.ACCOUNTS.stream()
                .filter(a -> a.username().equals(p.getUsername()) && a.totpSecret() != null)
                .findFirst()
                .map(a -> new DemoTotp(
                        a.username(),
                        Totp.code(a.totpSecret(), now),
                        Totp.STEP_SECONDS - Math.floorMod(now.getEpochSecond(), Totp.STEP_SECONDS)))
                .orElse(null);
    }

    record DemoTotp(String username, String code, long secondsLeft) {}

    record DemoAccountView(
            String username,
            String displayName,
            String role,
            String organization,
            String password,
            String currentTotp) {}
}
