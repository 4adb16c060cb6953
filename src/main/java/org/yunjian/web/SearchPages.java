package org.yunjian.web;

import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.shared.FieldErrors.ValidationException;

/** The search page behind the search box in every page's header. */
@Controller
class SearchPages {

    private final GlobalSearch search;

    SearchPages(GlobalSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    @PreAuthorize("isAuthenticated()")
    String search(@RequestParam(required = false) String q, Locale locale, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        try {
            model.addAttribute("results", search.search(q, locale));
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("results", GlobalSearch.Results.none(""));
        }
        return "web/search";
    }
}
