package org.yunjian.migration;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;

/**
 * One step of a system's migration plan (the government-website guide's 部署迁移 section; JR/T 服务获取): what is
 * done, which organisation of the system does it, in which window, and how far it got.
 *
 * @param position 1-based order in the plan
 * @param version  the stored version, raised by every change
 */
public record MigrationStep(
        UUID id,
        UUID systemId,
        int position,
        String description,
        UUID ownerOrg,
        Instant windowStart,
        Instant windowEnd,
        MigrationStepStatus status,
        String updatedBy,
        Instant updatedAt,
        long version) {

    /** A window ends after it starts; the end field is named. */
    public static void checkWindow(FieldErrors errors, Instant start, Instant end) {
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add("windowEnd", "lifecycle.ops.error.windowOrder");
        }
    }

    /** The owner must be one of the system's organisations (customer, provider, agents, engagement parties). */
    public static void checkOwner(FieldErrors errors, String field, UUID owner, Set<UUID> organisationsOfSystem) {
        if (owner != null && !organisationsOfSystem.contains(owner)) {
            errors.add(field, "lifecycle.ops.error.ownerNotOfSystem");
        }
    }

    /**
     * Who may change this step: the customer any step; the provider only a step it owns, and without handing it to
     * another organisation.
     */
    public void requireEditableBy(boolean customer, boolean provider, UUID callerOrg, UUID newOwner) {
        if (customer) {
            return;
        }
        if (!provider || !ownerOrg.equals(callerOrg)) {
            throw new ForbiddenException(Msg.of("lifecycle.ops.denied.stepNotOwned"));
        }
        if (newOwner != null && !newOwner.equals(ownerOrg)) {
            throw new ForbiddenException(Msg.of("lifecycle.ops.denied.stepOwnerChange"));
        }
    }
}
