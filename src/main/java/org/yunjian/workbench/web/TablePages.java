package org.yunjian.workbench.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.workbench.internal.ItemFilter;
import org.yunjian.workbench.internal.Workbench;

/**
 * Table mode: verdicts, risk levels and reasons of many items in one form, entered with the keyboard (tab goes
 * row by row) and saved at once; each row is checked by the single verdict's rule, the good rows are saved and
 * each refused row keeps its typed input with its problems beside it.
 */
@Controller
class TablePages {

    private final AssessmentService service;
    private final Workbench workbench;

    TablePages(AssessmentService service, Workbench workbench) {
        this.service = service;
        this.workbench = workbench;
    }

    /**
     * What was typed in one row, shown again when the row was refused; {@code version}: the item's version the row
     * replaces (after a stale refusal, the newer one, so saving again is deliberate).
     */
    record TableRow(
            String verdict,
            String risk,
            String reason,
            String riskReason,
            String finding,
            String recommendation,
            String observations,
            String noEvidenceReason,
            String version) {
        TableRow withVersion(Long v) {
            return new TableRow(
                    verdict,
                    risk,
                    reason,
                    riskReason,
                    finding,
                    recommendation,
                    observations,
                    noEvidenceReason,
                    v == null ? version : String.valueOf(v));
        }
    }

    @GetMapping("/assessments/{id}/table")
    @PreAuthorize(AssessmentPages.WHO)
    String table(
            @PathVariable UUID id,
            @RequestParam(required = false) String layer,
            @RequestParam(required = false) String controlPoint,
            @RequestParam(required = false) ItemSide side,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        return page(
                id,
                new ItemFilter(layer, controlPoint, side, verdict, q),
                WorkbenchView.page(page, size),
                model,
                Map.of(),
                Map.of(),
                null);
    }

    private String page(
            UUID id,
            ItemFilter filter,
            PageRequest page,
            Model model,
            Map<Integer, TableRow> typed,
            Map<String, String> errors,
            Workbench.BatchResult result) {
        Access access = service.access(id);
        model.addAttribute("a", access.assessment());
        model.addAttribute("access", access);
        model.addAttribute("systemName", access.system().name());
        WorkbenchView.addList(model, workbench.list(id, filter), filter, page, "/assessments/" + id + "/table");
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("typed", typed);
        model.addAttribute(PageRefusal.ERRORS, errors);
        if (!model.containsAttribute("refusedRows")) {
            model.addAttribute("refusedRows", java.util.Set.of());
        }
        model.addAttribute("result", result);
        model.addAttribute(
                "editable", access.mayAssess() && access.assessment().status().isOpen());
        return "workbench/table";
    }

    /**
     * Saves the form's rows: fields {@code verdict-<n>}, {@code risk-<n>}, {@code reason-<n>}, {@code riskReason-<n>},
     * {@code finding-<n>}, {@code recommendation-<n>}, {@code observations-<n>} (现场记录), {@code noEvidenceReason-<n>}
     * (无证据说明) (a row without these keeps the stored ones)
     * and {@code version-<n>} (the item's version the row was shown at) for each listed item number {@code row}.
     * A row someone else changed since is refused in place with the message and its input kept. All saved → back
     * to the table with the count; otherwise the table again with the refused rows' input and problems (the saved
     * ones show their new values).
     */
    @PostMapping("/assessments/{id}/table")
    @PreAuthorize(AssessmentPages.WHO)
    String save(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes flash) {
        ItemFilter filter = ItemFilter.parse(form.getFirst("filter"));
        PageRequest page = WorkbenchView.page(form.getFirst("page"), form.getFirst("size"));
        Map<Integer, UUID> byNumber = new HashMap<>();
        Map<Integer, Long> storedVersions = new HashMap<>();
        workbench.list(id, ItemFilter.NONE).rows().forEach(r -> {
            byNumber.put(r.number(), r.item().id());
            storedVersions.put(r.number(), r.item().version());
        });
        List<Workbench.BatchRow> rows = new ArrayList<>();
        Map<UUID, Integer> numbers = new HashMap<>();
        Map<Integer, TableRow> typedByNumber = new HashMap<>();
        for (String n : form.getOrDefault("row", List.of())) {
            int number = parseInt(n, -1);
            UUID item = byNumber.get(number);
            if (item == null || numbers.containsKey(item)) {
                continue;
            }
            TableRow t = new TableRow(
                    form.getFirst("verdict-" + number),
                    form.getFirst("risk-" + number),
                    form.getFirst("reason-" + number),
                    form.getFirst("riskReason-" + number),
                    form.getFirst("finding-" + number),
                    form.getFirst("recommendation-" + number),
                    form.getFirst("observations-" + number),
                    form.getFirst("noEvidenceReason-" + number),
                    form.getFirst("version-" + number));
            numbers.put(item, number);
            typedByNumber.put(number, t);
            rows.add(new Workbench.BatchRow(
                    item,
                    enumOf(Verdict.class, t.verdict()),
                    t.reason(),
                    enumOf(RiskLevel.class, t.risk()),
                    t.riskReason(),
                    t.finding(),
                    t.recommendation(),
                    t.observations(),
                    t.noEvidenceReason(),
                    ExpectedVersion.ofForm(t.version()).field()));
        }
        // a row named no version, so nothing was saved: the table again with every row's input kept over the
        // versions stored now and the clear alert, as a stale form comes back
        return PageRefusal.on(model)
                .conflicts(flash, () -> "redirect:/assessments/" + id + "/table" + filter.query())
                .attempt(
                        () -> saved(id, filter, page, model, flash, typedByNumber, workbench.applyBatch(id, rows)),
                        () -> {
                            Map<Integer, TableRow> kept = new HashMap<>();
                            typedByNumber.forEach((n, t) -> kept.put(n, t.withVersion(storedVersions.get(n))));
                            return page(id, filter, page, model, kept, PageRefusal.none(), null);
                        });
    }

    /** All rows saved: back to the table with the counts; else the table again with the refused rows in place. */
    private String saved(
            UUID id,
            ItemFilter filter,
            PageRequest page,
            Model model,
            RedirectAttributes flash,
            Map<Integer, TableRow> typedByNumber,
            Workbench.BatchResult result) {
        Map<Integer, TableRow> typed = new HashMap<>();
        // each refused row's errors under its own field names: rows[<number>].<field>
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        boolean refused = false;
        for (Workbench.RowResult r : result.rows()) {
            if (r.outcome() == Workbench.Outcome.REFUSED) {
                TableRow t = typedByNumber.get(r.number());
                typed.put(r.number(), r.errors().containsKey("version") ? t.withVersion(r.version()) : t);
                r.errors().forEach((field, text) -> errors.put("rows[" + r.number() + "]." + field, text));
                refused = true;
            }
        }
        if (!refused) {
            flash.addFlashAttribute("savedCount", result.count(Workbench.Outcome.SAVED));
            flash.addFlashAttribute("unchangedCount", result.count(Workbench.Outcome.UNCHANGED));
            String q = filter.params();
            return "redirect:/assessments/" + id + "/table?" + (q.isEmpty() ? "" : q + "&") + "page=" + page.page()
                    + (page.size() == WorkbenchView.PAGE_SIZE ? "" : "&size=" + page.size());
        }
        model.addAttribute("savedCount", result.count(Workbench.Outcome.SAVED));
        model.addAttribute("unchangedCount", result.count(Workbench.Outcome.UNCHANGED));
        model.addAttribute("refusedCount", result.count(Workbench.Outcome.REFUSED));
        model.addAttribute("refusedRows", typed.keySet());
        return page(id, filter, page, model, typed, errors, result);
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String v) {
        try {
            return v == null || v.isBlank() ? null : Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
