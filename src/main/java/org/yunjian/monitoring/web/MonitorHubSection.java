package org.yunjian.monitoring.web;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.monitoring.internal.AlertService;
import org.yunjian.monitoring.internal.MonitorService;
import org.yunjian.party.SystemHubSection;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.Texts;

/** The cloud system's page links to its website monitoring, with how many monitors and how many open alerts. */
@Component
class MonitorHubSection implements SystemHubSection {

    private final MonitorService monitors;
    private final AlertService alerts;

    MonitorHubSection(MonitorService monitors, AlertService alerts) {
        this.monitors = monitors;
        this.alerts = alerts;
    }

    @Override
    public String titleKey() {
        return "monitoring.hub.title";
    }

    @Override
    public String emptyKey() {
        return "monitoring.hub.empty";
    }

    @Override
    public int order() {
        return 47;
    }

    @Override
    public List<Link> links(UUID systemId) {
        boolean mayRead = CurrentUser.current()
                .map(u -> u.is(Role.USER) || u.is(Role.SYSTEM_ADMIN))
                .orElse(false);
        if (!mayRead) {
            return List.of();
        }
        int n = monitors.ofSystem(systemId).size();
        int open = alerts.openOfSystem(systemId).size();
        String href = "/systems/" + systemId + "/monitoring";
        return List.of(new Link(
                href,
                Texts.get(n == 0 ? "monitoring.hub.add" : "monitoring.hub.link", n),
                open == 0 ? Texts.get("monitoring.hub.noAlerts") : Texts.get("monitoring.hub.alerts", open)));
    }
}
