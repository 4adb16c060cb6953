package org.yunjian.security.web;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yunjian.demo.DemoData;
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
                .map(a -> new DemoAccountView(a.username(), a.displayName(), a.role(),
                        a.organization() == null ? "" : a.organization().name(), DemoData.PASSWORD,
                        a.totpSecret() == null ? null : Totp.code(a.totpSecret(), clock.instant())))
                .toList();
    }

    record DemoAccountView(String username, String displayName, String role, String organization, String password,
                           String currentTotp) {
    }
}
