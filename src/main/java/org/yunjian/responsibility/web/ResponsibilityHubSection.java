package org.yunjian.responsibility.web;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.party.SystemHubSection;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/** The cloud system's page links to its responsibility matrix (or, for the customer, to generating one). */
@Component
class ResponsibilityHubSection implements SystemHubSection {

    private final ResponsibilityService service;

    ResponsibilityHubSection(ResponsibilityService service) {
        this.service = service;
    }

    @Override
    public String titleKey() {
        return "responsibility.hub.title";
    }

    @Override
    public String emptyKey() {
        return "responsibility.hub.empty";
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public List<Link> links(UUID systemId) {
        boolean mayRead = CurrentUser.current()
                .map(u -> u.is(Role.USER) || u.is(Role.SYSTEM_ADMIN))
                .orElse(false);
        if (!mayRead) {
            return List.of();
        }
        return service.findCurrent(systemId)
                .map(v -> List.of(new Link(
                        MatrixPages.base(systemId),
                        Texts.get("responsibility.hub.link", v.version().version()),
                        Msg.of(v.version().status()).text())))
                .orElseGet(() -> service.access(systemId).isCustomer()
                        ? List.of(new Link(MatrixPages.base(systemId), Texts.get("responsibility.hub.generate"), ""))
                        : List.of());
    }
}
