package org.yunjian.migration.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.monitoring.EmergencyPlans;

/**
 * The system's emergency plans for the emergency handling of a monitoring alert (政府网站云计算服务安全指南 8.5 d):
 * 按照应急预案的要求及时组织应急处置并记录): the alert's page names the plan started. Read as the platform: monitoring
 * has already allowed the caller to see the system.
 */
@Component
class PlansForMonitoring implements EmergencyPlans {

    private final DrillRepository repo;

    PlansForMonitoring(DrillRepository repo) {
        this.repo = repo;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Plan> of(UUID systemId) {
        return repo.plans(systemId).stream()
                .map(p -> new Plan(p.id(), p.scenario()))
                .toList();
    }
}
