package org.yunjian.party.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yunjian.party.internal.Membership;

/** 成员与指派: an organisation administrator's view of its members, their assigned systems and waiting requests. */
@Controller
class MembershipPage {

    private final Membership membership;

    MembershipPage(Membership membership) {
        this.membership = membership;
    }

    @GetMapping("/organization/membership")
    @PreAuthorize("hasRole('USER')")
    String page(Model model) {
        model.addAttribute("overview", membership.overview());
        return "party/membership";
    }
}
