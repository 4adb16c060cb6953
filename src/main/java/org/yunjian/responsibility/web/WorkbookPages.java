package org.yunjian.responsibility.web;

import java.io.IOException;
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
import org.yunjian.responsibility.internal.MatrixView;
import org.yunjian.responsibility.internal.MatrixWorkbookImport;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.shared.ConflictException;

/**
 * The page of a matrix's documents: download the XLSX workbook and the DOCX statement, upload an edited workbook
 * and see what it did (rows applied, conflicts) or every problem by sheet, row and column.
 */
@Controller
class WorkbookPages {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";
    static final String PATH = "/systems/{id}/responsibility/workbook";

    private final ResponsibilityService service;
    private final MatrixWorkbookImport importer;

    WorkbookPages(ResponsibilityService service, MatrixWorkbookImport importer) {
        this.service = service;
        this.importer = importer;
    }

    @GetMapping(PATH)
    @PreAuthorize(WHO)
    String page(@PathVariable UUID id, Model model) {
        MatrixView v = service.current(id);
        model.addAttribute("system", v.access().system());
        model.addAttribute("view", v);
        model.addAttribute("mayImport", v.access().mayEdit());
        return "responsibility/workbook";
    }

    @PostMapping(PATH)
    @PreAuthorize(WHO)
    String upload(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                  RedirectAttributes flash) throws IOException {
        try {
            flash.addFlashAttribute("importReport", importer.importWorkbook(id, file == null ? null : file.getBytes()));
        } catch (MatrixWorkbookImport.WorkbookRejected e) {
            flash.addFlashAttribute("importProblems", e.problems());
        } catch (ConflictException e) {
            flash.addFlashAttribute("conflict", e.getMessage());
        }
        return "redirect:/systems/" + id + "/responsibility/workbook";
    }
}
