package org.yunjian.assessment.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.assessment.internal.MyWork;
import org.yunjian.shared.PageRequest;
import org.yunjian.shared.Paged;
import org.yunjian.shared.Pager;

/** "My work" (我的待办): items, reviews, evidence requests and remediation tasks waiting for the caller. */
@Controller
class MyWorkPages {

    static final String WHO = "hasRole('USER')";

    private final MyWork myWork;

    MyWorkPages(MyWork myWork) {
        this.myWork = myWork;
    }

    @GetMapping("/my-work")
    @PreAuthorize(WHO)
    String myWork(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
                  Model model) {
        PageRequest request = PageRequest.of(page, size);
        MyWork.Work work = myWork.of();
        // the organisation's open remediation tasks grow with its findings: one page of them, with the pager
        Paged<MyWork.TaskWaiting> tasks = Paged.slice(work.tasks(), request);
        model.addAttribute("work", work);
        model.addAttribute("tasks", tasks.items());
        model.addAttribute("pager", Pager.of(tasks, "/my-work"));
        return "assessment/my-work";
    }
}
