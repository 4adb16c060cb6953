package org.yunjian.security.web;

import java.util.Arrays;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.security.internal.directory.DirectoryAccounts;
import org.yunjian.security.internal.directory.DirectoryLogins;

/**
 * Signing in through one's organisation's directory: the page offers the organisation's OpenID Connect provider (the
 * person types their organisation's login domain, or name@domain, and is sent there) and the LDAP form (processed by
 * {@code DirectoryLdapLoginFilter}). Which organisations have a directory is not listed: a visitor learns nothing
 * without typing a domain. Platform administrators sign in on the local login page, with TOTP.
 */
@Controller
class DirectoryLoginController {

    private final DirectoryLogins logins;

    DirectoryLoginController(DirectoryLogins logins) {
        this.logins = logins;
    }

    @GetMapping("/login/directory")
    @PreAuthorize("permitAll()")
    String page(@RequestParam(required = false) String refused, Model model) {
        if (refused != null
                && Arrays.stream(DirectoryAccounts.Refusal.values())
                        .anyMatch(r -> r.name().equals(refused))) {
            // the one name a page's refusal goes under (PageRefusal.CONFLICT), and its reason for scripts
            model.addAttribute(
                    org.yunjian.shared.refusal.PageRefusal.CONFLICT,
                    org.yunjian.shared.Msg.of("directory.refusal." + refused).text());
            model.addAttribute("conflictReason", refused);
        }
        return "security/directory-login";
    }

    @PostMapping("/login/directory/oidc")
    @PreAuthorize("permitAll()")
    String provider(@RequestParam(defaultValue = "") String domain) {
        return logins.providerOf(domain)
                .map(id -> "redirect:/oauth2/authorization/" + id)
                .orElseGet(() -> "redirect:/login/directory?refused="
                        + logins.whyNoProvider(domain).name());
    }
}
