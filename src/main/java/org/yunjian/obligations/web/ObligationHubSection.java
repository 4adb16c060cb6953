package org.yunjian.obligations.web;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.obligations.internal.ObligationService;
import org.yunjian.party.SystemHubSection;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.Texts;

/** The cloud system's page links to its recurring obligations, with how many are overdue (or, for the customer, to
 * generating them). */
@Component
class ObligationHubSection implements SystemHubSection {

    private final ObligationService service;

    ObligationHubSection(ObligationService service) {
        this.service = service;
    }

    @Override
    public String titleKey() {
        return "lifecycle.cal.hub.title";
    }

    @Override
    public String emptyKey() {
        return "lifecycle.cal.hub.empty";
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public List<Link> links(UUID systemId) {
        boolean mayRead = CurrentUser.current()
                .map(u -> u.is(Role.USER) || u.is(Role.SYSTEM_ADMIN))
                .orElse(false);
        if (!mayRead) {
            return List.of();
        }
        ObligationService.SystemObligations s = service.ofSystem(systemId);
        String href = "/systems/" + systemId + "/lifecycle/obligations";
        if (!s.rows().isEmpty()) {
            return List.of(new Link(
                    href,
                    Texts.get("lifecycle.cal.hub.link", s.rows().size()),
                    s.overdue() > 0
                            ? Texts.get("lifecycle.cal.home.count", s.overdue())
                            : Texts.get("lifecycle.cal.home.none")));
        }
        return s.access().isCustomer() && !s.missing().isEmpty()
                ? List.of(new Link(href, Texts.get("lifecycle.cal.generate.title"), ""))
                : List.of();
    }
}
