package org.yunjian.responsibility;

import static org.yunjian.shared.FieldValues.stripped;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One hand-over of a duty's implementation work (实施工作转移), from the organisation that had it to the one that does
 * it now, under an agreement and its clause (T/CCIA 004-2024 §5 a) 3), b) 2), c)). A hop without agreement or
 * clause can be written down (a draft matrix may lack them) but fails the rule check.
 *
 * @param agreement   the contract or cooperation agreement by name, or null
 * @param clause      its clause, e.g. {@code 7.3}, or null
 * @param handedOverOn the day the work was handed over, or null where not known — the agreement must be signed by
 *                     then (§5 b) 2)); the rule check reports a hop without it ({@link Check#HOP_WITHOUT_HANDOVER_DAY})
 */
public record Hop(UUID from, UUID to, String agreement, String clause, LocalDate handedOverOn) {

    public Hop {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("hop: from == to");
        }
        agreement = stripped(agreement);
        clause = stripped(clause);
    }

    /** This hop handed over on {@code day}. */
    public Hop on(LocalDate day) {
        return new Hop(from, to, agreement, clause, day);
    }

    /** Whether the hop cites both an agreement and a clause. */
    public boolean cited() {
        return agreement != null && clause != null;
    }
}
