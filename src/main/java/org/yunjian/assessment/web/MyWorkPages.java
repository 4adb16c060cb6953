package org.yunjian.assessment.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yunjian.assessment.internal.MyWork;

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
    String myWork(Model model) {
        model.addAttribute("work", myWork.of());
        return "assessment/my-work";
    }
}
