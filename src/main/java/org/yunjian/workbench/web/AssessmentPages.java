package org.yunjian.workbench.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorChoice;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.Inheritance;
import org.yunjian.assessment.ItemGenerator;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.catalog.PartyRole;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.review.Reviews;
import org.yunjian.risk.Remediations;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Texts;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.workbench.internal.ItemFilter;
import org.yunjian.workbench.internal.Workbench;
import org.yunjian.workbench.internal.Workbooks;

/** Assessment pages: lists, creation, the project page, the item page, evidence and remediation. */
@Controller
class AssessmentPages {

    static final String WHO = Access.WHO;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AssessmentService service;
    private final Reviews reviews;
    private final ReviewPanel reviewPanel;
    private final EvidenceService evidence;
    private final Parties parties;
    private final Workbooks workbooks;
    private final java.time.Clock clock;
    private final Remediations remediations;
    private final Inheritances inheritances;
    private final Workbench workbench;
    private final org.yunjian.report.ReportRecords records;
    private final org.yunjian.inheritance.PackageItems packageItems;

    AssessmentPages(
            AssessmentService service,
            EvidenceService evidence,
            Parties parties,
            Workbooks workbooks,
            java.time.Clock clock,
            Remediations remediations,
            Inheritances inheritances,
            Reviews reviews,
            ReviewPanel reviewPanel,
            Workbench workbench,
            org.yunjian.report.ReportRecords records,
            org.yunjian.inheritance.PackageItems packageItems) {
        this.packageItems = packageItems;
        this.records = records;
        this.workbench = workbench;
        this.reviews = reviews;
        this.reviewPanel = reviewPanel;
        this.inheritances = inheritances;
        this.remediations = remediations;
        this.service = service;
        this.evidence = evidence;
        this.parties = parties;
        this.workbooks = workbooks;
        this.clock = clock;
    }

    @GetMapping("/assessments/{id}/workbook")
    @PreAuthorize(WHO)
    ResponseEntity<byte[]> exportWorkbook(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", workbooks.contentDisposition(id))
                .body(workbooks.export(id));
    }

    @PostMapping("/assessments/{id}/workbook")
    @PreAuthorize(WHO)
    String importWorkbook(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes flash)
            throws IOException {
        byte[] content = file == null ? null : file.getBytes();
        String back = "redirect:/assessments/" + id + "#workbook";
        return PageRefusal.on(flash)
                .conflicts()
                .attempt(
                        () -> {
                            try {
                                flash.addFlashAttribute("importReport", workbooks.importWorkbook(id, content));
                            } catch (Workbooks.WorkbookRejected e) {
                                flash.addFlashAttribute(
                                        "importProblems", e.problems()); // the file's report, row by row
                            }
                        },
                        () -> back,
                        () -> back);
    }

    @GetMapping("/assessments")
    @PreAuthorize(WHO)
    String list(
            @RequestParam(required = false) UUID systemId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        var query =
                org.yunjian.shared.paging.ListFilters.Query.of(q, "status", status, AssessmentStatus.class, page, size);
        org.yunjian.shared.paging.Paged<AssessmentInfo> found =
                service.page(systemId, query.text(), query.choice(), query.page());
        List<AssessmentInfo> all = found.items();
        model.addAttribute("filterQ", query.text());
        model.addAttribute("filterStatus", query.choice());
        model.addAttribute("statuses", AssessmentStatus.values());
        model.addAttribute(
                "pager",
                org.yunjian.shared.paging.Pager.of(found, "/assessments", query.filters("systemId", systemId)));
        Map<UUID, String> names = new HashMap<>();
        all.forEach(a -> {
            names.put(a.systemId(), systemName(a.systemId()));
            names.put(a.assessorOrgId(), orgName(a.assessorOrgId()));
        });
        model.addAttribute("assessments", all);
        model.addAttribute("names", names);
        model.addAttribute("system", systemId == null ? null : parties.requireSystem(systemId));
        return "workbench/list";
    }

    /** An assessor choice on the creation form. */
    record AssessorOption(AssessorChoice choice, String orgName) {

        public String value() {
            return choice.value();
        }

        public AssessorKind kind() {
            return choice.kind();
        }
    }

    /**
     * The creation form; {@code assessor} (a choice's value) chooses the organisation whose users are offered as the
     * team — the assessor select reloads the team with it (htmx), the first choice when none is given.
     */
    @GetMapping("/assessments/new")
    @PreAuthorize(WHO)
    String createForm(
            @RequestParam(required = false) UUID systemId,
            @RequestParam(required = false) String assessor,
            Model model) {
        Map<String, List<String>> values = new HashMap<>();
        values.put("scope", List.of(ItemGenerator.MLPS));
        if (assessor != null) {
            values.put("assessor", List.of(assessor));
        }
        return form(model, systemId, values, Map.of());
    }

    private String form(Model model, UUID systemId, Map<String, List<String>> values, Map<String, String> errors) {
        model.addAttribute("systems", parties.visibleSystems());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("selections", ItemGenerator.SELECTIONS);
        model.addAttribute("templates", ReportTemplate.values());
        CloudSystem system = systemId == null ? null : parties.requireSystem(systemId);
        model.addAttribute("system", system);
        List<AssessorOption> options = new ArrayList<>();
        if (system != null) {
            org.yunjian.party.GuideRoles.registeredHolders(
                            parties.registeredRoles(system.id()), PartyRole.THIRD_PARTY_ASSESSOR)
                    .forEach(o -> options.add(option(AssessorKind.THIRD_PARTY, o)));
            options.add(option(AssessorKind.CUSTOMER_SELF, system.customerId()));
            if (system.providerId() != null) {
                options.add(option(AssessorKind.PROVIDER_SELF, system.providerId()));
            }
        }
        List<String> typed = values.getOrDefault("assessor", List.of());
        AssessorOption chosen = options.stream()
                .filter(o -> typed.contains(o.value()))
                .findFirst()
                .orElse(options.isEmpty() ? null : options.get(0));
        model.addAttribute("assessorOptions", options);
        model.addAttribute("chosenAssessor", chosen == null ? null : chosen.value());
        model.addAttribute(
                "candidates",
                chosen == null
                        ? List.of()
                        : service.assessorCandidates(chosen.choice().organizationId()));
        return "workbench/form";
    }

    private AssessorOption option(AssessorKind kind, UUID org) {
        return new AssessorOption(new AssessorChoice(kind, org), orgName(org));
    }

    @PostMapping("/assessments")
    @PreAuthorize(WHO)
    String create(
            @RequestParam(required = false) UUID systemId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String assessor,
            @RequestParam(required = false) List<UUID> assessors,
            @RequestParam(required = false) UUID reviewer,
            @RequestParam(required = false) UUID approver,
            @RequestParam(required = false) List<String> scope,
            @RequestParam(defaultValue = "") String reportTemplate,
            @RequestParam(defaultValue = "") String contractDate,
            Model model) {
        AssessorChoice choice = AssessorChoice.parse(assessor).orElse(null);
        AssessorKind kind = choice == null ? null : choice.kind();
        UUID org = choice == null ? null : choice.organizationId();
        Map<String, List<String>> typed = createValues(name, assessor, scope, assessors, reviewer, approver);
        typed.put("reportTemplate", List.of(reportTemplate)); // the typed input comes back with any refusal
        typed.put("contractDate", List.of(contractDate));
        // one person in two roles: shown next to the reviewer / approver choice, the typed input kept
        return PageRefusal.on(model)
                .conflictsAs("reviewer")
                .attempt(
                        () -> {
                            FieldErrors errors = new FieldErrors();
                            ReportTemplate template = ReportTemplate.parse(reportTemplate, "reportTemplate", errors);
                            LocalDate date = ReportTemplate.contractDate(contractDate, errors);
                            errors.throwIfAny();
                            AssessmentInfo a = service.create(new AssessmentService.CreateInput(
                                    name, systemId, org, kind, assessors, scope, reviewer, approver, template, date));
                            return "redirect:/assessments/" + a.id();
                        },
                        () -> form(model, systemId, typed, PageRefusal.none()));
    }

    private static Map<String, List<String>> createValues(
            String name, String assessor, List<String> scope, List<UUID> assessors, UUID reviewer, UUID approver) {
        Map<String, List<String>> values = new HashMap<>();
        values.put("name", List.of(name));
        values.put("assessor", List.of(assessor));
        values.put("scope", scope == null ? List.of() : scope);
        values.put(
                "assessors",
                assessors == null
                        ? List.of()
                        : assessors.stream().map(UUID::toString).toList());
        values.put("reviewer", reviewer == null ? List.of() : List.of(reviewer.toString()));
        values.put("approver", approver == null ? List.of() : List.of(approver.toString()));
        return values;
    }

    @GetMapping("/assessments/{id}")
    @PreAuthorize(WHO)
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) String layer,
            @RequestParam(required = false) String controlPoint,
            @RequestParam(required = false) ItemSide side,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        PageRequest request = WorkbenchView.page(page, size);
        Access access = service.access(id);
        AssessmentInfo a = access.assessment();
        model.addAttribute("a", a);
        model.addAttribute("access", access);
        model.addAttribute("systemName", access.system().name());
        model.addAttribute("assessorName", orgName(a.assessorOrgId()));
        ItemFilter filter = new ItemFilter(layer, controlPoint, side, verdict, q);
        Workbench.ItemList list = workbench.list(id, filter);
        WorkbenchView.addList(model, list, filter, request, "/assessments/" + id);
        model.addAttribute("score", service.score(id));
        model.addAttribute("confirmed", CONFIRMED);
        List<Remediation> remediations = service.remediations(id);
        model.addAttribute("remediations", remediations);
        Map<UUID, String> orgNames = new HashMap<>();
        remediations.forEach(r -> orgNames.computeIfAbsent(r.responsibleOrgId(), this::orgName));
        model.addAttribute("orgNames", orgNames);
        // overdue as the REST API and the dashboards count it: the injected clock's date in UTC
        model.addAttribute("today", LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
        model.addAttribute("transitions", ReviewPanel.plainMoves(access));
        reviewPanel.addTo(model, access);
        model.addAttribute("inheritance", inheritances.view(id));
        model.addAttribute("sources", inheritances.sources(id));
        // issue 60: what the providers' plans imported for the system say of its items
        model.addAttribute("packageItems", packageItems.of(id));
        model.addAttribute("validityMonths", Inheritance.VALIDITY_MONTHS);
        model.addAttribute(
                "conclusionVerdicts", List.of(Verdict.COMPLIANT, Verdict.PARTIALLY_COMPLIANT, Verdict.NON_COMPLIANT));
        model.addAttribute("risks", RiskLevel.values());
        // the approved report's sealed revisions (ReportRecords); the 批准人 may seal a corrected one
        model.addAttribute("revisions", records.revisions(id));
        model.addAttribute(
                "mayRevise",
                access.relations().contains(Access.Relation.APPROVER)
                        && (a.status() == AssessmentStatus.COMPLETED || a.status() == AssessmentStatus.ARCHIVED));
        return "workbench/detail";
    }

    /** Transitions that cannot be undone, asked for with a confirmation the form must carry (no JavaScript needed). */
    static final java.util.Set<AssessmentStatus> CONFIRMED =
            java.util.EnumSet.of(AssessmentStatus.COMPLETED, AssessmentStatus.ARCHIVED);

    @PostMapping("/assessments/{id}/transition")
    @PreAuthorize(WHO)
    String transition(
            @PathVariable UUID id,
            @RequestParam AssessmentStatus to,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes flash) {
        if (CONFIRMED.contains(to) && !confirm) {
            service.access(id).requireAssessor();
            flash.addFlashAttribute("conflict", Texts.get("assessment.confirm.missing"));
            return "redirect:/assessments/" + id;
        }
        String back = "redirect:/assessments/" + id;
        return PageRefusal.on(flash)
                .conflicts()
                .attempt(
                        () -> {
                            try {
                                reviews.transition(id, to, null);
                            } catch (Reviews.SubmissionRefused e) {
                                // with the alert: what keeps the assessment from review
                                flash.addFlashAttribute("missing", e.shown());
                                flash.addFlashAttribute(
                                        "missingTotal", e.missing().size());
                                throw e;
                            }
                        },
                        () -> back,
                        () -> back);
    }

    private boolean visible(UUID assessmentId) {
        try {
            service.access(assessmentId);
            return true;
        } catch (org.yunjian.shared.NotFoundException e) {
            return false;
        }
    }

    private String orgName(UUID id) {
        return parties.findOrganization(id).map(Organization::name).orElse("—");
    }

    private String systemName(UUID id) {
        return parties.findSystem(id).map(CloudSystem::name).orElse("—");
    }
}
