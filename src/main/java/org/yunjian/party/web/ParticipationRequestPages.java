package org.yunjian.party.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.party.internal.ParticipationRequest;
import org.yunjian.party.internal.ParticipationRequests;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * Participation requests (参与请求) in the browser: the list of what the caller's organisation sent (and, for its
 * administrators, received) with the form to ask another organisation; one request's page, where the asked
 * organisation's administrators accept it choosing their people, or decline it with a reason, and the sender may
 * withdraw it. Declining and withdrawing ask for confirmation.
 */
@Controller
class ParticipationRequestPages {

    private static final String WHO = "hasRole('USER')";

    private final ParticipationRequests requests;
    private final OrganizationAdministration orgAdmins;

    ParticipationRequestPages(ParticipationRequests requests, OrganizationAdministration orgAdmins) {
        this.requests = requests;
        this.orgAdmins = orgAdmins;
    }

    @GetMapping("/participation-requests")
    @PreAuthorize(WHO)
    String list(Model model) {
        return listPage(model, new ParticipationRequests.RequestInput("", "", "", "", ""), Map.of());
    }

    @PostMapping("/participation-requests")
    @PreAuthorize(WHO)
    String send(
            @RequestParam(defaultValue = "") String systemId,
            @RequestParam(defaultValue = "") String engagementId,
            @RequestParam(defaultValue = "") String organizationId,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String message,
            Model model) {
        ParticipationRequests.RequestInput in =
                new ParticipationRequests.RequestInput(systemId, engagementId, organizationId, role, message);
        return PageRefusal.on(model)
                .attempt(
                        () -> "redirect:/participation-requests/"
                                + requests.send(in).id() + "?sent",
                        () -> listPage(model, in, PageRefusal.none()));
    }

    @GetMapping("/participation-requests/{id}")
    @PreAuthorize(WHO)
    String detail(@PathVariable UUID id, Model model) {
        return detailPage(id, model, "", List.of());
    }

    @PostMapping("/participation-requests/{id}/accept")
    @PreAuthorize(WHO)
    String accept(@PathVariable UUID id, @RequestParam(required = false) List<String> people, Model model) {
        List<String> chosen = people == null ? List.of() : people;
        return PageRefusal.on(model)
                .conflicts()
                .attempt(
                        () -> requests.accept(id, chosen),
                        () -> "redirect:/participation-requests/" + id + "?accepted",
                        () -> detailPage(id, model, "", chosen));
    }

    @PostMapping("/participation-requests/{id}/decline")
    @PreAuthorize(WHO)
    String decline(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model) {
        if (!confirm) {
            model.addAttribute("declineUnconfirmed", true);
            return detailPage(id, model, reason, List.of());
        }
        return PageRefusal.on(model)
                .conflicts()
                .attempt(
                        () -> requests.decline(id, reason),
                        () -> "redirect:/participation-requests/" + id + "?declined",
                        () -> detailPage(id, model, reason, List.of()));
    }

    @PostMapping("/participation-requests/{id}/withdraw")
    @PreAuthorize(WHO)
    String withdraw(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, Model model) {
        if (!confirm) {
            model.addAttribute("withdrawUnconfirmed", true);
            return detailPage(id, model, "", List.of());
        }
        return PageRefusal.on(model)
                .conflicts()
                .attempt(
                        () -> requests.withdraw(id),
                        () -> "redirect:/participation-requests/" + id + "?withdrawn",
                        () -> detailPage(id, model, "", List.of()));
    }

    private String listPage(Model model, ParticipationRequests.RequestInput in, Map<String, String> errors) {
        List<ParticipationRequests.View> all = requests.list();
        UUID own = org.yunjian.security.CurrentUser.require().organizationId();
        model.addAttribute(
                "received", all.stream().filter(v -> v.request().asks(own)).toList());
        model.addAttribute(
                "sent", all.stream().filter(v -> v.request().sentBy(own)).toList());
        model.addAttribute("orgAdmin", orgAdmins.isOrgAdmin());
        model.addAttribute("systems", requests.systems());
        model.addAttribute("engagements", requests.engagements());
        model.addAttribute("organizations", requests.organizations());
        model.addAttribute("roles", Pages.engagementRoles());
        model.addAttribute("form", in);
        if (!model.containsAttribute(PageRefusal.ERRORS)) {
            model.addAttribute(PageRefusal.ERRORS, errors);
        }
        return "party/participation-requests";
    }

    private String detailPage(UUID id, Model model, String reason, List<String> chosen) {
        ParticipationRequests.View v = requests.get(id);
        UUID own = org.yunjian.security.CurrentUser.require().organizationId();
        ParticipationRequest r = v.request();
        boolean decides = r.pending() && r.asks(own) && orgAdmins.isOrgAdmin();
        model.addAttribute("v", v);
        model.addAttribute("r", r);
        model.addAttribute("decides", decides);
        model.addAttribute("withdraws", r.pending() && r.sentBy(own));
        model.addAttribute(
                "members",
                decides
                        ? orgAdmins.members().stream()
                                .filter(OrganizationAdministration.Member::enabled)
                                .toList()
                        : List.of());
        model.addAttribute("chosen", chosen);
        model.addAttribute("reason", reason);
        if (!model.containsAttribute(PageRefusal.ERRORS)) {
            model.addAttribute(PageRefusal.ERRORS, Map.of());
        }
        return "party/participation-request";
    }
}
