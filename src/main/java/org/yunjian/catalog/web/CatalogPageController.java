package org.yunjian.catalog.web;

import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CloudRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.catalog.api.FilterParams;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.NotFoundException;

/** Browsing the catalog: requirement items by standard, phase and role, and one requirement's page. */
@Controller
class CatalogPageController {

    private final Catalog catalog;

    CatalogPageController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalog")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) String standard, @RequestParam(required = false) String phase,
                @RequestParam(required = false) String role, Model model, Locale locale) {
        FieldErrors errors = new FieldErrors();
        RequirementFilter filter = FilterParams.parse(catalog, standard, null, phase, role, null, null, errors)
                .kind(RequirementKind.ITEM);
        List<Requirement> items = errors.isEmpty() ? catalog.find(filter) : List.of();
        model.addAttribute("standards", catalog.standards());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("roles", CloudRole.values());
        model.addAttribute("standard", standard);
        model.addAttribute("phase", phase);
        model.addAttribute("role", role);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("items", items);
        model.addAttribute("en", "en".equals(locale.getLanguage()));
        return "catalog/list";
    }

    @GetMapping("/catalog/requirements/{id}")
    @PreAuthorize("isAuthenticated()")
    String requirement(@PathVariable String id, Model model, Locale locale) {
        if (!RequirementId.isWellFormed(id)) {
            throw new NotFoundException("Requirement", id);
        }
        Requirement r = catalog.requirement(RequirementId.of(id)).orElseThrow(() -> new NotFoundException("Requirement", id));
        model.addAttribute("r", r);
        model.addAttribute("standard", catalog.standard(r.standardCode()).orElseThrow());
        model.addAttribute("parent", r.parent() == null ? null : catalog.requirement(r.parent()).orElse(null));
        model.addAttribute("children", catalog.children(r.id()));
        model.addAttribute("mappings", catalog.mappings(r.id()));
        model.addAttribute("en", "en".equals(locale.getLanguage()));
        return "catalog/requirement";
    }
}
