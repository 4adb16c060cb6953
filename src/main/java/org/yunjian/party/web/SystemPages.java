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
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DataClassification;
import org.yunjian.party.Industry;
import org.yunjian.party.Organization;
import org.yunjian.party.ServiceModel;
import org.yunjian.party.SystemQuery;
import org.yunjian.party.internal.EngagementService;
import org.yunjian.party.internal.ImportService;
import org.yunjian.party.internal.OrganizationService;
import org.yunjian.party.internal.PartyNames;
import org.yunjian.party.internal.SystemService;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.Texts;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.paging.Pager;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

@Controller
@RequestMapping("/systems")
class SystemPages {

    private final SystemService service;
    private final OrganizationService organizations;
    private final EngagementService engagements;
    private final PartyNames names;
    private final ImportService imports;
    private final MessageSource messages;
    private final org.yunjian.party.internal.SystemAssets assets;

    SystemPages(
            SystemService service,
            OrganizationService organizations,
            EngagementService engagements,
            PartyNames names,
            ImportService imports,
            MessageSource messages,
            org.yunjian.party.internal.SystemAssets assets) {
        this.assets = assets;
        this.service = service;
        this.organizations = organizations;
        this.engagements = engagements;
        this.names = names;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        SystemQuery query = SystemQuery.of(q, organization, level, phase);
        Paged<CloudSystem> systems = service.page(query, PageRequest.of(page, size));
        List<CloudSystem> all = systems.items();
        model.addAttribute("systems", all);
        model.addAttribute("query", query);
        model.addAttribute("phases", org.yunjian.party.LifecyclePhase.values());
        Map<String, Object> filters = new java.util.LinkedHashMap<>();
        filters.put("q", query.nameContains());
        filters.put("organization", query.organization());
        filters.put("level", query.level());
        filters.put("phase", query.phase());
        model.addAttribute("pager", Pager.of(systems, "/systems", filters));
        model.addAttribute(
                "importColumns",
                List.of(
                        new Pages.Column("name", List.of()),
                        new Pages.Column("customerCreditCode", List.of()),
                        new Pages.Column("protectionLevel", List.of()),
                        new Pages.Column("deploymentModel", List.of(DeploymentModel.values())),
                        new Pages.Column("serviceModel", List.of(ServiceModel.values())),
                        new Pages.Column("industry", List.of(Industry.values())),
                        new Pages.Column("dataClassification", List.of(DataClassification.values())),
                        new Pages.Column("regions", List.of()),
                        new Pages.Column("providerCreditCode", List.of()),
                        new Pages.Column(
                                "agents",
                                java.util.Arrays.stream(PartyRole.values())
                                        .filter(PartyRole::isAgent)
                                        .map(r -> (Enum<?>) r)
                                        .toList())));
        model.addAttribute("names", names.ofSystems(all));
        model.addAttribute("mayCreate", mayCreate());
        return "party/system-list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String createForm(Model model) {
        SystemForm form = new SystemForm();
        CurrentUser.current().map(CurrentUser::organizationId).ifPresent(org -> form.setCustomerId(org.toString()));
        return form(model, form, null, Map.of());
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String create(@ModelAttribute("form") SystemForm form, Model model) {
        return PageRefusal.on(model)
                .attempt(
                        () -> "redirect:/systems/"
                                + service.create(form.toInput()).id(),
                        () -> form(model, form, null, PageRefusal.none()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String show(@PathVariable UUID id, Model model) {
        CloudSystem s = service.get(id);
        model.addAttribute("system", s);
        model.addAttribute("names", names.ofSystems(List.of(s)));
        model.addAttribute("mayManage", service.canManage(s));
        model.addAttribute("mayUseNotes", service.canUseNotes(s));
        model.addAttribute("engagements", engagements.listForSystem(id));
        model.addAttribute("assets", assets.list(id));
        return "party/system-detail";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String editForm(@PathVariable UUID id, Model model) {
        CloudSystem s = service.get(id);
        if (!service.canManage(s)) {
            throw new org.springframework.security.access.AccessDeniedException("party.denied.customerOrAdmin");
        }
        return form(model, SystemForm.of(s), id, Map.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String update(@PathVariable UUID id, @ModelAttribute("form") SystemForm form, Model model) {
        return PageRefusal.on(model)
                // the form again with what was typed, over the version stored now: saving again is deliberate
                .keep(e -> form.setVersion(
                        String.valueOf(e.formVersionOr(() -> service.get(id).version()))))
                .attempt(
                        () -> service.update(id, ExpectedVersion.ofForm(form.getVersion()), form.toInput()),
                        () -> "redirect:/systems/" + id,
                        () -> form(model, form, id, PageRefusal.none()));
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String delete(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            RedirectAttributes flash) {
        if (!confirm) {
            CloudSystem s = service.get(id);
            if (!service.canManage(s)) {
                throw new org.springframework.security.access.AccessDeniedException("party.denied.customerOrAdmin");
            }
            flash.addFlashAttribute("conflict", Texts.get("party.confirm.missing.system", s.name()));
            return "redirect:/systems/" + id;
        }
        return PageRefusal.on(model)
                .conflicts()
                .attempt(() -> service.delete(id), () -> "redirect:/systems", () -> show(id, model));
    }

    @GetMapping("/{id}/private-notes")
    @PreAuthorize("hasRole('USER')")
    String notes(@PathVariable UUID id, Model model) {
        CloudSystem s = service.get(id);
        var notes = service.readNotes(id);
        model.addAttribute("system", s);
        model.addAttribute("notes", notes.map(n -> n.notes()).orElse(""));
        model.addAttribute("notesUnreadable", notes.map(n -> n.unreadable()).orElse(false));
        model.addAttribute("notesUpdatedAt", notes.map(n -> n.updatedAt()).orElse(null));
        model.addAttribute(
                "notesVersion", String.valueOf(notes.map(n -> n.version()).orElse(0L)));
        model.addAttribute("errors", Map.of());
        return "party/system-notes";
    }

    @PostMapping("/{id}/private-notes")
    @PreAuthorize("hasRole('USER')")
    String writeNotes(
            @PathVariable UUID id,
            @RequestParam(name = "notes", required = false) String notes,
            @RequestParam(name = "version", required = false) String version,
            Model model,
            RedirectAttributes flash) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            service.writeNotes(id, ExpectedVersion.ofForm(version), notes);
                            flash.addFlashAttribute("saved", true);
                            return "redirect:/systems/" + id + "/private-notes";
                        },
                        refusal -> {
                            model.addAttribute("system", service.get(id));
                            model.addAttribute("notes", notes);
                            model.addAttribute(
                                    "notesVersion",
                                    refusal == null
                                            ? version
                                            : String.valueOf(refusal.formVersionOr(() -> service.readNotes(id)
                                                    .map(n -> n.version())
                                                    .orElse(0L))));
                            model.addAttribute(PageRefusal.ERRORS, PageRefusal.none());
                            return "party/system-notes";
                        });
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "format", required = false) String format,
            RedirectAttributes flash,
            Locale locale) {
        Pages.runImport(file, format, imports.maxBytes(), imports::importSystems, flash, messages, locale);
        return "redirect:/systems";
    }

    private static boolean mayCreate() {
        return CurrentUser.current().isPresent();
    }

    private String form(Model model, SystemForm form, UUID id, Map<String, String> errors) {
        List<Organization> all = organizations.choices();
        boolean admin = CurrentUser.current()
                .map(u -> u.is(org.yunjian.security.Role.SYSTEM_ADMIN))
                .orElse(false);
        model.addAttribute("form", form);
        model.addAttribute("systemId", id);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "customers",
                all.stream()
                        .filter(o -> o.hasRole(PartyRole.CUSTOMER))
                        .filter(o -> admin
                                || CurrentUser.current()
                                        .map(u -> u.belongsTo(o.id()))
                                        .orElse(false))
                        .toList());
        model.addAttribute(
                "providers",
                all.stream().filter(o -> o.hasRole(PartyRole.PROVIDER)).toList());
        model.addAttribute(
                "agentOrganizations",
                all.stream()
                        .filter(o -> o.roles().stream().anyMatch(PartyRole::isAgent))
                        .toList());
        model.addAttribute(
                "agentRoleValues",
                java.util.Arrays.stream(PartyRole.values())
                        .filter(PartyRole::isAgent)
                        .toList());
        model.addAttribute("deploymentModels", DeploymentModel.values());
        model.addAttribute("serviceModels", ServiceModel.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("dataClassifications", DataClassification.values());
        return "party/system-form";
    }
}
