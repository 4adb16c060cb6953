package org.yunjian.responsibility.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.catalog.Catalog;
import org.yunjian.party.CloudSystem;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.responsibility.internal.view.MatrixViews;
import org.yunjian.responsibility.internal.view.ViewService;
import org.yunjian.responsibility.internal.view.ViewTexts;
import org.yunjian.responsibility.internal.view.ViewTexts.Heading;
import org.yunjian.responsibility.internal.view.ViewTexts.Line;
import org.yunjian.shared.Msg;

/**
 * The switchable views of the matrix page (issue 12 item 2): {@code /systems/{id}/responsibility/views/{view}} for the
 * 等保 items and the sector guide of the system's industry, with the same switch as the matrix page and the filters
 * that make sense there (one group; all rows or those naming the caller's organisation; 等保: mapped items only).
 */
@Controller
class ViewPages {

    private final ViewService views;
    private final Catalog catalog;

    ViewPages(ViewService views, Catalog catalog) {
        this.views = views;
        this.catalog = catalog;
    }

    @GetMapping("/systems/{id}/responsibility/views/{view}")
    @PreAuthorize(MatrixPages.WHO)
    String view(
            @PathVariable UUID id,
            @PathVariable String view,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Integer group,
            @RequestParam(defaultValue = "all") String show,
            Model model) {
        ViewService.ViewResult r = views.view(id, view, version);
        MatrixView v = r.matrix();
        ViewTexts.Table table = ViewTexts.table(r.view(), v.matrix(), catalog);
        UUID own = v.access().user().organizationId();
        List<Heading> kept = new ArrayList<>();
        int shown = 0;
        for (int i = 0; i < table.groups().size(); i++) {
            Heading h = table.groups().get(i);
            if (group != null && group != i) {
                continue;
            }
            List<Line> rows = h.rows().stream()
                    .filter(l -> switch (show) {
                        case "mine" -> l.names(own);
                        case "mapped" -> !l.mapped().isEmpty();
                        default -> true;
                    })
                    .toList();
            if (!rows.isEmpty()) {
                kept.add(new Heading(h.title(), rows));
                shown += rows.size();
            }
        }
        model.addAttribute("v", v);
        model.addAttribute("system", v.access().system());
        model.addAttribute("base", MatrixPages.base(id));
        model.addAttribute("table", table);
        model.addAttribute("groups", kept);
        model.addAttribute("shown", shown);
        model.addAttribute("group", group);
        model.addAttribute("show", show);
        model.addAttribute(
                "shows",
                r.view().kind() == org.yunjian.responsibility.internal.view.ViewKind.MLPS
                        ? List.of("all", "mine", "mapped")
                        : List.of("all", "mine"));
        model.addAttribute("partial", !v.access().seesWholeMatrix());
        return "responsibility/view";
    }

    /** The view switch of the matrix pages ({@code @matrixViewSwitch.links(system)} in the templates). */
    @Component("matrixViewSwitch")
    static class ViewSwitch {

        private final MatrixViews views;

        ViewSwitch(MatrixViews views) {
            this.views = views;
        }

        record Link(String code, String label) {}

        /** The views offered for {@code system}, besides the T/CCIA duties. */
        public List<Link> links(CloudSystem system) {
            return views.offered(system.industry()).stream()
                    .map(k -> new Link(k.code(), Msg.of(k).text()))
                    .toList();
        }
    }
}
