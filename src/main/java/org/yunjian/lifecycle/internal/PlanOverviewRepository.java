package org.yunjian.lifecycle.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.Phase;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.shared.Jdbc;

/**
 * The plans of many systems at once, for the cross-system overview: their stages, the duties past a date and the
 * duties of each plan's current phase — three indexed queries whatever the number of systems (in chunks of
 * {@value #CHUNK} systems), never one per plan.
 */
@Repository
class PlanOverviewRepository {

    static final int CHUNK = 500;

    private final JdbcClient jdbc;

    PlanOverviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A plan's head and stages, without duties. */
    record Head(
            UUID id,
            UUID systemId,
            String standard,
            String model,
            String from,
            UUID by,
            java.time.Instant at,
            List<LifecyclePlan.Stage> stages) {}

    /** The plans of the given systems, by plan id, with their stages in order. */
    Map<UUID, Head> plans(Collection<UUID> systems) {
        Map<UUID, Head> out = new LinkedHashMap<>();
        for (List<UUID> chunk : chunks(systems)) {
            Map<UUID, List<LifecyclePlan.Stage>> stages = new LinkedHashMap<>();
            jdbc.sql("""
                            SELECT s.* FROM lifecycle_stage s JOIN lifecycle_plan p ON p.id = s.plan_id
                            WHERE p.system_id IN (:systems) ORDER BY s.plan_id, s.position""")
                    .param("systems", chunk)
                    .query((rs, n) -> stages.computeIfAbsent(
                                    rs.getObject("plan_id", UUID.class), k -> new ArrayList<>())
                            .add(new LifecyclePlan.Stage(
                                    Phase.valueOf(rs.getString("phase")),
                                    rs.getString("term"),
                                    rs.getInt("position"),
                                    Jdbc.instant(rs, "closed_at"),
                                    rs.getObject("closed_by", UUID.class))))
                    .list();
            jdbc.sql("""
                    SELECT * FROM lifecycle_plan WHERE system_id IN (:systems)""")
                    .param("systems", chunk)
                    .query((rs, n) -> {
                        UUID id = rs.getObject("id", UUID.class);
                        return out.put(
                                id,
                                new Head(
                                        id,
                                        rs.getObject("system_id", UUID.class),
                                        rs.getString("standard_code"),
                                        rs.getString("deployment_model"),
                                        rs.getString("assigned_from"),
                                        rs.getObject("created_by", UUID.class),
                                        Jdbc.instant(rs, "created_at"),
                                        stages.getOrDefault(id, List.of())));
                    })
                    .list();
        }
        return out;
    }

    /**
     * The duties of the given systems' plans due before {@code day} (whatever their status: the domain decides which
     * are overdue), earliest first.
     */
    List<PlanDuty> dueBefore(Collection<UUID> plans, LocalDate day) {
        List<PlanDuty> out = new ArrayList<>();
        for (List<UUID> chunk : chunks(plans)) {
            out.addAll(jdbc.sql("""
                            SELECT * FROM lifecycle_duty WHERE plan_id IN (:plans) AND due_date < :day
                            ORDER BY due_date, position""")
                    .param("plans", chunk)
                    .param("day", Date.valueOf(day))
                    .query(PlanRepository::duty)
                    .list());
        }
        return out;
    }

    /**
     * The duties of the given plans in the phase given for each (their current phase), in the guide's order: one
     * query per phase on the duty table's plan index — a join with the stages and a correlated "first open stage"
     * made this the overview's slowest read.
     */
    List<PlanDuty> ofPhases(Map<Phase, List<UUID>> plansByPhase) {
        List<PlanDuty> out = new ArrayList<>();
        plansByPhase.forEach((phase, plans) -> {
            for (List<UUID> chunk : chunks(plans)) {
                out.addAll(jdbc.sql("""
                                SELECT * FROM lifecycle_duty WHERE plan_id IN (:plans) AND phase = :phase
                                ORDER BY plan_id, position""")
                        .param("plans", chunk)
                        .param("phase", phase.name())
                        .query(PlanRepository::duty)
                        .list());
            }
        });
        return out;
    }

    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<List<UUID>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
