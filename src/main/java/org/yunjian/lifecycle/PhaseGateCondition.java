package org.yunjian.lifecycle;

import java.util.List;
import java.util.UUID;
import org.yunjian.catalog.Phase;
import org.yunjian.shared.Msg;

/**
 * A condition beyond the duties that a phase of a system's plan must meet before the customer may close it — for
 * example, no mandatory contract clause missing before the acquisition phase closes. Every Spring bean implementing
 * it is asked when a phase is closed; each unmet condition is shown to the person with the standard's text it comes
 * from, and the phase stays open.
 */
public interface PhaseGateCondition {

    /** What still stands in the way of closing {@code phase} of the system's plan; empty if nothing. */
    List<Unmet> unmet(UUID systemId, Phase phase);

    /**
     * One unmet condition.
     *
     * @param what   what is missing, for the person ("合同未约定：数据的所有权……")
     * @param source the standard's text that asks for it (clause number and words, verbatim), or null
     */
    record Unmet(Msg what, String source) {}
}
