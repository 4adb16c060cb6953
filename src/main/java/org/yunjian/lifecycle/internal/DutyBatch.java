package org.yunjian.lifecycle.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * Several duties of a plan changed at once — a phase of the government-website guide has some sixty duties, and
 * setting them one page at a time is how checklists end up in Word again. Each duty goes through the same rules as
 * alone ({@link PlanService#setStatus}, {@link PlanService#accept}: who may change it, nobody accepts their own work,
 * closed phases frozen) and is audited alone; the batch is all or nothing: the first refusal names the duty and
 * nothing of the batch is stored.
 */
@Service
public class DutyBatch {

    /** More than any guide's phase holds; a longer list is a mistake, not a batch. */
    public static final int MAX = 500;

    private final PlanService plans;
    private final PlanRepository repo;

    DutyBatch(PlanService plans, PlanRepository repo) {
        this.plans = plans;
        this.repo = repo;
    }

    /** Sets the status of every duty listed; returns how many were listed. */
    @Transactional
    public int setStatus(UUID systemId, List<UUID> duties, DutyStatus status, String reason) {
        return each(systemId, duties, id -> plans.setStatus(systemId, id, null, status, reason));
    }

    /** Accepts (or, for one declared not applicable, waives) every duty listed; returns how many were listed. */
    @Transactional
    public int accept(UUID systemId, List<UUID> duties) {
        return each(systemId, duties, id -> plans.accept(systemId, id, null));
    }

    private int each(UUID systemId, List<UUID> duties, Consumer<UUID> action) {
        PlanAccess access = plans.access(systemId); // a stranger gets 404 before anything is said about the input
        LifecyclePlan plan = repo.findBySystem(systemId, false)
                .orElseThrow(() -> new NotFoundException(PlanService.OBJECT, systemId));
        List<UUID> ids = duties == null ? List.of() : duties.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            throw new ValidationException("duties", "lifecycle.batch.error.none");
        }
        if (ids.size() > MAX) {
            throw new ValidationException("duties", "lifecycle.batch.error.tooMany", ids.size(), MAX);
        }
        List<PlanDuty> found = new ArrayList<>();
        for (UUID id : ids) {
            PlanDuty d = plan.duty(id).filter(x -> access.seesWholePlan() || access.is(x.organisation()))
                    .orElseThrow(() -> new ValidationException("duties", "lifecycle.batch.error.unknown", id));
            found.add(d);
        }
        for (PlanDuty d : found) {
            try {
                action.accept(d.id());
            } catch (ForbiddenException e) {
                throw new PlanAccess.Refused(named(d, e.text()));
            } catch (ConflictException e) {
                throw new ConflictException(e.code(), named(d, e.text()));
            }
        }
        return found.size();
    }

    private Msg named(PlanDuty d, Msg refusal) {
        return Msg.of("lifecycle.batch.refused", plans.label(d), refusal);
    }
}
