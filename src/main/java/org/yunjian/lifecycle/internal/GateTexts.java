package org.yunjian.lifecycle.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.responsibility.RuleQuote;
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
            out.add(new Line(Msg.of("lifecycle.gate.earlierOpen", s.term()).text(), null, null));
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

    /**
     * The duty's clause and item as the standard numbers them ({@code 5.2 a)}, {@code 7.4.2 3)}); a duty the guide
     * states in a section's lead-in is shown as that section's lead-in, and an unnumbered paragraph (numbered by the
     * catalog) by its position — never as a numbered item the standard does not have.
     */
    public static String clause(PlanDuty d, Catalog catalog) {
        return catalog.requirement(d.requirement()).map(GateTexts::clauseOf).orElse(d.requirement().value());
    }

    /** {@link #clause(PlanDuty, Catalog)} of a requirement of the catalog. */
    public static String clauseOf(Requirement r) {
        return clauseMsg(r).text();
    }

    /** The same as a message, for texts read later in their reader's language (audit details). */
    public static Msg clauseMsg(Requirement r) {
        if (r.derivedFromLeadIn()) {
            return Msg.of("lifecycle.clause.leadIn", r.clause());
        }
        return r.numberingReconstructed() && r.item() != null && r.item().matches("[0-9]+")
                ? Msg.of("lifecycle.clause.paragraph", r.clause(), r.item())
                : Msg.of("lifecycle.clause.ref", RuleQuote.ref(r));
    }
}
