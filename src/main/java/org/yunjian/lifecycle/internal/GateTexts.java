package org.yunjian.lifecycle.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yunjian.catalog.Catalog;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.shared.Msg;

/** What stands in the way of closing a phase, one line per obstacle, for the person (pages, problems, CLI). */
public final class GateTexts {

    private GateTexts() {
    }

    /**
     * One obstacle.
     *
     * @param text   what is in the way, rendered in the reader's language
     * @param source the standard's text it comes from (verbatim), or null
     * @param dutyId the duty it is about, or null
     */
    @Schema(name = "GateTextLine")
    public record Line(String text, String source, UUID dutyId) {
    }

    public static List<Line> lines(PlanService.GateView g, Map<UUID, String> organisations, Catalog catalog) {
        List<Line> out = new ArrayList<>();
        for (LifecyclePlan.Stage s : g.gate().earlierOpen()) {
            out.add(new Line(Msg.of("lifecycle.gate.earlierOpen", s.name()).text(), null, null));
        }
        for (PlanDuty d : g.gate().unsettled()) {
            Msg state = d.status() == org.yunjian.lifecycle.DutyStatus.DONE
                    || d.status() == org.yunjian.lifecycle.DutyStatus.NOT_APPLICABLE
                    ? Msg.of("lifecycle.gate.awaitingAcceptance", Msg.of(d.status())) : Msg.of(d.status());
            out.add(new Line(Msg.of("lifecycle.gate.duty", clause(d, catalog),
                    organisations.getOrDefault(d.organisation(), ""), state).text(), null, d.id()));
        }
        for (PhaseGateCondition.Unmet u : g.unmet()) {
            out.add(new Line(u.what().text(), u.source(), null));
        }
        return out;
    }

    /** The duty's clause and item as the standard numbers them (5.2 a)). */
    public static String clause(PlanDuty d, Catalog catalog) {
        return catalog.requirement(d.requirement()).map(r -> clauseOf(r).text()).orElse(d.requirement().value());
    }

    /**
     * A requirement's place in its standard as a reader finds it there: the printed item marker (6.2.1 a)), a
     * paragraph the catalog numbered because the source prints no marker (6.1 第1段), or a section's lead-in that
     * the catalog lists as a duty (6.3.2 引导语) — never the catalog's internal item number.
     */
    public static Msg clauseOf(org.yunjian.catalog.Requirement r) {
        if (r.item() == null) {
            return Msg.of("lifecycle.duty.label", r.clause());
        }
        if (r.derivedFromLeadIn()) {
            return Msg.of("lifecycle.clause.leadIn", r.clause());
        }
        if (r.sourceLabel() == null && r.item().matches("\\d+")) {
            return Msg.of("lifecycle.clause.paragraph", r.clause(), r.item());
        }
        return Msg.of("lifecycle.duty.label", org.yunjian.responsibility.RuleQuote.ref(r));
    }
}
