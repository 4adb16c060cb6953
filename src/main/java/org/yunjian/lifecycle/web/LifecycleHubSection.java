package org.yunjian.lifecycle.web;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.lifecycle.internal.PlanService;
import org.yunjian.party.SystemHubSection;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.Texts;

/** The cloud system's page links to its lifecycle plan (or, where a guide applies, to creating one). */
@Component
class LifecycleHubSection implements SystemHubSection {

    private final PlanService plans;

    LifecycleHubSection(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public String titleKey() {
        return "lifecycle.hub.title";
    }

    @Override
    public String emptyKey() {
        return "lifecycle.hub.empty";
    }

    @Override
    public int order() {
        return 12;
    }

    @Override
    public List<Link> links(UUID systemId) {
        boolean mayRead = CurrentUser.current()
                .map(u -> u.is(Role.USER) || u.is(Role.SYSTEM_ADMIN))
                .orElse(false);
        if (!mayRead) {
            return List.of();
        }
        return plans.find(systemId)
                .map(v -> List.of(new Link(
                        PlanPages.base(systemId),
                        Texts.get("lifecycle.hub.plan"),
                        v.plan()
                                .current()
                                .map(s -> Texts.get(
                                        "lifecycle.hub.current", s.name().text()))
                                .orElseGet(() -> Texts.get("lifecycle.hub.allClosed")))))
                .orElseGet(() -> plans.template(systemId).isPresent()
                                && plans.access(systemId).isCustomer()
                        ? List.of(new Link(PlanPages.base(systemId), Texts.get("lifecycle.page.create"), ""))
                        : List.of());
    }
}
