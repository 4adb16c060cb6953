package org.yunjian.findings.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.findings.FindingDecisions;
import org.yunjian.findings.FindingImports;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The imported-findings pages of an assessment: the list of imports with the two upload forms, and one import's
 * result — entries mapped to test items with the adopt and dismiss forms (each with a confirmation box), and the
 * unmapped entries. Refusals come back as an alert naming the problem on the page the user was on.
 */
@Controller
class FindingImportPages {

    private final FindingImports imports;
    private final FindingDecisions decisions;
    private final AssessmentService assessments;
    private final ItemLabels labels;

    FindingImportPages(
            FindingImports imports, FindingDecisions decisions, AssessmentService assessments, ItemLabels labels) {
        this.imports = imports;
        this.decisions = decisions;
        this.assessments = assessments;
        this.labels = labels;
    }

    @GetMapping("/assessments/{id}/finding-imports")
    @PreAuthorize(Access.WHO)
    String list(@PathVariable UUID id, Model model) {
        return listPage(id, model);
    }

    private String listPage(UUID id, Model model) {
        Access access = assessments.access(id);
        model.addAttribute("list", imports.imports(id));
        model.addAttribute("a", access.assessment());
        model.addAttribute(
                "mayImport", access.mayAssess() && access.assessment().status().isOpen());
        model.addAttribute("maxSize", Formats.size(FindingImports.MAX_BYTES));
        model.addAttribute("people", assessments.displayNames());
        return "findings/imports";
    }

    /** A refused file shows the page again with the problem named (and is audited as a refused upload). */
    @PostMapping("/assessments/{id}/finding-imports")
    @PreAuthorize(Access.WHO)
    String importFile(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model,
            RedirectAttributes flash) {
        return PageRefusal.on(model)
                .conflicts()
                .attempt(
                        () -> {
                            var v = imports.importFile(
                                    id, kind, file == null ? null : file.getOriginalFilename(), read(file));
                            flash.addFlashAttribute(
                                    "notice",
                                    Texts.get(
                                            "findings.import.done",
                                            v.source().file().displayName(),
                                            v.size(),
                                            v.unmapped().size()));
                            return "redirect:/finding-imports/" + v.source().id();
                        },
                        () -> listPage(id, model));
    }

    @GetMapping("/finding-imports/{id}")
    @PreAuthorize(Access.WHO)
    String view(@PathVariable UUID id, Model model) {
        var v = imports.view(id);
        Access access = assessments.access(v.source().assessmentId());
        Map<UUID, String> itemNames = new LinkedHashMap<>();
        Map<UUID, String> itemVerdicts = new LinkedHashMap<>();
        for (TestItem i : assessments.items(access.assessment().id(), null, null, null)) {
            itemNames.put(i.id(), i.requirementId() + " · " + Msg.of(i.side()).text());
            itemVerdicts.put(
                    i.id(), i.verdict() == null ? "—" : Msg.of(i.verdict()).text());
        }
        Map<String, String> requirementTexts = new LinkedHashMap<>();
        v.mapped().forEach(p -> p.targets()
                .forEach(t -> requirementTexts.computeIfAbsent(t.requirementId(), labels::text)));
        model.addAttribute("v", v);
        model.addAttribute("a", access.assessment());
        model.addAttribute(
                "mayDecide", v.mayDecide() && access.assessment().status().isOpen());
        model.addAttribute("itemNames", itemNames);
        model.addAttribute("itemVerdicts", itemVerdicts);
        model.addAttribute("requirementTexts", requirementTexts);
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("people", assessments.displayNames());
        return "findings/import";
    }

    @GetMapping("/finding-imports/{id}/file")
    @PreAuthorize(Access.WHO)
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        var v = imports.view(id);
        byte[] content = imports.file(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(v.source().file().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(v.source().file().servedName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    @PostMapping("/imported-findings/{id}/adoption")
    @PreAuthorize(Access.WHO)
    String adopt(
            @PathVariable UUID id,
            @RequestParam UUID importId,
            @RequestParam(required = false) Verdict verdict,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) RiskLevel riskLevel,
            @RequestParam(required = false) String riskReason,
            @RequestParam(required = false) String dueDate,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        String back = "redirect:/finding-imports/" + importId + "#placement-" + id;
        return PageRefusal.on(flash)
                .conflicts()
                .errorsAsAlert(" · ")
                .attempt(
                        () -> {
                            if (!confirm) {
                                throw new ValidationException("confirm", "findings.error.confirm");
                            }
                            var item = decisions.adopt(
                                    id,
                                    ExpectedVersion.ofForm(version),
                                    new FindingDecisions.AdoptInput(
                                            verdict, reason, riskLevel, riskReason, date(dueDate)));
                            flash.addFlashAttribute(
                                    "notice",
                                    Texts.get(
                                            "findings.adopted",
                                            item.requirementId() + " · "
                                                    + Msg.of(item.side()).text()));
                            return back;
                        },
                        () -> back);
    }

    @PostMapping("/imported-findings/{id}/dismissal")
    @PreAuthorize(Access.WHO)
    String dismiss(
            @PathVariable UUID id,
            @RequestParam UUID importId,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        String back = "redirect:/finding-imports/" + importId + "#placement-" + id;
        return PageRefusal.on(flash)
                .conflicts()
                .errorsAsAlert(" · ")
                .attempt(
                        () -> {
                            if (!confirm) {
                                throw new ValidationException("confirm", "findings.error.confirm");
                            }
                            decisions.dismiss(id, ExpectedVersion.ofForm(version), reason);
                            flash.addFlashAttribute("notice", Texts.get("findings.dismissed"));
                            return back;
                        },
                        () -> back);
    }

    /** The upload's bytes (one over the limit at most, for the service to refuse by size); null: none sent. */
    static byte[] read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(FindingImports.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ValidationException(
                    "file", "findings.error.malformed", e.getClass().getSimpleName());
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException("dueDate", "findings.error.date");
        }
    }
}
