package org.yunjian.assessment.web;

import org.springframework.ui.Model;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.internal.ItemFilter;
import org.yunjian.assessment.internal.Workbench;

/** What the item list and table mode both show: the filter, one page of rows, progress. */
final class WorkbenchView {

    /** Rows per page: a whole 等保 L3 assessment (78 items) fits on one. */
    static final int PAGE_SIZE = 100;

    private WorkbenchView() {
    }

    /** Page {@code page} (1-based; past the last shows the last) of the list's rows and its navigation. */
    static void addList(Model model, Workbench.ItemList list, ItemFilter filter, int page) {
        int pages = Math.max(1, (list.rows().size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(page, 1), pages);
        model.addAttribute("list", list);
        model.addAttribute("rows", list.rows().subList((p - 1) * PAGE_SIZE,
                Math.min(p * PAGE_SIZE, list.rows().size())));
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("filter", filter);
        // links repeated per row are written from strings (no per-link URL builder; see docs/performance.md)
        model.addAttribute("filterQuery", filter.query());
        model.addAttribute("filterParams", filter.params());
        model.addAttribute("sides", ItemSide.values());
        model.addAttribute("verdicts", Verdict.values());
    }
}
