package org.yunjian.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One emergency step done on an alert ({@link EmergencyStep}): when it was done, to whom or how ({@code note}), the
 * emergency plan started ({@code planId}, {@code planScenario} as it was named then; only for
 * {@link EmergencyStep#PLAN_STARTED}), who recorded it and when. Stored once, never changed.
 */
public record EmergencyRecord(
        UUID id,
        UUID alertId,
        EmergencyStep step,
        Instant doneAt,
        String note,
        UUID planId,
        String planScenario,
        String recordedBy,
        Instant recordedAt) {}
