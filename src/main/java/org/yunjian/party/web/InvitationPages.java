package org.yunjian.party.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.party.internal.Invitation;
import org.yunjian.party.internal.Invitations;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * Invitations: the inviting organisation's list and form (business users; who may invite what is the service's rule),
 * and the public page an invitee opens from the e-mail — which answers an unknown, used, revoked or expired link with
 * a page saying so (404 / 410), never an error.
 */
@Controller
class InvitationPages {

    private final Invitations invitations;
    private final OrganizationAdministration orgAdmins;

    InvitationPages(Invitations invitations, OrganizationAdministration orgAdmins) {
        this.invitations = invitations;
        this.orgAdmins = orgAdmins;
    }

    @GetMapping("/invitations")
    @PreAuthorize("hasRole('USER')")
    String list(Model model) {
        return page(model, new Invitations.InvitationInput("", "", "", "", "", "", "", "", ""), Map.of());
    }

    @PostMapping("/invitations")
    @PreAuthorize("hasRole('USER')")
    String invite(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String organizationId,
            @RequestParam(defaultValue = "") String newOrgName,
            @RequestParam(defaultValue = "") String newOrgCredit,
            @RequestParam(defaultValue = "") String newOrgRegion,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String systemId,
            @RequestParam(defaultValue = "") String engagementId,
            Model model,
            RedirectAttributes flash) {
        Invitations.InvitationInput in = new Invitations.InvitationInput(
                email,
                displayName,
                organizationId,
                newOrgName,
                newOrgCredit,
                newOrgRegion,
                role,
                systemId,
                engagementId);
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            Invitations.Created c = invitations.invite(in);
                            flash.addFlashAttribute("sentTo", c.invitation().email());
                            flash.addFlashAttribute("mailed", c.mailed());
                            if (!c.mailed()) { // no SMTP server: the inviter passes the link on; shown this once
                                flash.addFlashAttribute("link", c.link());
                            }
                            return "redirect:/invitations?created";
                        },
                        () -> page(model, in, PageRefusal.none()));
    }

    @PostMapping("/invitations/{id}/revoke")
    @PreAuthorize("hasRole('USER')")
    String revoke(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, Model model) {
        if (!confirm) {
            model.addAttribute("revokeUnconfirmed", true);
            return list(model);
        }
        return PageRefusal.on(model)
                .attempt(
                        () -> invitations.revoke(id),
                        () -> "redirect:/invitations?revoked",
                        () -> page(
                                model,
                                new Invitations.InvitationInput("", "", "", "", "", "", "", "", ""),
                                PageRefusal.none()));
    }

    /** The invitee's page: who invites it where, and the form to choose a user name and password. */
    @GetMapping("/invitation/{token}")
    @PreAuthorize("permitAll()") // the invitee has no account yet (SecurityConfig.PUBLIC): the link's secret decides
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        try {
            return acceptForm(model, invitations.open(token), "", null, Map.of());
        } catch (Invitations.Unusable e) {
            return unusable(e, model, response);
        }
    }

    @PostMapping("/invitation/{token}")
    @PreAuthorize("permitAll()") // the invitee has no account yet (SecurityConfig.PUBLIC): the link's secret decides
    String accept(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        model.addAttribute("token", token);
        try {
            return PageRefusal.on(model)
                    .attempt(
                            () -> {
                                Invitations.Accepted a =
                                        invitations.accept(token, username, displayName, password, confirm);
                                // the login page names the account; a clash with an existing name is told now, once
                                flash.addFlashAttribute("invitedUsername", a.username());
                                if (a.renamed()) {
                                    flash.addFlashAttribute("invitedChosen", a.chosen());
                                }
                                return "redirect:/login?invited";
                            },
                            () -> acceptForm(
                                    model, invitations.open(token), username, displayName, PageRefusal.none()));
        } catch (Invitations.Unusable e) {
            return unusable(e, model, response);
        }
    }

    private String acceptForm(
            Model model, Invitation i, String username, String displayName, Map<String, String> errors) {
        model.addAttribute("invitation", i);
        model.addAttribute("organizationName", invitations.organizationName(i));
        model.addAttribute("inviterName", invitations.inviterName(i));
        model.addAttribute("systemName", invitations.systemName(i));
        model.addAttribute("typedUsername", username.isBlank() ? suggestedUsername(i.email()) : username);
        model.addAttribute("typedDisplayName", displayName == null ? i.displayName() : displayName);
        model.addAttribute("errors", errors);
        model.addAttribute("policy", orgAdmins.passwordPolicy());
        return "party/invitation-accept";
    }

    private static String unusable(Invitations.Unusable e, Model model, HttpServletResponse response) {
        response.setStatus(e.status() == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
        model.addAttribute("reason", e.status() == null ? "UNKNOWN" : e.status().name());
        return "party/invitation-unusable";
    }

    /** The e-mail's local part, as far as it is a valid user name. */
    static String suggestedUsername(String email) {
        String local = email == null ? "" : email.substring(0, Math.max(0, email.indexOf('@')));
        String s = local.replaceAll("[^A-Za-z0-9._-]", "");
        return s.length() >= 3 && Character.isLetterOrDigit(s.charAt(0)) ? s : "";
    }

    private String page(Model model, Invitations.InvitationInput in, Map<String, String> errors) {
        java.util.List<Invitation> list = invitations.list();
        model.addAttribute("invitations", list);
        Map<UUID, String> orgNames = new java.util.HashMap<>();
        Map<UUID, String> systemNames = new java.util.HashMap<>();
        for (Invitation i : list) {
            if (!i.createsOrganization()) {
                orgNames.computeIfAbsent(i.organizationId(), k -> invitations.organizationName(i));
            }
            if (i.systemId() != null) {
                systemNames.computeIfAbsent(i.systemId(), k -> invitations.systemName(i));
            }
        }
        model.addAttribute("organizationNames", orgNames);
        model.addAttribute("systemNames", systemNames);
        model.addAttribute("systems", invitations.systems());
        model.addAttribute("engagements", invitations.engagements());
        model.addAttribute("organizations", invitations.organizations());
        model.addAttribute("orgAdmin", orgAdmins.isOrgAdmin());
        model.addAttribute("roles", Pages.engagementRoles());
        model.addAttribute("form", in);
        model.addAttribute("errors", errors);
        model.addAttribute("now", java.time.Instant.now());
        return "party/invitations";
    }
}
