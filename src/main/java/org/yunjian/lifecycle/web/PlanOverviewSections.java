package org.yunjian.lifecycle.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yunjian.lifecycle.OverviewSection;
import org.yunjian.lifecycle.internal.PlanOverview;

/**
 * The plans' sections of the overview: overdue plan duties by the organisation they are assigned to, and systems
 * stuck at a gate — both from one bulk read of the plans the caller sees, made once per request.
 */
@Configuration(proxyBeanMethods = false)
class PlanOverviewSections {

    /** Overdue duties listed per organisation, most overdue first; the rest are counted (each plan lists them all). */
    static final int ROWS_SHOWN = 25;
    /** Systems listed as stuck, those stuck longest first; the page says how many more there are. */
    static final int STUCK_SHOWN = 50;

    /** An organisation's overdue duties: the first {@link #ROWS_SHOWN}, and how many there are. */
    record Group(List<PlanOverview.OverdueDuty> rows, int total) {
        public int more() {
            return total - rows.size();
        }
    }

    /** The plans' overview for the current request. */
    record Read(PlanOverview.Overview overview) {}

    @Bean
    @Scope(value = WebApplicationContext.SCOPE_REQUEST, proxyMode = ScopedProxyMode.NO)
    Read planOverviewRead(PlanOverview plans) {
        return new Read(plans.read());
    }

    /**
     * The context path + {@code /systems/}: the links repeated per row are written from it, not with {@code @{…}},
     * whose link builder probes the class path for a static resource of that name (≈1 ms per link in the packaged
     * jar; docs/performance.md, "Responsibility matrices").
     */
    static String systems() {
        var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        return attributes.getRequest().getContextPath() + "/systems/";
    }

    @Bean
    OverviewSection overdueDutiesByOrganisation(ObjectProvider<Read> read) {
        return new OverviewSection() {
            public int order() {
                return 15;
            }

            public Content content() {
                Map<String, List<PlanOverview.OverdueDuty>> all = new LinkedHashMap<>();
                read.getObject().overview().overdue().forEach(r -> all.computeIfAbsent(
                                r.organisation(), k -> new ArrayList<>())
                        .add(r));
                Map<String, Group> groups = new LinkedHashMap<>();
                all.forEach((org, rows) ->
                        groups.put(org, new Group(rows.subList(0, Math.min(rows.size(), ROWS_SHOWN)), rows.size())));
                return new Content(
                        "overview-overdue-duties",
                        "lifecycle.overview.duties.title",
                        "lifecycle/plan-overview :: overdueDuties",
                        Map.of("groups", groups, "systems", systems()));
            }
        };
    }

    @Bean
    OverviewSection systemsStuckAtGate(ObjectProvider<Read> read) {
        return new OverviewSection() {
            public int order() {
                return 35;
            }

            public Content content() {
                List<PlanOverview.Stuck> all = read.getObject().overview().stuck();
                return new Content(
                        "overview-stuck",
                        "lifecycle.overview.stuck.title",
                        "lifecycle/plan-overview :: stuck",
                        Map.of(
                                "rows",
                                all.subList(0, Math.min(all.size(), STUCK_SHOWN)),
                                "more",
                                all.size() - Math.min(all.size(), STUCK_SHOWN),
                                "shown",
                                STUCK_SHOWN,
                                "systems",
                                systems()));
            }
        };
    }
}
