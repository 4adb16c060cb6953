package org.yunjian.security.web;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.security.internal.directory.DirectoryConnection;
import org.yunjian.security.internal.directory.DirectoryConnectionView;
import org.yunjian.security.internal.directory.DirectoryConnections;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * 组织管理员 page: the organisation's own directory (OpenID Connect provider or LDAP / Active Directory) through which
 * its people sign in. Business users only; the service refuses anyone not flagged organisation administrator
 * (audited). Secrets are never shown back: a blank secret field keeps the stored one.
 */
@Controller
@RequestMapping("/organization/directory")
@PreAuthorize("hasRole('USER')")
class DirectoryConnectionController {

    private final DirectoryConnections connections;

    DirectoryConnectionController(DirectoryConnections connections) {
        this.connections = connections;
    }

    @GetMapping
    @PreAuthorize("hasRole('USER')")
    String page(Model model) {
        DirectoryConnectionView c = connections.mine().orElse(null);
        return page(model, c, typed(c), Map.of());
    }

    @PostMapping
    @PreAuthorize("hasRole('USER')")
    String save(@ModelAttribute Form form, Model model) {
        return PageRefusal.on(model)
                .attempt(
                        () -> connections.save(form.settings()), () -> "redirect:/organization/directory?saved", () -> {
                            DirectoryConnectionView c = connections.mine().orElse(null);
                            return page(model, c, form, PageRefusal.none());
                        });
    }

    @PostMapping("/enabled")
    @PreAuthorize("hasRole('USER')")
    String enabled(
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes flash) {
        if (!enabled && !confirm) { // switching off ends the sessions of the organisation's directory accounts
            flash.addFlashAttribute("unconfirmed", true);
            return "redirect:/organization/directory";
        }
        connections.setEnabled(enabled);
        return "redirect:/organization/directory?saved";
    }

    private String page(Model model, DirectoryConnectionView c, Form typed, Map<String, String> errors) {
        model.addAttribute("connection", c);
        if (c != null && "OIDC".equals(c.kind())) {
            // the address to register at the provider as this platform's redirect address
            model.addAttribute(
                    "callbackUrl",
                    org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/login/oauth2/code/{id}")
                            .buildAndExpand(c.id())
                            .toUriString());
        }
        model.addAttribute("form", typed);
        if (!model.containsAttribute(PageRefusal.ERRORS)) {
            model.addAttribute(PageRefusal.ERRORS, errors);
        }
        return "security/directory";
    }

    private static Form typed(DirectoryConnectionView c) {
        if (c == null) {
            return new Form("OIDC", "", true, "", "", "", "groups", "", "", "", "", "", "", "", "");
        }
        return new Form(
                c.kind(),
                c.loginDomain(),
                c.enabled(),
                blank(c.issuerUri()),
                blank(c.clientId()),
                "",
                blank(c.groupClaim()),
                blank(c.groupValue()),
                blank(c.ldapUrl()),
                blank(c.baseDn()),
                blank(c.userDnPattern()),
                blank(c.userSearchFilter()),
                blank(c.bindDn()),
                "",
                blank(c.groupDn()));
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    /** The form as typed (secrets are never filled in). */
    record Form(
            String kind,
            String loginDomain,
            Boolean enabled,
            String issuerUri,
            String clientId,
            String clientSecret,
            String groupClaim,
            String groupValue,
            String ldapUrl,
            String baseDn,
            String userDnPattern,
            String userSearchFilter,
            String bindDn,
            String bindPassword,
            String groupDn) {

        DirectoryConnection.Settings settings() {
            return new DirectoryConnection.Settings(
                    kind,
                    loginDomain,
                    enabled, // absent: as it was (a new connection: on)
                    issuerUri,
                    clientId,
                    clientSecret,
                    groupClaim,
                    groupValue,
                    ldapUrl,
                    baseDn,
                    userDnPattern,
                    userSearchFilter,
                    bindDn,
                    bindPassword,
                    groupDn);
        }
    }
}
