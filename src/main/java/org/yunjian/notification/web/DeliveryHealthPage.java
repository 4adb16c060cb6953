package org.yunjian.notification.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yunjian.notification.internal.DeliveryHealthQueries;
import org.yunjian.notification.internal.FailureCategory;

/**
 * 通知送达状况: whether notifications reach people, for the platform's system and security administrators — counts,
 * last failure and its category per organisation, never a message, a recipient or a robot (issue 56, 三权分立).
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
class DeliveryHealthPage {

    private final DeliveryHealthQueries health;

    DeliveryHealthPage(DeliveryHealthQueries health) {
        this.health = health;
    }

    @GetMapping("/admin/notification-health")
    String page(Model model) {
        model.addAttribute("health", health.overview());
        model.addAttribute("categories", FailureCategory.values());
        return "notification/health";
    }
}
