package org.yunjian.web;

import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yunjian.obligations.OverdueCount;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

/** The start page: what the caller works on (business users and system administrators) or its duties. */
@Controller
class HomeController {

    /** Systems listed on the start page; the system list pages through the rest. */
    static final int SHOWN = 10;

    private final Parties parties;
    private final OverdueCount overdue;

    HomeController(Parties parties, OverdueCount overdue) {
        this.parties = parties;
        this.overdue = overdue;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Model model, Locale locale) {
        CurrentUser user = CurrentUser.require();
        if (user.is(Role.USER) || user.is(Role.SYSTEM_ADMIN)) {
            // the first few by name and how many in all, counted in the database: never every visible system
            org.yunjian.shared.paging.Paged<CloudSystem> first = parties.visibleSystemsPage(
                    org.yunjian.party.SystemQuery.none(), new org.yunjian.shared.paging.PageRequest(1, SHOWN));
            List<SystemCard> cards = first.items().stream()
                    .map(s -> new SystemCard(
                            s,
                            parties.visibleEngagements(s.id()).size(),
                            s.deploymentModel().label(locale),
                            s.serviceModel().label(locale)))
                    .toList();
            model.addAttribute("systems", cards);
            model.addAttribute("systemsTotal", first.total());
            model.addAttribute("overdueCount", overdue.overdueForCurrentUser());
        }
        return "web/home";
    }

    record SystemCard(CloudSystem system, int engagements, String deployment, String service) {}
}
