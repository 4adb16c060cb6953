package org.yunjian.lifecycle.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.shared.Msg;

/** What stands in the way of closing a phase, one line per obstacle, for the person (pages, problems, CLI). */
public final class GateTexts {

    private GateTexts() {}

    /**
     * One obstacle.
     *
     * @param text   what is in the way, rendered in the reader's language
     * @param source the standard's text it comes from (verbatim), or null
     * @param dutyId the duty it is about, or null
     */
    @Schema(name = "GateTextLine")
    public record Line(String text, String source, UUID dutyId) {}

    public static List<Line> lines(PlanService.GateView g, Map<UUID, String> organisations, Catalog catalog) {
        List<Line> out = new ArrayList<>();
        for (LifecyclePlan.Stage s : g.gate().earlierOpen()) {
            out.add(new Line(Msg.of("lifecycle.gate.earlierOpen", s.name()).text(), null, null));
        }
        for (PlanDuty d : g.gate().unsettled()) {
            Msg state = d.status() == org.yunjian.lifecycle.DutyStatus.DONE
                            || d.status() == org.yunjian.lifecycle.DutyStatus.NOT_APPLICABLE
                    ? Msg.of("lifecycle.gate.awaitingAcceptance", Msg.of(d.status()))
                    : Msg.of(d.status());
            out.add(new Line(
                    Msg.of(
                                    "lifecycle.gate.duty",
                                    cited(d, catalog),
                                    organisations.getOrDefault(d.organisation(), ""),
                                    state)
                            .text(),
                    null,
                    d.id()));
        }
        for (PhaseGateCondition.Unmet u : g.unmet()) {
            out.add(new Line(u.what().text(), u.source(), null));
        }
        return out;
    }

    /** The duty's clause as {@link ClauseLabel} labels it (6.1 第1段, 6.2.1 a)), for the plan's own tables. */
    public static String clause(PlanDuty d, Catalog catalog) {
        return catalog.requirement(d.requirement())
                .map(ClauseLabel::text)
                .orElse(d.requirement().value());
    }

    /**
     * The duty's clause as a gate line shows it, after its standard's short name (a gate lists duties and rules of
     * several standards side by side): {@code 政府网站云计算服务安全指南 6.1 第1段}, {@code GB/T 31167 9.1 1.}.
     */
    public static String cited(PlanDuty d, Catalog catalog) {
        return catalog.requirement(d.requirement())
                .map(r -> ClauseLabel.cited(r).text())
                .orElse(d.requirement().value());
    }
}
