package org.yunjian.security.web;

import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.internal.password.PasswordPolicy;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * 组织管理员 pages: the accounts of the administrator's own organisation. Business users only; the service refuses
 * anyone not flagged organisation administrator (audited) and answers another organisation's account as unknown.
 */
@Controller
@RequestMapping("/organization/users")
@PreAuthorize("hasRole('USER')")
class OrganizationUsersController {

    private final OrganizationAdministration admin;
    private final PasswordPolicy policy;

    OrganizationUsersController(OrganizationAdministration admin, PasswordPolicy policy) {
        this.admin = admin;
        this.policy = policy;
    }

    @GetMapping
    @PreAuthorize("hasRole('USER')")
    String list(Model model) {
        return list(model, Map.of(), "", "");
    }

    @PostMapping
    @PreAuthorize("hasRole('USER')")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            Model model) {
        return PageRefusal.on(model)
                .attempt(
                        () -> "redirect:/organization/users/"
                                + admin.create(username, displayName, password).id() + "?created",
                        () -> list(model, PageRefusal.none(), username, displayName));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('USER')")
    String detail(@PathVariable UUID id, Model model) {
        return detail(id, model, Map.of());
    }

    @PostMapping("/{id}/enabled")
    @PreAuthorize("hasRole('USER')")
    String enabled(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            RedirectAttributes flash) {
        if (!enabled && !confirm) { // disabling ends the person's sessions: the box must be ticked
            flash.addFlashAttribute("unconfirmed", true);
            return "redirect:/organization/users/" + id;
        }
        admin.setEnabled(id, enabled);
        return "redirect:/organization/users/" + id + "?saved";
    }

    /** Removes the member (never oneself): the account goes, its sessions and API tokens end at once. */
    @PostMapping("/{id}/remove")
    @PreAuthorize("hasRole('USER')")
    String remove(
            @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes flash) {
        if (!confirm) {
            flash.addFlashAttribute("unconfirmed", true);
            return "redirect:/organization/users/" + id;
        }
        admin.remove(id);
        return "redirect:/organization/users?removed";
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasRole('USER')")
    String password(@PathVariable UUID id, @RequestParam(defaultValue = "") String password, Model model) {
        return PageRefusal.on(model)
                .attempt(
                        () -> admin.resetPassword(id, password),
                        () -> "redirect:/organization/users/" + id + "?passwordReset",
                        () -> detail(id, model, PageRefusal.none()));
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasRole('USER')")
    String unlock(@PathVariable UUID id) {
        admin.unlock(id);
        return "redirect:/organization/users/" + id + "?unlocked";
    }

    @PostMapping("/{id}/org-admin")
    @PreAuthorize("hasRole('USER')")
    String orgAdmin(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean orgAdmin,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes flash) {
        if (!confirm) {
            flash.addFlashAttribute("unconfirmed", true);
            return "redirect:/organization/users/" + id;
        }
        admin.setOrgAdmin(id, orgAdmin);
        return "redirect:/organization/users/" + id + "?saved";
    }

    private String list(Model model, Map<String, String> errors, String username, String displayName) {
        model.addAttribute("members", admin.members());
        model.addAttribute("errors", errors);
        model.addAttribute("typedUsername", username);
        model.addAttribute("typedDisplayName", displayName);
        model.addAttribute("policy", policy.summary());
        return "security/organization-users";
    }

    private String detail(UUID id, Model model, Map<String, String> errors) {
        model.addAttribute("member", admin.member(id));
        model.addAttribute(
                "self", org.yunjian.security.CurrentUser.require().userId().equals(id));
        model.addAttribute("errors", errors);
        model.addAttribute("policy", policy.summary());
        return "security/organization-user";
    }
}
