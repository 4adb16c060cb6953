package org.yunjian.workbench.web;

import org.springframework.ui.Model;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Verdict;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.paging.Pager;
import org.yunjian.workbench.internal.ItemFilter;
import org.yunjian.workbench.internal.Workbench;

/**
 * What the item list and table mode both show: the filter, one page of rows with the pager and totals, progress.
 * The rows are cut from the workbench's list ({@link Paged#slice}, ADR 009: an assessment's items are bounded by its
 * catalog scope), which also gives the progress over all items and previous / next within the filter.
 */
final class WorkbenchView {

    /** Rows per page unless {@code size} says otherwise: a whole 等保 L3 assessment (78 items) fits on one. */
    static final int PAGE_SIZE = 100;

    private WorkbenchView() {}

    /** The page asked for: {@code page} from 1, {@code size} 1-200 (default {@value #PAGE_SIZE}); bad: a 400. */
    static PageRequest page(String page, String size) {
        return PageRequest.of(page, size == null || size.isBlank() ? String.valueOf(PAGE_SIZE) : size);
    }

    /** One page of the list's rows under {@code path} and its pager keeping the filter. */
    static void addList(Model model, Workbench.ItemList list, ItemFilter filter, PageRequest page, String path) {
        Paged<Workbench.ItemRow> shown = Paged.slice(list.rows(), page);
        model.addAttribute("list", list);
        model.addAttribute("rows", shown.items());
        model.addAttribute("page", shown.page());
        model.addAttribute("size", shown.size());
        model.addAttribute("pager", Pager.of(shown, path, filter.filters()));
        model.addAttribute("filter", filter);
        // links repeated per row are written from strings (no per-link URL builder; see docs/performance.md)
        model.addAttribute("filterQuery", filter.query());
        model.addAttribute("filterParams", filter.params());
        model.addAttribute("sides", ItemSide.values());
        model.addAttribute("verdicts", Verdict.values());
    }
}
