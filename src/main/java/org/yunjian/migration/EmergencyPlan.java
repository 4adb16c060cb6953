package org.yunjian.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An emergency response plan for one scenario (GOV 8.5: 制定应急响应预案并定期演练; JR/T 7.4.2: 制定云服务应急管理方案):
 * the scenario, what the plan says in short, the organisation responsible for it, how to reach the people, and when
 * it was last reviewed.
 *
 * @param version the stored version, raised by every change (see {@link org.yunjian.shared.version.Versions})
 */
public record EmergencyPlan(
        UUID id,
        UUID systemId,
        String scenario,
        String summary,
        UUID responsibleOrg,
        String contacts,
        LocalDate lastReviewed,
        String updatedBy,
        Instant updatedAt,
        long version) {}
