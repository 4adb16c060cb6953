package org.yunjian.inbox.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.inbox.internal.Inbox;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.paging.Pager;

/**
 * 我的待办 ({@code /my-work}): one page of what waits for the signed-in person, and the count the navigation loads
 * ({@code /my-work/count}, an htmx fragment, so that no page needs to put it in its model).
 */
@Controller
class MyWorkPage {

    private final Inbox inbox;

    MyWorkPage(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/my-work")
    @PreAuthorize(Inbox.READERS)
    String myWork(
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        Paged<Inbox.Line> work = inbox.mine(PageRequest.of(page, size));
        model.addAttribute("work", work);
        model.addAttribute("pager", Pager.of(work, "/my-work"));
        return "inbox/my-work";
    }

    @GetMapping("/my-work/count")
    @PreAuthorize(Inbox.READERS)
    String count(Model model) {
        model.addAttribute("count", inbox.count());
        return "inbox/my-work :: count";
    }
}
