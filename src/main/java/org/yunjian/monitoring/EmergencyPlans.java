package org.yunjian.monitoring;

import java.util.List;
import java.util.UUID;

/**
 * The system's emergency plans (应急预案), for the emergency handling of an alert to name the plan it started
 * (政府网站云计算服务安全指南 8.5 d)). Implemented by the module that keeps the plans; read as the platform — the caller
 * has already been allowed to see the system.
 */
public interface EmergencyPlans {

    /** A plan: its id and the scenario it is for (e.g. 网页篡改). */
    record Plan(UUID id, String scenario) {}

    /** The system's plans, in the order they were made. */
    List<Plan> of(UUID systemId);
}
