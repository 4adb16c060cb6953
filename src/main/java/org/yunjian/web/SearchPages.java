package org.yunjian.web;

import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.shared.refusal.PageRefusal;

/** The search page behind the search box in every page's header. */
@Controller
class SearchPages {

    private final GlobalSearch search;

    SearchPages(GlobalSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    @PreAuthorize("isAuthenticated()")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            Locale locale,
            Model model) {
        model.addAttribute("q", q == null ? "" : q);
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            GlobalSearch.Results r = search.search(q, page, locale);
                            model.addAttribute("results", r);
                            model.addAttribute(
                                    "pager",
                                    org.yunjian.shared.paging.Pager.of(
                                            r.pagerPage(), "/search", java.util.Map.of("q", r.query())));
                            return "web/search";
                        },
                        () -> {
                            model.addAttribute("results", GlobalSearch.Results.none(""));
                            return "web/search";
                        });
    }
}
