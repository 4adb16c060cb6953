package org.yunjian.lifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.RequirementId;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PlanDuty;

/** The plan page's groups: counts per phase and organisation, and which phase and groups open by themselves. */
class PlanGroupsTest {

    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID PROVIDER = UUID.randomUUID();
    static final Map<UUID, String> NAMES = Map.of(CUSTOMER, "客户", PROVIDER, "云服务商");
    static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    static PlanDuty duty(Phase phase, UUID organisation, DutyStatus status, boolean accepted, int n) {
        PlanDuty d = PlanDuty.assigned(UUID.randomUUID(), phase, RequirementId.of("GOV-6.1-" + n), n, organisation);
        return new PlanDuty(
                d.id(),
                d.planId(),
                phase,
                d.requirement(),
                n,
                organisation,
                null,
                status,
                null,
                null,
                null,
                null,
                accepted ? UUID.randomUUID() : null,
                accepted ? NOW : null,
                0);
    }

    static LifecyclePlan plan(boolean planningClosed, List<PlanDuty> duties) {
        return new LifecyclePlan(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "GOV",
                "PUBLIC",
                LifecyclePlan.AssignedFrom.ENGAGEMENTS,
                NOW,
                UUID.randomUUID(),
                List.of(
                        new LifecyclePlan.Stage(
                                Phase.PLANNING,
                                "规划准备",
                                0,
                                planningClosed ? NOW : null,
                                planningClosed ? UUID.randomUUID() : null),
                        new LifecyclePlan.Stage(Phase.ACQUISITION_MIGRATION, "部署迁移", 1, null, null)),
                duties);
    }

    @Test
    void countsEachPhaseAndEachResponsibleOrganisationAndOpensTheFirstPhaseWithDutiesToSettle() {
        List<PlanDuty> duties = List.of(
                duty(Phase.PLANNING, CUSTOMER, DutyStatus.DONE, true, 1),
                duty(Phase.PLANNING, PROVIDER, DutyStatus.DONE, false, 2),
                duty(Phase.PLANNING, PROVIDER, DutyStatus.NOT_STARTED, false, 3),
                duty(Phase.ACQUISITION_MIGRATION, CUSTOMER, DutyStatus.NOT_STARTED, false, 4));
        PlanGroups g = PlanGroups.of(plan(false, duties), duties, NAMES, null);

        assertThat(g.counts().get(Phase.PLANNING)).isEqualTo(new PlanGroups.Counts(3, 2, 1));
        assertThat(g.groups().get(Phase.PLANNING))
                .extracting(PlanGroups.Group::name, PlanGroups.Group::counts, PlanGroups.Group::open)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("客户", new PlanGroups.Counts(1, 1, 0), false),
                        org.assertj.core.groups.Tuple.tuple("云服务商", new PlanGroups.Counts(2, 1, 1), true));
        assertThat(g.opened()).isEqualTo(Phase.PLANNING);
    }

    @Test
    void opensThePhaseJustActedOnElseSkipsAClosedOrSettledPhase() {
        List<PlanDuty> duties = List.of(
                duty(Phase.PLANNING, CUSTOMER, DutyStatus.DONE, true, 1),
                duty(Phase.ACQUISITION_MIGRATION, CUSTOMER, DutyStatus.NOT_STARTED, false, 2));
        assertThat(PlanGroups.of(plan(false, duties), duties, NAMES, null).opened())
                .isEqualTo(Phase.ACQUISITION_MIGRATION);
        assertThat(PlanGroups.of(plan(true, duties), duties, NAMES, null).opened())
                .isEqualTo(Phase.ACQUISITION_MIGRATION);
        assertThat(PlanGroups.of(plan(false, duties), duties, NAMES, "PLANNING").opened())
                .isEqualTo(Phase.PLANNING);
    }
}
