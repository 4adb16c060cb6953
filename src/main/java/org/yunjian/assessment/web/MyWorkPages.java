package org.yunjian.assessment.web;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.assessment.internal.MyWork;
import org.yunjian.shared.PageRequest;
import org.yunjian.shared.Pager;

/** "My work" (我的待办): items, reviews, evidence requests and remediation tasks waiting for the caller. */
@Controller
class MyWorkPages {

    static final String WHO = "hasRole('USER')";

    private final MyWork myWork;
    private final org.springframework.beans.factory.ObjectProvider<org.yunjian.shared.WaitingWork> others;

    MyWorkPages(MyWork myWork, org.springframework.beans.factory.ObjectProvider<org.yunjian.shared.WaitingWork> others) {
        this.myWork = myWork;
        this.others = others;
    }

    @GetMapping("/my-work")
    @PreAuthorize(WHO)
    String myWork(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
                  Model model) {
        PageRequest request = PageRequest.of(page, size);
        MyWork.Work work = myWork.of(request);
        // every list one page (the same page for all, as in GET /api/my-work), each with its own pager
        model.addAttribute("work", work);
        model.addAttribute("tasks", work.tasks().items());
        model.addAttribute("pager", Pager.of(work.tasks(), "/my-work"));
        model.addAttribute("pagers", Map.of("items", Pager.of(work.items(), "/my-work"),
                "reviews", Pager.of(work.reviews(), "/my-work"), "requests", Pager.of(work.requests(), "/my-work"),
                "submitted", Pager.of(work.submitted(), "/my-work")));
        // what other modules have waiting for the caller (the exit projects' countersignature hand-off)
        model.addAttribute("others", others.stream().map(w -> Map.entry(w.titleKey(), w.waiting()))
                .filter(e -> !e.getValue().isEmpty()).toList());
        return "assessment/my-work";
    }
}
