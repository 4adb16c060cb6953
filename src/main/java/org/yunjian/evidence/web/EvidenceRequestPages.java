package org.yunjian.evidence.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.evidence.EvidenceRequestStatus;
import org.yunjian.evidence.EvidenceRouting;
import org.yunjian.evidence.internal.EvidenceLinks;
import org.yunjian.evidence.internal.EvidenceRequests;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Pager;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.VersionRefusal;

/**
 * Evidence request pages: the assessment's 资料清单 (send a request, decide on answers, re-address, carry earlier
 * evidence in), the reader's own requests across assessments, and the forms the fragments on the assessment and
 * item pages post to. A refused change comes back next to its field; a file cannot be kept, the other input is.
 */
@Controller
class EvidenceRequestPages {

    static final String WHO = Access.WHO;
    static final int FORM_LINES = 3;

    private final AssessmentService service;
    private final EvidenceRequests requests;
    private final EvidenceLinks links;
    private final EvidencePanels panels;

    EvidenceRequestPages(
            AssessmentService service, EvidenceRequests requests, EvidenceLinks links, EvidencePanels panels) {
        this.service = service;
        this.requests = requests;
        this.links = links;
        this.panels = panels;
    }

    /** One line of the request form as typed, with the proposal shown after 预览收件方. */
    public record FormLine(
            int n,
            String title,
            String description,
            List<UUID> itemIds,
            String dueDate,
            String addressee,
            String proposal) {}

    @GetMapping("/assessments/{id}/evidence-requests")
    @PreAuthorize(WHO)
    String page(@PathVariable UUID id, @RequestParam(defaultValue = "0") int more, Model model) {
        List<FormLine> lines = new ArrayList<>();
        for (int n = 0; n < FORM_LINES + Math.max(0, Math.min(more, 20)); n++) {
            lines.add(new FormLine(n, "", "", List.of(), "", "", null));
        }
        return page(id, lines, Map.of(), model);
    }

    private String page(UUID id, List<FormLine> lines, Map<String, String> errors, Model model) {
        Access access = service.access(id);
        model.addAttribute("a", access.assessment());
        model.addAttribute("panel", panels.forAssessment(id));
        model.addAttribute("formLines", lines);
        model.addAttribute("errors", errors);
        boolean assessing = access.mayAssess() && access.assessment().status().isOpen();
        model.addAttribute("assessing", assessing);
        model.addAttribute("hasProvider", access.system().providerId() != null);
        model.addAttribute("itemOptions", assessing ? panels.itemOptions(id) : Map.of());
        model.addAttribute("candidates", assessing ? links.candidates(id) : List.of());
        model.addAttribute("today", requests.today());
        return "evidence/requests";
    }

    @PostMapping("/assessments/{id}/evidence-requests")
    @PreAuthorize(WHO)
    String send(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "send") String action,
            Model model,
            RedirectAttributes flash) {
        List<FormLine> typed = new ArrayList<>();
        int count = Math.min(parseInt(form.getFirst("lineCount"), FORM_LINES), 40);
        for (int n = 0; n < count; n++) {
            String p = "lines[" + n + "].";
            List<UUID> items = new ArrayList<>();
            for (String v : form.getOrDefault(p + "itemIds", List.of())) {
                try {
                    items.add(UUID.fromString(v));
                } catch (IllegalArgumentException e) {
                    // an unknown value is refused below as an unknown item
                    items.add(new UUID(0, 0));
                }
            }
            typed.add(new FormLine(
                    n,
                    nz(form.getFirst(p + "title")),
                    nz(form.getFirst(p + "description")),
                    items,
                    nz(form.getFirst(p + "dueDate")),
                    nz(form.getFirst(p + "addressee")),
                    null));
        }
        if ("more".equals(action)) {
            typed.add(new FormLine(typed.size(), "", "", List.of(), "", "", null));
            return page(id, typed, Map.of(), model);
        }
        Map<String, String> errors = new HashMap<>();
        List<EvidenceRequests.LineInput> input = new ArrayList<>();
        // blank lines are skipped by the service; map typed positions to the service's numbering for errors
        List<Integer> positions = new ArrayList<>();
        for (FormLine l : typed) {
            LocalDate due = null;
            if (!l.dueDate().isBlank()) {
                try {
                    due = LocalDate.parse(l.dueDate());
                } catch (java.time.format.DateTimeParseException e) {
                    errors.put("lines[" + l.n() + "].dueDate", Texts.get("assessment.request.error.due"));
                }
            }
            EvidenceRouting.Party party =
                    switch (l.addressee()) {
                        case "CUSTOMER" -> EvidenceRouting.Party.CUSTOMER;
                        case "PROVIDER" -> EvidenceRouting.Party.PROVIDER;
                        default -> null;
                    };
            var in = new EvidenceRequests.LineInput(l.title(), l.description(), l.itemIds(), due, party);
            if (!in.blank()) {
                input.add(in);
                positions.add(l.n());
            }
        }
        if ("preview".equals(action)) {
            List<FormLine> shown = new ArrayList<>();
            for (FormLine l : typed) {
                String proposal = null;
                if (!l.itemIds().isEmpty()) {
                    proposal = PageRefusal.checked(
                            () -> {
                                var r = requests.propose(id, l.itemIds());
                                return Texts.get(
                                        "assessment.request.proposal",
                                        Msg.of(r.party()).text(),
                                        requests.name(r.organisationId()),
                                        Msg.of(r.basis()).text());
                            },
                            refused -> refused.forEach((k, v) -> errors.put("lines[" + l.n() + "]." + k, v)));
                }
                shown.add(new FormLine(
                        l.n(), l.title(), l.description(), l.itemIds(), l.dueDate(), l.addressee(), proposal));
            }
            return page(id, shown, errors, model);
        }
        if (errors.isEmpty()) {
            return PageRefusal.on(model)
                    .fields(refused -> {
                        Map<String, String> renumbered = new HashMap<>();
                        refused.forEach((k, v) -> renumbered.put(renumber(k, positions), v));
                        return renumbered;
                    })
                    .attempt(
                            () -> {
                                var sent = requests.send(id, input);
                                flash.addFlashAttribute("notice", Texts.get("assessment.request.sent", sent.size()));
                                return "redirect:/assessments/" + id + "/evidence-requests";
                            },
                            () -> page(id, typed, PageRefusal.none(), model));
        }
        return page(id, typed, errors, model);
    }

    /** {@code lines[1].title} of the non-blank lines → the typed form line's number. */
    private static String renumber(String key, List<Integer> positions) {
        if (!key.startsWith("lines[")) {
            return key;
        }
        int close = key.indexOf(']');
        int n = parseInt(key.substring(6, close), -1);
        return n >= 0 && n < positions.size() ? "lines[" + positions.get(n) + "]" + key.substring(close + 1) : key;
    }

    @GetMapping("/evidence-requests")
    @PreAuthorize(WHO)
    String mine(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        var query = ListFilters.Query.of(q, "status", status, EvidenceRequestStatus.class, page, size);
        var m = requests.mine(query.text(), query.choice(), query.page());
        model.addAttribute("addressed", rows(m.addressed().items()));
        model.addAttribute("toReview", rows(m.toReview().items()));
        // both lists one page (the same page for both, as in GET /api/evidence-requests), each with its own pager
        model.addAttribute("lists", m);
        model.addAttribute(
                "pagers",
                Map.of(
                        "addressed",
                        Pager.of(m.addressed(), "/evidence-requests", query.filters()),
                        "toReview",
                        Pager.of(m.toReview(), "/evidence-requests", query.filters())));
        model.addAttribute("filterQ", query.text());
        model.addAttribute("filterStatus", query.choice());
        model.addAttribute("statuses", EvidenceRequestStatus.values());
        return "evidence/my-requests";
    }

    private List<EvidencePanels.LineRow> rows(List<org.yunjian.evidence.RequestRecords.RequestLine> lines) {
        Map<UUID, List<org.yunjian.evidence.RequestRecords.RequestLine>> byAssessment = new java.util.LinkedHashMap<>();
        lines.forEach(l -> byAssessment
                .computeIfAbsent(l.assessmentId(), k -> new ArrayList<>())
                .add(l));
        List<EvidencePanels.LineRow> out = new ArrayList<>();
        byAssessment.forEach((a, ls) -> out.addAll(panels.rows(service.access(a), ls)));
        return out;
    }

    @PostMapping("/evidence-request-lines/{id}/evidence")
    @PreAuthorize(WHO)
    String answer(
            @PathVariable UUID id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
            @RequestParam(defaultValue = "") String back,
            @RequestParam(required = false) String version,
            RedirectAttributes flash)
            throws IOException {
        var line = requests.line(id);
        String name = file == null ? null : file.getOriginalFilename();
        byte[] content = file == null ? null : file.getBytes();
        String page = back(back, line.assessmentId());
        // refused for its version, the file cannot come back (a browser never refills a file field); the typed
        // validity date does
        return onLine(flash, id)
                .keep(e -> flash.addFlashAttribute(
                        "typedValidUntil", Map.of(id, validUntil == null ? "" : validUntil.toString())))
                .attempt(
                        () -> {
                            var e = requests.answer(id, ExpectedVersion.ofForm(version), name, content, validUntil);
                            flash.addFlashAttribute(
                                    "notice", Texts.get("assessment.request.answered", e.displayName()));
                        },
                        () -> page,
                        () -> page);
    }

    @PostMapping("/evidence-request-lines/{id}/decision")
    @PreAuthorize(WHO)
    String decide(
            @PathVariable UUID id,
            @RequestParam boolean accept,
            @RequestParam(required = false) String comment,
            @RequestParam(defaultValue = "") String back,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        var line = requests.line(id);
        String page = back(back, line.assessmentId());
        // accepting is one click (nothing typed); returning keeps the typed comment
        return onLine(flash, id)
                .step(accept ? VersionRefusal.Action.ACCEPT : null)
                .attempt(
                        () -> requests.decide(id, ExpectedVersion.ofForm(version), accept, comment), () -> page, () -> {
                            flash.addFlashAttribute("typedComment", Map.of(id, comment == null ? "" : comment));
                            return page;
                        });
    }

    @PostMapping("/evidence-request-lines/{id}/addressee")
    @PreAuthorize(WHO)
    String readdress(
            @PathVariable UUID id,
            @RequestParam String addressee,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        var line = requests.line(id);
        EvidenceRouting.Party party = "PROVIDER".equals(addressee)
                ? EvidenceRouting.Party.PROVIDER
                : "CUSTOMER".equals(addressee) ? EvidenceRouting.Party.CUSTOMER : null;
        String page = back("", line.assessmentId());
        return onLine(flash, id)
                .step(VersionRefusal.Action.READDRESS)
                .attempt(() -> requests.readdress(id, ExpectedVersion.ofForm(version), party), () -> page, () -> page);
    }

    /**
     * A refused form of one request line, file link or carry ({@code row}: {@code line-<id>}, {@code link},
     * {@code carry-<evidence id>}): a conflict or the field errors as one alert in that row; refused for its
     * version, the page it goes back to shows the clear refusal ({@code web/locking :: stale}) over the record as
     * stored now, its form carrying the newer version, the typed input kept.
     */
    private static PageRefusal refusal(RedirectAttributes flash, String row) {
        return PageRefusal.on(flash).in(row).conflicts().errorsAsAlert(" ");
    }

    /** The file links' alert on the item page, as {@link PageRefusal#ERRORS_IN}. */
    static final String LINK = "link";

    private static PageRefusal onLine(RedirectAttributes flash, UUID line) {
        return refusal(flash, "line-" + line);
    }

    private static String back(String back, UUID assessmentId) {
        return switch (back) {
            case "mine" -> "redirect:/evidence-requests";
            case "assessment" -> "redirect:/assessments/" + assessmentId;
            default -> "redirect:/assessments/" + assessmentId + "/evidence-requests";
        };
    }

    // --- links, validity and carrying, from the item page and the requests page

    @PostMapping("/evidence/{id}/links")
    @PreAuthorize(WHO)
    String link(
            @PathVariable UUID id,
            @RequestParam UUID assessmentId,
            @RequestParam(name = "itemId", required = false) List<UUID> itemIds,
            @RequestParam(required = false) UUID returnTo,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        String page =
                returnTo == null ? "redirect:/assessments/" + assessmentId : "redirect:/assessment-items/" + returnTo;
        return refusal(flash, LINK)
                .attempt(
                        () -> links.link(id, ExpectedVersion.ofForm(version), assessmentId, itemIds),
                        () -> page,
                        () -> page);
    }

    /**
     * From the item page: link one of the assessment's files to this item. The form carries each offered file's
     * version ({@code version-<evidence id>}); the chosen file's is the version the link replaces.
     */
    @PostMapping("/assessment-items/{id}/linked-evidence")
    @PreAuthorize(WHO)
    String linkToItem(
            @PathVariable("id") UUID itemId,
            @RequestParam(required = false) UUID evidenceId,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes flash) {
        var item = service.item(itemId).item();
        String page = "redirect:/assessment-items/" + itemId;
        if (evidenceId == null) {
            flash.addFlashAttribute(PageRefusal.CONFLICT, Texts.get("assessment.link.error.evidence"));
            flash.addFlashAttribute(PageRefusal.ERRORS_IN, LINK);
            return page;
        }
        return refusal(flash, LINK)
                .keep(e -> flash.addFlashAttribute("typedLink", evidenceId))
                .attempt(
                        () -> links.link(
                                evidenceId,
                                ExpectedVersion.ofForm(form.getFirst("version-" + evidenceId)),
                                item.assessmentId(),
                                List.of(itemId)),
                        () -> page,
                        () -> page);
    }

    @PostMapping("/evidence/{id}/unlink")
    @PreAuthorize(WHO)
    String unlink(
            @PathVariable UUID id,
            @RequestParam UUID itemId,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        String page = "redirect:/assessment-items/" + itemId;
        return refusal(flash, LINK)
                .step(VersionRefusal.Action.UNLINK)
                .attempt(() -> links.unlink(id, ExpectedVersion.ofForm(version), itemId), () -> page, () -> page);
    }

    @PostMapping("/evidence/{id}/validity")
    @PreAuthorize(WHO)
    String validity(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
            @RequestParam UUID itemId,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        String page = "redirect:/assessment-items/" + itemId;
        return PageRefusal.on(flash)
                .keep(e -> flash.addFlashAttribute(
                        "typedValidity", Map.of(id, validUntil == null ? "" : validUntil.toString())))
                .attempt(
                        () -> links.setValidUntil(id, ExpectedVersion.ofForm(version), validUntil),
                        () -> page,
                        () -> page);
    }

    @PostMapping("/assessments/{id}/carried-evidence")
    @PreAuthorize(WHO)
    String carry(
            @PathVariable UUID id,
            @RequestParam UUID evidenceId,
            @RequestParam(name = "itemId", required = false) List<UUID> itemIds,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes flash) {
        String page = "redirect:/assessments/" + id + "/evidence-requests#carry";
        return refusal(flash, "carry-" + evidenceId)
                .attempt(
                        () -> {
                            // like the link form: the form carries its file's version as version-<evidence id>
                            links.carry(
                                    id,
                                    evidenceId,
                                    ExpectedVersion.ofForm(form.getFirst("version-" + evidenceId)),
                                    itemIds);
                            flash.addFlashAttribute("notice", Texts.get("assessment.carry.done"));
                            return page;
                        },
                        refusal -> {
                            if (refusal == null) {
                                return page;
                            }
                            // nothing carried: the page over the file as stored now, the chosen items kept in its form
                            flash.addFlashAttribute(
                                    "typedCarry", Map.of(evidenceId, itemIds == null ? List.of() : itemIds));
                            // the alert heads the page: land on it, not on the carry form below
                            return "redirect:/assessments/" + id + "/evidence-requests#stale-version";
                        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
