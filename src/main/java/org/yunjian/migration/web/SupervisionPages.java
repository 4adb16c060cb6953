package org.yunjian.migration.web;

import static org.yunjian.migration.web.OpsPageSupport.WHO;
import static org.yunjian.migration.web.OpsPageSupport.change;

import java.io.IOException;
import java.util.List;
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
import org.yunjian.migration.SupervisionChangeRisk;
import org.yunjian.migration.SupervisionConclusion;
import org.yunjian.migration.SupervisionReportKind;
import org.yunjian.migration.internal.MigrationService;
import org.yunjian.migration.internal.OpsBasis;
import org.yunjian.migration.internal.OpsFileRepository;
import org.yunjian.migration.internal.SupervisionService;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The operation supervision page ({@code /systems/{id}/lifecycle/supervision}): provider reports and their review,
 * the incidents recorded against the system (linked to their liability analysis), and changes awaiting or given the
 * customer's decision, with the forms for those who may act.
 */
@Controller
class SupervisionPages {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final SupervisionService service;
    private final OpsBasis basis;
    private final PeopleNames people;

    SupervisionPages(SupervisionService service, OpsBasis basis, PeopleNames people) {
        this.service = service;
        this.basis = basis;
        this.people = people;
    }

    static String base(UUID id) {
        return "/systems/" + id + "/lifecycle/supervision";
    }

    @GetMapping("/systems/{id}/lifecycle/supervision")
    @PreAuthorize(WHO)
    String page(@PathVariable UUID id, Model model) {
        SupervisionService.View v = service.view(id);
        model.addAttribute("v", v);
        model.addAttribute("system", v.access().system());
        model.addAttribute("base", base(id));
        model.addAttribute("kinds", SupervisionReportKind.values());
        model.addAttribute("conclusions", SupervisionConclusion.values());
        model.addAttribute("risks", SupervisionChangeRisk.values());
        model.addAttribute("basis", basis.of(v.access().system(), OpsBasis.Document.SUPERVISION, Texts.locale()));
        List<String> names = new java.util.ArrayList<>();
        v.reports().forEach(r -> {
            names.add(r.submittedBy());
            names.add(r.reviewedBy());
        });
        v.changes().forEach(c -> {
            names.add(c.requestedBy());
            names.add(c.decidedBy());
        });
        model.addAttribute("people", people.displayNames(names));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "migration/supervision";
    }

    @PostMapping("/systems/{id}/lifecycle/supervision/reports")
    @PreAuthorize(WHO)
    String report(
            @PathVariable UUID id,
            SupervisionService.ReportInput in,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes flash)
            throws IOException {
        List<OpsFileRepository.Upload> uploads = MigrationPages.uploads(file == null ? null : List.of(file));
        return change(
                base(id),
                "report",
                in,
                flash,
                () -> service.submitReport(id, in, uploads.isEmpty() ? null : uploads.get(0)));
    }

    @PostMapping("/systems/{id}/lifecycle/supervision/reports/{recordId}/review")
    @PreAuthorize(WHO)
    String review(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            SupervisionService.ReviewInput in,
            @RequestParam(required = false) Boolean confirm,
            RedirectAttributes flash) {
        return change(base(id), "review-" + recordId, in, flash, () -> {
            service.view(id); // a stranger gets 404 before any question about the form
            OpsPageSupport.requireConfirmed(confirm);
            return service.review(id, recordId, ExpectedVersion.of(null, in.version()), in);
        });
    }

    @GetMapping("/systems/{id}/lifecycle/supervision/reports/{recordId}/file")
    @PreAuthorize(WHO)
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID recordId) {
        return download(service.reportFile(id, recordId));
    }

    @PostMapping("/systems/{id}/lifecycle/supervision/changes")
    @PreAuthorize(WHO)
    String requestChange(@PathVariable UUID id, SupervisionService.ChangeInput in, RedirectAttributes flash) {
        return OpsPageSupport.change(base(id), "change", in, flash, () -> service.requestChange(id, in));
    }

    @PostMapping("/systems/{id}/lifecycle/supervision/changes/{recordId}/decision")
    @PreAuthorize(WHO)
    String decide(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            SupervisionService.DecisionInput in,
            @RequestParam(required = false) Boolean confirm,
            RedirectAttributes flash) {
        return OpsPageSupport.change(base(id), "decision-" + recordId, in, flash, () -> {
            service.view(id); // a stranger gets 404 before any question about the form
            OpsPageSupport.requireConfirmed(confirm);
            return service.decide(id, recordId, ExpectedVersion.of(null, in.version()), in);
        });
    }

    static ResponseEntity<byte[]> download(MigrationService.Download d) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(d.contentType()))
                .body(d.content());
    }

    static ResponseEntity<byte[]> docx(byte[] content, String disposition) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
