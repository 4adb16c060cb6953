package org.yunjian.lifecycle.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.shared.version.VersionRefusal;

/**
 * Several duties of a plan changed at once — a phase of the government-website guide has some sixty duties, and
 * setting them one page at a time is how checklists end up in Word again. Each duty goes through the same rules as
 * alone ({@link PlanService#setStatus}, {@link PlanService#accept}: who may change it, nobody accepts their own work,
 * closed phases frozen) and is audited alone; the batch is all or nothing: the first refusal names the duty and
 * nothing of the batch is stored.
 *
 * <p>Optimistic locking per row: each duty listed names the version of it that was read (the duties' own versions,
 * as when changed one at a time). A row naming none refuses the batch with 428; a duty someone else changed since
 * refuses the whole batch with {@link StaleDuty} (409) naming it, so a checklist ticked on an old page never
 * overwrites a newer state unseen.
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

    /** One duty of a batch and the version of it the caller read ({@code null}: none named, refused with 428). */
    public record Row(UUID duty, Long version) {}

    /**
     * The batch was refused because one duty changed since it was read: the stale-version conflict of that duty,
     * its text naming the duty; nothing of the batch was stored.
     */
    public static final class StaleDuty extends ConflictException implements VersionRefusal {

        private final UUID duty;
        private final StaleVersionException stale;
        private final Msg formText;

        StaleDuty(UUID duty, Msg text, Msg formText, StaleVersionException stale) {
            super(stale.code(), text);
            this.duty = duty;
            this.stale = stale;
            this.formText = formText;
        }

        public UUID duty() {
            return duty;
        }

        public StaleVersionException stale() {
            return stale;
        }

        /** The stale-version problem of the duty (its title, version and time), {@code duty} naming it. */
        @Override
        public String problemTitle() {
            return stale.problemTitle();
        }

        @Override
        public java.util.Map<String, Object> problemProperties() {
            java.util.Map<String, Object> p = new java.util.LinkedHashMap<>(stale.problemProperties());
            p.put("duty", duty);
            return p;
        }

        /** The text the plan page shows over the batch form: the duty named, the ticked input kept. */
        @Override
        public String formText() {
            return formText.text();
        }

        @Override
        public String formText(Action action) {
            return stale.formText(action);
        }

        @Override
        public RuntimeException naming(Msg record) {
            return stale.naming(record);
        }

        @Override
        public Long formVersion() {
            return stale.formVersion();
        }
    }

    /** Sets the status of every duty listed; returns how many were listed. */
    @Transactional
    public int setStatus(UUID systemId, List<Row> duties, DutyStatus status, String reason) {
        return each(
                systemId,
                duties,
                r -> plans.setStatus(systemId, r.duty(), ExpectedVersion.of(null, r.version()), status, reason));
    }

    /** Accepts (or, for one declared not applicable, waives) every duty listed; returns how many were listed. */
    @Transactional
    public int accept(UUID systemId, List<Row> duties) {
        return each(systemId, duties, r -> plans.accept(systemId, r.duty(), ExpectedVersion.of(null, r.version())));
    }

    private int each(UUID systemId, List<Row> rows, Consumer<Row> action) {
        PlanAccess access = plans.access(systemId); // a stranger gets 404 before anything is said about the input
        LifecyclePlan plan = repo.findBySystem(systemId, false)
                .orElseThrow(() -> new NotFoundException(PlanService.OBJECT, systemId));
        Map<UUID, Row> byDuty = new LinkedHashMap<>();
        (rows == null ? List.<Row>of() : rows)
                .stream().filter(r -> r != null && r.duty() != null).forEach(r -> byDuty.putIfAbsent(r.duty(), r));
        List<UUID> ids = List.copyOf(byDuty.keySet());
        if (ids.isEmpty()) {
            throw new ValidationException("duties", "lifecycle.batch.error.none");
        }
        if (ids.size() > MAX) {
            throw new ValidationException("duties", "lifecycle.batch.error.tooMany", ids.size(), MAX);
        }
        List<PlanDuty> found = new ArrayList<>();
        for (UUID id : ids) {
            PlanDuty d = plan.duty(id)
                    .filter(x -> access.seesWholePlan() || access.is(x.organisation()))
                    .orElseThrow(() -> new ValidationException("duties", "lifecycle.batch.error.unknown", id));
            found.add(d);
        }
        for (PlanDuty d : found) {
            try {
                action.accept(byDuty.get(d.id()));
            } catch (StaleVersionException e) {
                throw new StaleDuty(
                        d.id(), named(d, e.text()), Msg.of("lifecycle.batch.refused", plans.label(d), e.formText()), e);
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
