package org.yunjian.exitproject.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.exit.InventoryItem;
import org.yunjian.exitproject.ChecklistStatus;
import org.yunjian.exitproject.DisposalAction;
import org.yunjian.exitproject.ExitClauses;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.NextUse;
import org.yunjian.exitproject.SanitisationMethod;
import org.yunjian.exitproject.internal.Access;
import org.yunjian.exitproject.internal.DeletionService;
import org.yunjian.exitproject.internal.ExitProjectService;
import org.yunjian.exitproject.internal.InventoryService;
import org.yunjian.exitproject.internal.ProjectView;
import org.yunjian.exitproject.internal.Records;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.exitproject.internal.VerificationService;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.VersionRefusal;

/** Exit-project pages: the list, starting a project, and the project page with every section's form. */
@Controller
class ExitProjectPages {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    private final ExitProjectService service;
    private final Parties parties;
    private final PeopleNames people;
    private final org.yunjian.exitproject.internal.CountersignService countersigning;
    private final ExitClauses clauses;

    private final InventoryService inventory;
    private final VerificationService verification;
    private final DeletionService deletion;

    ExitProjectPages(
            ExitProjectService service,
            Parties parties,
            PeopleNames people,
            org.yunjian.exitproject.internal.CountersignService countersigning,
            ExitClauses clauses,
            InventoryService inventory,
            VerificationService verification,
            DeletionService deletion) {
        this.inventory = inventory;
        this.verification = verification;
        this.deletion = deletion;
        this.countersigning = countersigning;
        this.clauses = clauses;
        this.service = service;
        this.parties = parties;
        this.people = people;
    }

    @GetMapping("/exit-projects")
    @PreAuthorize(WHO)
    String list(
            @RequestParam(required = false) UUID systemId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        var query = org.yunjian.shared.paging.ListFilters.Query.of(
                q, "status", status, org.yunjian.exitproject.ExitStatus.class, page, size);
        org.yunjian.shared.paging.Paged<ProjectInfo> found =
                service.page(systemId, query.text(), query.choice(), query.page());
        List<ProjectInfo> all = found.items();
        model.addAttribute(
                "pager",
                org.yunjian.shared.paging.Pager.of(found, "/exit-projects", query.filters("systemId", systemId)));
        Map<UUID, String> names = new HashMap<>();
        all.forEach(p -> names.computeIfAbsent(
                p.systemId(), s -> parties.findSystem(s).map(CloudSystem::name).orElse(s.toString())));
        model.addAttribute("projects", all);
        model.addAttribute("names", names);
        model.addAttribute("mayCreate", !ownSystems().isEmpty());
        model.addAttribute("exitClause", clauses.cited(ExitClauses.EXIT).text());
        return "exitproject/list";
    }

    private List<CloudSystem> ownSystems() {
        CurrentUser u = CurrentUser.require();
        return parties.visibleSystems().stream()
                .filter(s -> u.belongsTo(s.customerId()))
                .toList();
    }

    @GetMapping("/exit-projects/new")
    @PreAuthorize(WHO)
    String createForm(Model model) {
        return form(model, Map.of(), null, null);
    }

    private String form(Model model, Map<String, String> errors, String name, UUID systemId) {
        model.addAttribute("systems", ownSystems());
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("systemId", systemId);
        return "exitproject/form";
    }

    @PostMapping("/exit-projects")
    @PreAuthorize(WHO)
    String create(
            @RequestParam(required = false) UUID systemId, @RequestParam(defaultValue = "") String name, Model model) {
        return PageRefusal.on(model)
                .attempt(
                        () -> "redirect:/exit-projects/"
                                + service.create(new ExitProjectService.CreateInput(name, systemId))
                                        .id(),
                        () -> form(model, PageRefusal.none(), name, systemId));
    }

    @GetMapping("/exit-projects/{id}")
    @PreAuthorize(WHO)
    String show(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    /**
     * The project page; a refused form's answer (the redirect of {@code change}) reaches it by a redirect, its {@code errors},
     * {@code stale} alert and {@code typed} input as flash attributes already in {@code model}.
     */
    private String page(UUID id, Model model) {
        ProjectView v = service.view(id);
        Access a = v.access();
        model.addAttribute("people", people(v));
        ExitStatus s = v.project().status();
        boolean open = v.certificate().isEmpty();
        boolean inventoryPhase = open && (s == ExitStatus.PLANNING || s == ExitStatus.HANDOVER);
        boolean deletionPhase = open && s == ExitStatus.DELETION;
        Map<String, Boolean> can = new LinkedHashMap<>();
        can.put("checklist", a.isCustomer() && open && s != ExitStatus.CLOSED);
        can.put("key", a.isProvider() && inventoryPhase);
        can.put("verifierKey", a.isCustomer() && open && s.ordinal() <= ExitStatus.VERIFICATION.ordinal());
        can.put("inventory", a.mayAddToInventory() && inventoryPhase);
        can.put(
                "approve",
                a.isCustomer()
                        && inventoryPhase
                        && !v.project().inventoryApproved()
                        && !(v.manifests().isEmpty() && v.items().isEmpty()));
        can.put("verify", a.mayVerify() && open && s == ExitStatus.VERIFICATION);
        can.put(
                "authorise",
                a.isCustomer()
                        && open
                        && v.deletion().isEmpty()
                        && (s == ExitStatus.VERIFICATION || s == ExitStatus.DELETION));
        can.put("plan", a.isProvider() && open && (s == ExitStatus.VERIFICATION || s == ExitStatus.DELETION));
        can.put("delete", a.isProvider() && deletionPhase && v.deletion().isEmpty());
        can.put("sanitise", a.isProvider() && deletionPhase);
        can.put("storage", a.mayCheckStorage() && deletionPhase);
        can.put("dispose", a.isProvider() && deletionPhase && v.privateCloud());
        can.put("issue", a.mayIssue() && v.blockers().isEmpty());
        can.put("countersignKey", a.isProvider() && open && s != ExitStatus.CLOSED);
        can.put(
                "countersign",
                a.isProvider()
                        && deletionPhase
                        && v.deletion().isPresent()
                        && v.countersignKey().isPresent()
                        && v.countersigning() != ProjectView.Countersigning.VALID);
        can.put("move", a.isCustomer());
        model.addAttribute("v", v);
        model.addAttribute("p", v.project());
        model.addAttribute("system", a.system());
        model.addAttribute("can", can);
        model.addAttribute("confirmed", CONFIRMED);
        model.addAttribute("fieldLabels", FieldLabels.KEYS);
        model.addAttribute(
                "transitions", a.isCustomer() ? s.next().stream().sorted().toList() : List.of());
        model.addAttribute("checklistStatuses", ChecklistStatus.values());
        model.addAttribute("categories", InventoryItem.Category.values());
        model.addAttribute("methods", SanitisationMethod.values());
        model.addAttribute("nextUses", NextUse.values());
        model.addAttribute("actions", DisposalAction.values());
        Map<String, String> requirementTexts = new HashMap<>();
        v.checklist().forEach(i -> service.requirement(i.requirementId())
                .ifPresent(r -> requirementTexts.put(i.key(), r.textIn(Texts.locale()))));
        model.addAttribute("requirementTexts", requirementTexts);
        Map<String, String> clauseLabels = new HashMap<>();
        v.checklist().forEach(i -> clauses.find(i.requirementId())
                .ifPresent(r -> clauseLabels.put(i.key(), ClauseLabel.text(r))));
        model.addAttribute("clauseLabels", clauseLabels);
        model.addAttribute("titles", SectionTitles.of(clauses));
        model.addAttribute("customerName", orgName(a.system().customerId()));
        model.addAttribute(
                "providerName",
                a.system().providerId() == null ? "—" : orgName(a.system().providerId()));
        model.addAttribute("today", service.today());
        return "exitproject/detail";
    }

    /** The display names of everyone the project's records name (user name → display name). */
    private Map<String, String> people(ProjectView v) {
        java.util.Set<String> names = new java.util.HashSet<>();
        names.add(v.project().inventoryApprovedBy());
        names.add(v.project().providerKeyRegisteredBy());
        v.checklist().forEach(i -> names.add(i.updatedBy()));
        java.util.stream.Stream.of(
                        v.manifests(),
                        v.items(),
                        v.verifications(),
                        v.sanitisations(),
                        v.disposals(),
                        v.storageChecks())
                .flatMap(List::stream)
                .forEach(e -> names.add(e.recordedBy()));
        java.util.stream.Stream.of(v.authorisation(), v.plan(), v.deletion(), v.countersignKey(), v.countersignature())
                .flatMap(java.util.Optional::stream)
                .forEach(e -> names.add(e.recordedBy()));
        v.certificate().ifPresent(c -> names.add(c.issuedBy()));
        names.remove(null);
        return people.displayNames(names);
    }

    private String orgName(UUID id) {
        return parties.findOrganization(id).map(Organization::name).orElse(id.toString());
    }

    /**
     * Runs a change from the project page: back to the page at {@code anchor} on success. Refused, it answers
     * Post/Redirect/Get — a redirect to the page, landing on the alert at its head (the field errors, the refusal
     * for the version or for the project's state), carried as flash attributes — so reloading the page reads the
     * project again instead of sending the form a second time.
     */
    private String change(UUID id, RedirectAttributes flash, String anchor, Runnable action) {
        return change(id, flash, anchor, null, Map.of(), VersionRefusal::formText, action);
    }

    /**
     * {@link #change(UUID, RedirectAttributes, String, Runnable)} of a one-click form ({@code step}: moving the
     * project, approving the inventory) that typed nothing: refused for its version, the alert says the step was not
     * taken and to take it again over the current record.
     */
    private String step(UUID id, RedirectAttributes flash, String anchor, VersionRefusal.Action step, Runnable action) {
        return change(id, flash, anchor, null, Map.of(), e -> e.formText(step), action);
    }

    /**
     * {@link #change(UUID, RedirectAttributes, String, Runnable)} for a form refused for its version (someone
     * else changed the record since it was opened, or it named none): the page again, read anew (so the form carries
     * the current version), with the message and the input typed into {@code form} kept.
     */
    private String change(
            UUID id, RedirectAttributes flash, String anchor, String form, Map<String, String> typed, Runnable action) {
        return change(id, flash, anchor, form, typed, VersionRefusal::formText, action);
    }

    private String change(
            UUID id,
            RedirectAttributes flash,
            String anchor,
            String form,
            Map<String, String> typed,
            java.util.function.Function<VersionRefusal, String> refusal,
            Runnable action) {
        String page = "redirect:/exit-projects/" + id;
        PageRefusal refusing = PageRefusal.on(flash)
                .staleText(refusal)
                .conflicts(flash, () -> page + "#conflict")
                // read anew, the page's forms name the version stored now; the alert heads the page: land on it,
                // not on the form's section below, where it would not show
                .keep(e -> {
                    if (form != null) { // a one-click form keeps no input
                        flash.addFlashAttribute("staleForm", form);
                        flash.addFlashAttribute("typed", typed);
                    }
                });
        if (anchor.startsWith("#")) { // the section whose form was refused: its errors name it
            refusing.in(anchor.substring(1));
        }
        return refusing.attempt(
                action, () -> page + anchor, refused -> page + (refused == null ? "#errors" : "#stale-version"));
    }

    /**
     * Moves that cannot be undone, asked for with a confirmation the form must carry (no JavaScript needed): into
     * 删除 (the hand-over is settled, there is no way back to 核验) and to 完成.
     */
    static final java.util.Set<ExitStatus> CONFIRMED = java.util.EnumSet.of(ExitStatus.DELETION, ExitStatus.CLOSED);

    /**
     * Back to the page, landing on the refusal at its head, after the caller's duty was checked (a stranger gets 403,
     * not a hint).
     */
    private String unconfirmed(UUID id, RedirectAttributes flash, Runnable requireDuty, String key) {
        requireDuty.run();
        flash.addFlashAttribute("conflict", Texts.get(key));
        return "redirect:/exit-projects/" + id + "#conflict";
    }

    @PostMapping("/exit-projects/{id}/transition")
    @PreAuthorize(WHO)
    String transition(
            @PathVariable UUID id,
            @RequestParam(required = false) ExitStatus to,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        if (to != null && CONFIRMED.contains(to) && !confirm) {
            return unconfirmed(
                    id,
                    flash,
                    () -> service.access(id).requireCustomer("moving the exit project"),
                    "exitproject.confirm.missing." + to.name());
        }
        return step(
                id,
                flash,
                "",
                VersionRefusal.Action.MOVE,
                () -> service.transition(id, to, ExpectedVersion.ofForm(version)));
    }

    @PostMapping("/exit-projects/{id}/checklist")
    @PreAuthorize(WHO)
    String checklist(
            @PathVariable UUID id,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) ChecklistStatus status,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        Map<String, String> typed = new HashMap<>();
        typed.put("status", status == null ? null : status.name());
        typed.put("note", note);
        return change(
                id,
                flash,
                "#checklist",
                "checklist-" + item,
                typed,
                () -> service.updateChecklist(id, item, status, note, ExpectedVersion.ofForm(version)));
    }

    @PostMapping("/exit-projects/{id}/provider-key")
    @PreAuthorize(WHO)
    String providerKey(
            @PathVariable UUID id,
            @RequestParam(required = false) String pem,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String version,
            RedirectAttributes flash)
            throws IOException {
        String text = typedOrUploaded(pem, file);
        return change(
                id,
                flash,
                "#inventory",
                "provider-key",
                java.util.Collections.singletonMap("pem", pem),
                () -> inventory.setProviderKey(id, text, ExpectedVersion.ofForm(version)));
    }

    @PostMapping("/exit-projects/{id}/verifier-key")
    @PreAuthorize(WHO)
    String verifierKey(
            @PathVariable UUID id,
            @RequestParam(required = false) String pem,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String version,
            RedirectAttributes flash)
            throws IOException {
        String text = typedOrUploaded(pem, file);
        return change(
                id,
                flash,
                "#verification",
                "verifier-key",
                java.util.Collections.singletonMap("pem", pem),
                () -> inventory.setVerifierKey(id, text, ExpectedVersion.ofForm(version)));
    }

    @PostMapping("/exit-projects/{id}/countersign-key")
    @PreAuthorize(WHO)
    String countersignKey(
            @PathVariable UUID id,
            @RequestParam(required = false) String pem,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean replace,
            RedirectAttributes flash)
            throws IOException {
        String text = typedOrUploaded(pem, file);
        return change(id, flash, "#countersign", () -> countersigning.registerKey(id, text, replace));
    }

    @PostMapping("/exit-projects/{id}/countersignature")
    @PreAuthorize(WHO)
    String countersign(
            @PathVariable UUID id,
            @RequestParam(required = false) String signature,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String recordSm3,
            RedirectAttributes flash)
            throws IOException {
        String text = typedOrUploaded(signature, file);
        return change(id, flash, "#countersign", () -> countersigning.countersign(id, text, recordSm3));
    }

    @PostMapping("/exit-projects/{id}/manifests")
    @PreAuthorize(WHO)
    String manifest(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes flash)
            throws IOException {
        var in = file == null || file.isEmpty() ? null : file.getInputStream();
        return change(
                id,
                flash,
                "#inventory",
                () -> inventory.uploadManifest(id, file == null ? null : file.getOriginalFilename(), in));
    }

    @PostMapping("/exit-projects/{id}/items")
    @PreAuthorize(WHO)
    String item(
            @PathVariable UUID id,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String sensitivity,
            @RequestParam(required = false) String covers,
            RedirectAttributes flash) {
        return change(
                id,
                flash,
                "#inventory",
                () -> inventory.addItem(id, new Records.Item(category, name, description, sensitivity, covers)));
    }

    @PostMapping("/exit-projects/{id}/approve")
    @PreAuthorize(WHO)
    String approve(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        if (!confirm) {
            return unconfirmed(
                    id,
                    flash,
                    () -> service.access(id).requireCustomer("approving the inventory"),
                    "exitproject.confirm.missing.approve");
        }
        return step(
                id,
                flash,
                "#inventory",
                VersionRefusal.Action.APPROVE,
                () -> inventory.approveInventory(id, ExpectedVersion.ofForm(version)));
    }

    @PostMapping("/exit-projects/{id}/verification-runs")
    @PreAuthorize(WHO)
    String verification(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String note,
            RedirectAttributes flash)
            throws IOException {
        return report(id, file, note, flash, "#verification", verification::recordVerification);
    }

    @PostMapping("/exit-projects/{id}/storage-checks")
    @PreAuthorize(WHO)
    String storageCheck(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String note,
            RedirectAttributes flash)
            throws IOException {
        return report(id, file, note, flash, "#storage", verification::recordStorageCheck);
    }

    /** How a JSON report of an offline command is recorded: project, file name, content, note. */
    private interface Recorder {
        Object record(UUID id, String fileName, byte[] content, String note);
    }

    private String report(
            UUID id, MultipartFile file, String note, RedirectAttributes flash, String anchor, Recorder recorder)
            throws IOException {
        byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
        return change(
                id,
                flash,
                anchor,
                () -> recorder.record(id, file == null ? null : file.getOriginalFilename(), content, note));
    }

    @PostMapping("/exit-projects/{id}/authorisation")
    @PreAuthorize(WHO)
    String authorise(
            @PathVariable UUID id,
            @RequestParam(required = false) String signatory,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String authorisedOn,
            @RequestParam(required = false) String retainUntil,
            RedirectAttributes flash) {
        return change(
                id,
                flash,
                "#deletion",
                () -> deletion.authorise(
                        id,
                        new Records.Authorisation(
                                signatory,
                                reference,
                                scope,
                                date("authorisedOn", authorisedOn),
                                date("retainUntil", retainUntil))));
    }

    @PostMapping("/exit-projects/{id}/deletion-plan")
    @PreAuthorize(WHO)
    String plan(
            @PathVariable UUID id,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String method,
            @RequestParam(required = false) String backups,
            @RequestParam(required = false) String plannedOn,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        return change(
                id,
                flash,
                "#deletion",
                () -> deletion.plan(
                        id, new Records.DeletionPlan(scope, method, backups, date("plannedOn", plannedOn), note)));
    }

    @PostMapping("/exit-projects/{id}/deletion-record")
    @PreAuthorize(WHO)
    String deletion(
            @PathVariable UUID id,
            @RequestParam(required = false) String deletedOn,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String method,
            @RequestParam(required = false) String backups,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String witness,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) String buckets,
            RedirectAttributes flash) {
        return change(
                id,
                flash,
                "#deletion",
                () -> deletion.recordDeletion(
                        id,
                        new Records.Deletion(
                                date("deletedOn", deletedOn),
                                scope,
                                method,
                                backups,
                                operator,
                                witness,
                                result,
                                buckets == null ? List.of() : List.of(buckets.split("[\\r\\n]+")))));
    }

    @PostMapping("/exit-projects/{id}/sanitisations")
    @PreAuthorize(WHO)
    String sanitisation(
            @PathVariable UUID id,
            @RequestParam(required = false) String mediumId,
            @RequestParam(required = false) String mediumType,
            @RequestParam(defaultValue = "false") boolean heldSensitive,
            @RequestParam(required = false) SanitisationMethod method,
            @RequestParam(required = false) NextUse nextUse,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String witness,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String result,
            RedirectAttributes flash) {
        return change(
                id,
                flash,
                "#media",
                () -> deletion.recordSanitisation(
                        id,
                        new Records.Sanitisation(
                                mediumId,
                                mediumType,
                                heldSensitive,
                                method,
                                nextUse,
                                operator,
                                witness,
                                date("date", date),
                                result)));
    }

    @PostMapping("/exit-projects/{id}/device-disposals")
    @PreAuthorize(WHO)
    String disposal(
            @PathVariable UUID id,
            @RequestParam(required = false) String deviceId,
            @RequestParam(required = false) String deviceType,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) DisposalAction action,
            @RequestParam(required = false) String sanitisation,
            @RequestParam(required = false) String participants,
            @RequestParam(required = false) String residualCheck,
            @RequestParam(required = false) String date,
            RedirectAttributes flash) {
        return change(
                id,
                flash,
                "#devices",
                () -> deletion.recordDisposal(
                        id,
                        new Records.Disposal(
                                deviceId,
                                deviceType,
                                location,
                                state,
                                action,
                                sanitisation,
                                participants,
                                residualCheck,
                                date("date", date))));
    }

    @PostMapping("/exit-projects/{id}/certificate")
    @PreAuthorize(WHO)
    String issue(
            @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes flash) {
        if (!confirm) {
            return unconfirmed(
                    id,
                    flash,
                    () -> {
                        Access a = service.access(id);
                        a.require(a.mayIssue(), "issuing the deletion certificate");
                    },
                    "exitproject.confirm.missing.issue");
        }
        return change(id, flash, "#certificate", () -> service.issueCertificate(id));
    }

    /** A key or signature: the uploaded file's text (PEM, base64 or hex are ASCII) when one was chosen, else what was typed. */
    private static String typedOrUploaded(String typed, MultipartFile file) throws IOException {
        return file != null && !file.isEmpty()
                ? new String(file.getBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                : typed;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "exitproject.error.date");
        }
    }
}
