package org.yunjian.party.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Organization;
import org.yunjian.party.internal.ImportService;
import org.yunjian.party.internal.OrganizationService;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

@Controller
@RequestMapping("/organizations")
class OrganizationPages {

    private final OrganizationService service;
    private final ImportService imports;
    private final MessageSource messages;
    private final org.yunjian.party.internal.Invitations invitations;
    private final org.yunjian.party.internal.Membership membership;

    private final org.yunjian.party.internal.OrganizationFounding founding;

    OrganizationPages(
            OrganizationService service,
            ImportService imports,
            MessageSource messages,
            org.yunjian.party.internal.Invitations invitations,
            org.yunjian.party.internal.Membership membership,
            org.yunjian.party.internal.OrganizationFounding founding) {
        this.founding = founding;
        this.service = service;
        this.imports = imports;
        this.messages = messages;
        this.invitations = invitations;
        this.membership = membership;
    }

    @ModelAttribute("partyRoles")
    PartyRole[] partyRoles() {
        return PartyRole.values();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        var query = org.yunjian.shared.paging.ListFilters.Query.of(q, "role", role, PartyRole.class, page, size);
        org.yunjian.shared.paging.Paged<Organization> found = service.page(query.text(), query.choice(), query.page());
        model.addAttribute("organizations", found.items());
        model.addAttribute("filterQ", query.text());
        model.addAttribute("filterRole", query.choice());
        model.addAttribute("roles", PartyRole.values());
        model.addAttribute("pager", org.yunjian.shared.paging.Pager.of(found, "/organizations", query.filters()));
        model.addAttribute(
                "importColumns",
                List.of(
                        new Pages.Column("name", List.of()),
                        new Pages.Column("creditCode", List.of()),
                        new Pages.Column("region", List.of()),
                        new Pages.Column("roles", List.of(PartyRole.values()))));
        return "party/organization-list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String createForm(Model model) {
        return form(model, new OrganizationForm(), null, Map.of());
    }

    @PostMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(@ModelAttribute("form") OrganizationForm form, Model model, RedirectAttributes flash) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            var founded = founding.found(form.toInput(), form.getEmail(), form.getDisplayName());
                            String page = "redirect:/organizations/"
                                    + founded.organization().id();
                            var invited = founded.invitation();
                            if (invited == null) {
                                return page;
                            }
                            flash.addFlashAttribute(
                                    "sentTo", invited.invitation().email());
                            flash.addFlashAttribute("mailed", invited.mailed());
                            if (!invited.mailed()) {
                                flash.addFlashAttribute("link", invited.link());
                            }
                            return page + "?adminInvited";
                        },
                        () -> form(model, form, null, PageRefusal.none()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String show(@PathVariable UUID id, Model model) {
        return detail(id, model, "", "");
    }

    /**
     * The platform's 系统管理员 names an administrator of the organisation (issue 57): an e-mailed invitation whose
     * invitee becomes its 组织管理员; the link is shown once where no mail server is configured.
     */
    @PostMapping("/{id}/administrator-invitations")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String inviteAdministrator(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String displayName,
            Model model,
            RedirectAttributes flash) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            var created = invitations.inviteAdministrator(id, email, displayName);
                            flash.addFlashAttribute(
                                    "sentTo", created.invitation().email());
                            flash.addFlashAttribute("mailed", created.mailed());
                            if (!created.mailed()) {
                                flash.addFlashAttribute("link", created.link());
                            }
                            return "redirect:/organizations/" + id + "?adminInvited";
                        },
                        () -> detail(id, model, email, displayName));
    }

    private String detail(UUID id, Model model, String email, String displayName) {
        model.addAttribute("organization", service.get(id));
        model.addAttribute("administrators", membership.administrators(id));
        model.addAttribute("adminInvitations", invitations.pendingInto(id));
        model.addAttribute("typedEmail", email);
        model.addAttribute("typedDisplayName", displayName);
        if (!model.containsAttribute(PageRefusal.ERRORS)) {
            model.addAttribute(PageRefusal.ERRORS, Map.of());
        }
        return "party/organization-detail";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, OrganizationForm.of(service.get(id)), id, Map.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String update(@PathVariable UUID id, @ModelAttribute("form") OrganizationForm form, Model model) {
        return PageRefusal.on(model)
                // the form again with what was typed, over the version stored now: saving again is deliberate
                .keep(e -> form.setVersion(
                        String.valueOf(e.formVersionOr(() -> service.get(id).version()))))
                .attempt(
                        () -> service.update(id, ExpectedVersion.ofForm(form.getVersion()), form.toInput()),
                        () -> "redirect:/organizations/" + id,
                        () -> form(model, form, id, PageRefusal.none()));
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String delete(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            RedirectAttributes flash) {
        if (!confirm) {
            flash.addFlashAttribute(
                    "conflict",
                    Texts.get(
                            "party.confirm.missing.organization",
                            service.get(id).name()));
            return "redirect:/organizations/" + id;
        }
        return PageRefusal.on(model)
                .conflicts()
                .attempt(() -> service.delete(id), () -> "redirect:/organizations", () -> detail(id, model, "", ""));
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "format", required = false) String format,
            RedirectAttributes flash,
            Locale locale) {
        Pages.runImport(file, format, imports.maxBytes(), imports::importOrganizations, flash, messages, locale);
        return "redirect:/organizations";
    }

    private String form(Model model, OrganizationForm form, UUID id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("organizationId", id);
        model.addAttribute("errors", errors);
        return "party/organization-form";
    }
}
