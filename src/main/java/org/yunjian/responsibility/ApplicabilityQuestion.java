package org.yunjian.responsibility;

import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.Labelled;

/**
 * A condition T/CCIA 004-2024 §6–§9 puts on a duty ("当…时", "如需…"), asked as a question of the matrix: answered
 * no, the duty (and its sub-items) does not apply to the system; answered yes or not yet answered, it applies. The
 * answers are part of each matrix version. Display name (the question): bundle key
 * {@code enum.ApplicabilityQuestion.<CONSTANT>}.
 *
 * <p>Not questions: the "（如需）" of 6.1 a) (the licence the provider needs anyway, under the 办法 it cites) and the
 * "如，当…" of 8.2.4 a) 2) (an example inside a duty that applies regardless).
 */
public enum ApplicabilityQuestion implements Labelled {
    /** 7.2 a). */
    CUSTOMER_RUNS_MACHINE_ROOM("TCCIA004-7.2-a"),
    /** 7.1.3 a). */
    CUSTOMER_BUILDS_PHYSICAL_NETWORK("TCCIA004-7.1.3-a"),
    /** 7.2 c) 2) with its sub-items 1)–3). */
    OM_RUNS_MACHINE_ROOM("TCCIA004-7.2-c-2"),
    /** 6.6 b) 3). */
    PROVIDER_BUYS_FROM_PARTNERS("TCCIA004-6.6-b-3");

    private final RequirementId duty;
    private final String condition;

    ApplicabilityQuestion(String duty) {
        this.duty = RequirementId.of(duty);
        this.condition = StandardWords.get("question." + name());
    }

    /** The duty the condition opens; its sub-items share it. */
    public RequirementId duty() {
        return duty;
    }

    /**
     * The condition as the standard words it, verbatim from the duty's text
     * ({@code responsibility/standard-words.properties}).
     */
    public String condition() {
        return condition;
    }
}
