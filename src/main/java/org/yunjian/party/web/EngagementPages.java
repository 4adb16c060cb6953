package org.yunjian.party.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Engagement;
import org.yunjian.party.LifecyclePhase;
import org.yunjian.party.internal.EngagementService;
import org.yunjian.party.internal.OrganizationService;
import org.yunjian.party.internal.PartyNames;
import org.yunjian.party.internal.SystemService;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

@Controller
@RequestMapping("/engagements")
class EngagementPages {

    private final EngagementService service;
    private final SystemService systems;
    private final OrganizationService organizations;
    private final PartyNames names;

    EngagementPages(
            EngagementService service, SystemService systems, OrganizationService organizations, PartyNames names) {
        this.service = service;
        this.systems = systems;
        this.organizations = organizations;
        this.names = names;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String systemId,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        org.yunjian.shared.FieldErrors errors = new org.yunjian.shared.FieldErrors();
        String name = org.yunjian.shared.paging.ListFilters.text(errors, "q", q);
        org.yunjian.party.LifecyclePhase p = org.yunjian.shared.paging.ListFilters.choice(
                errors, "phase", phase, org.yunjian.party.LifecyclePhase.class);
        UUID system = org.yunjian.shared.paging.ListFilters.uuid(errors, "systemId", systemId);
        errors.throwIfAny();
        org.yunjian.shared.paging.Paged<Engagement> found =
                service.page(name, p, system, org.yunjian.shared.paging.PageRequest.of(page, size));
        List<Engagement> all = found.items();
        model.addAttribute("filterQ", name);
        model.addAttribute("filterPhase", p);
        model.addAttribute("phases", org.yunjian.party.LifecyclePhase.values());
        Map<String, Object> filters = new java.util.LinkedHashMap<>();
        filters.put("q", name);
        filters.put("phase", p);
        filters.put("systemId", system);
        model.addAttribute("pager", org.yunjian.shared.paging.Pager.of(found, "/engagements", filters));
        model.addAttribute("engagements", all);
        model.addAttribute("systemNames", names.systemNames(all));
        return "party/engagement-list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String createForm(@RequestParam(name = "systemId", required = false) String systemId, Model model) {
        EngagementForm form = new EngagementForm();
        form.setSystemId(systemId);
        return form(model, form, null, Map.of());
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String create(@ModelAttribute("form") EngagementForm form, Model model) {
        return PageRefusal.on(model)
                .attempt(
                        () -> "redirect:/engagements/"
                                + service.create(form.toInput()).id(),
                        () -> form(model, form, null, PageRefusal.none()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String show(@PathVariable UUID id, Model model) {
        Engagement e = service.get(id);
        model.addAttribute("engagement", e);
        model.addAttribute("names", names.ofEngagements(List.of(e)));
        model.addAttribute("systemNames", names.systemNames(List.of(e)));
        model.addAttribute("mayManage", service.canManage(e));
        return "party/engagement-detail";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String editForm(@PathVariable UUID id, Model model) {
        Engagement e = service.get(id);
        if (!service.canManage(e)) {
            throw new org.springframework.security.access.AccessDeniedException("party.denied.customerOrAdmin");
        }
        return form(model, EngagementForm.of(e), id, Map.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String update(@PathVariable UUID id, @ModelAttribute("form") EngagementForm form, Model model) {
        return PageRefusal.on(model)
                // the form again with what was typed, over the version stored now: saving again is deliberate
                .keep(e -> form.setVersion(
                        String.valueOf(e.formVersionOr(() -> service.get(id).version()))))
                .attempt(
                        () -> service.update(id, ExpectedVersion.ofForm(form.getVersion()), form.toInput()),
                        () -> "redirect:/engagements/" + id,
                        () -> form(model, form, id, PageRefusal.none()));
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String delete(
            @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes flash) {
        if (!confirm) {
            Engagement e = service.get(id);
            if (!service.canManage(e)) {
                throw new org.springframework.security.access.AccessDeniedException("party.denied.customerOrAdmin");
            }
            flash.addFlashAttribute("conflict", Texts.get("party.confirm.missing.engagement", e.name()));
            return "redirect:/engagements/" + id;
        }
        service.delete(id);
        return "redirect:/engagements";
    }

    private String form(Model model, EngagementForm form, UUID id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("engagementId", id);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "systems", systems.list().stream().filter(systems::canManage).toList());
        model.addAttribute("organizations", organizations.choices());
        model.addAttribute("phases", LifecyclePhase.values());
        model.addAttribute("partyRoles", PartyRole.values());
        return "party/engagement-form";
    }
}
