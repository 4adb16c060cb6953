package org.yunjian.responsibility.web;

import java.io.IOException;
import java.util.List;
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
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.exchange.MatrixWorkbookImport;
import org.yunjian.responsibility.internal.exchange.SspService;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * The page of a matrix's documents and exchange: download the XLSX workbook, the DOCX statement and the OSCAL SSP
 * (either side, JSON or XML); upload an edited workbook and see what it did (rows applied, conflicts) or every problem
 * by sheet, row and column; upload an SSP and see the new version or every problem with its path.
 */
@Controller
class WorkbookPages {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";
    static final String PATH = "/systems/{id}/responsibility/workbook";
    static final String SSP_PATH = "/systems/{id}/responsibility/oscal-ssp";

    private final ResponsibilityService service;
    private final MatrixWorkbookImport importer;
    private final SspService ssp;
    private final org.yunjian.responsibility.internal.exchange.SspPackages packages;

    WorkbookPages(
            ResponsibilityService service,
            MatrixWorkbookImport importer,
            SspService ssp,
            org.yunjian.responsibility.internal.exchange.SspPackages packages) {
        this.service = service;
        this.importer = importer;
        this.ssp = ssp;
        this.packages = packages;
    }

    @GetMapping(PATH)
    @PreAuthorize(WHO)
    String page(@PathVariable UUID id, Model model) {
        MatrixView v = service.current(id);
        model.addAttribute("system", v.access().system());
        model.addAttribute("view", v);
        model.addAttribute("mayImport", v.access().mayEdit());
        // issue 60: the provider's package out, providers' plans in (the customer imports, whoever sees all reads)
        model.addAttribute("mayImportPackage", v.access().isCustomer());
        model.addAttribute("packages", v.access().seesWholeMatrix() ? packages.list(id) : List.of());
        model.addAttribute(
                "sspDownloads",
                List.of(
                        List.of("customer", "json"),
                        List.of("customer", "xml"),
                        List.of("provider", "json"),
                        List.of("provider", "xml")));
        return "responsibility/workbook";
    }

    @PostMapping(PATH)
    @PreAuthorize(WHO)
    String upload(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes flash)
            throws IOException {
        byte[] content = file == null ? null : file.getBytes();
        String back = "redirect:/systems/" + id + "/responsibility/workbook";
        return PageRefusal.on(flash)
                .conflicts()
                .attempt(
                        () -> {
                            try {
                                flash.addFlashAttribute("importReport", importer.importWorkbook(id, content));
                            } catch (MatrixWorkbookImport.WorkbookRejected e) {
                                flash.addFlashAttribute(
                                        "importProblems", e.problems()); // the file's report, row by row
                            }
                        },
                        () -> back,
                        () -> back);
    }

    /**
     * An OSCAL SSP uploaded from the page: a new draft version, or every problem with the path where it is — shown
     * next to the form ({@code #oscal}). A refusal for the version or the matrix's state is the alert heading the
     * page: the answer lands on it, where it shows without scrolling.
     */
    /** The SSP form, as {@link PageRefusal#ERRORS_IN}: a version refusal there asks for the file again. */
    static final String OSCAL = "oscal";

    @PostMapping(SSP_PATH)
    @PreAuthorize(WHO)
    String uploadSsp(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String version,
            RedirectAttributes flash)
            throws IOException {
        String page = "redirect:/systems/" + id + "/responsibility/workbook";
        byte[] content = file == null ? new byte[0] : file.getInputStream().readNBytes(ssp.maxBytes() + 1);
        return PageRefusal.on(flash)
                .conflicts(flash, () -> page + "#conflict")
                .step(org.yunjian.shared.version.VersionRefusal.Action.IMPORT)
                // the page again, read anew: its form names the version stored now (a file is chosen again)
                .in(OSCAL)
                .attempt(
                        () -> {
                            var r = ssp.importSsp(
                                    id,
                                    file == null ? null : file.getOriginalFilename(),
                                    content,
                                    org.yunjian.shared.version.ExpectedVersion.ofForm(version));
                            flash.addFlashAttribute(
                                    r.changed() ? "sspImported" : "sspUnchanged",
                                    r.view().version().version());
                            return page + "#oscal";
                        },
                        refusal -> page + (refusal == null ? "#oscal" : "#stale-version"));
    }
}
