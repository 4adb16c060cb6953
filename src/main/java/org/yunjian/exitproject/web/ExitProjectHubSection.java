package org.yunjian.exitproject.web;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.exitproject.internal.ExitProjectService;
import org.yunjian.party.SystemHubSection;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.Texts;

/** The cloud system's page lists the system's exit projects the user may see. */
@Component
class ExitProjectHubSection implements SystemHubSection {

    private final ExitProjectService projects;

    ExitProjectHubSection(ExitProjectService projects) {
        this.projects = projects;
    }

    @Override
    public String titleKey() {
        return "exitproject.hub.title";
    }

    @Override
    public String emptyKey() {
        return "exitproject.hub.empty";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Link> links(UUID systemId) {
        boolean mayRead = CurrentUser.current()
                .map(u -> u.is(Role.USER) || u.is(Role.SYSTEM_ADMIN))
                .orElse(false);
        if (!mayRead) {
            return List.of();
        }
        return projects.list(systemId).stream()
                .map(p -> new Link(
                        "/exit-projects/" + p.id(),
                        p.name(),
                        Texts.get("exitproject.status." + p.status().name())))
                .toList();
    }
}
