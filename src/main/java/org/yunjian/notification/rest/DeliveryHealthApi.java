package org.yunjian.notification.rest;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.notification.internal.DeliveryHealthQueries;

/** Whether notifications reach people, for the platform's system and security administrators (no message content). */
@RestController
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
class DeliveryHealthApi {

    private final DeliveryHealthQueries health;

    DeliveryHealthApi(DeliveryHealthQueries health) {
        this.health = health;
    }

    @GetMapping("/api/notification-health")
    @Operation(
            summary = "Delivery health of notifications: per organisation and overall, how many e-mail and robot "
                    + "deliveries wait, wait to be retried, were delivered or finally failed, the last failure's time "
                    + "and category — never a message text, recipient, robot or address (system and security "
                    + "administrators; an organisation's own deliveries are for its 组织管理员)")
    DeliveryHealthQueries.HealthOverview overview() {
        return health.overview();
    }
}
