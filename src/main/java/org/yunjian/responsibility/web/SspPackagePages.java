package org.yunjian.responsibility.web;

import java.io.IOException;
import java.util.Set;
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
import org.yunjian.responsibility.internal.exchange.SspPackages;
import org.yunjian.responsibility.internal.exchange.SspService;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * Providers' plans imported into a customer's system (issue 60): the upload from the exchange page, and the page of
 * one import — every control implementation with what it provides or leaves to the customer, the Chinese duties and
 * items it lands on (relationship, rationale), and the controls that land nowhere, listed as unmapped. An import is
 * only shown; the page says so and leads to the matrix import for a change the parties sign.
 */
@Controller
class SspPackagePages {

    static final String PACKAGES = "/systems/{id}/responsibility/oscal-ssp/packages";
    /** The upload form, as {@link PageRefusal#ERRORS_IN}. */
    static final String FORM = "packages";

    private final SspPackages packages;
    private final SspService ssp;
    private final ResponsibilityService matrices;
    private final PeopleNames people;

    SspPackagePages(SspPackages packages, SspService ssp, ResponsibilityService matrices, PeopleNames people) {
        this.packages = packages;
        this.ssp = ssp;
        this.matrices = matrices;
        this.people = people;
    }

    @PostMapping(PACKAGES)
    @PreAuthorize(WorkbookPages.WHO)
    String upload(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes flash)
            throws IOException {
        String page = "redirect:/systems/" + id + "/responsibility/workbook";
        byte[] content = file == null ? new byte[0] : file.getInputStream().readNBytes(ssp.maxBytes() + 1);
        return PageRefusal.on(flash)
                .in(FORM)
                .attempt(
                        () -> {
                            var s = packages.importPackage(
                                    id, file == null ? null : file.getOriginalFilename(), content);
                            return "redirect:/systems/" + id + "/responsibility/oscal-ssp/packages/" + s.id();
                        },
                        refusal -> page + "#packages");
    }

    @GetMapping(PACKAGES + "/{packageId}")
    @PreAuthorize(WorkbookPages.WHO)
    String page(@PathVariable UUID id, @PathVariable UUID packageId, Model model) {
        SspPackages.Shown s = packages.show(id, packageId);
        model.addAttribute("system", matrices.access(id).system());
        model.addAttribute("pkg", s);
        model.addAttribute("reading", s.reading());
        model.addAttribute(
                "importer", people.displayNames(Set.of(s.importedBy())).getOrDefault(s.importedBy(), s.importedBy()));
        return "responsibility/ssp-package";
    }
}
