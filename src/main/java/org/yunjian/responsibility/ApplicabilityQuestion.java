package org.yunjian.responsibility;

import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.Labelled;

/**
 * A condition T/CCIA 004-2024 §6–§9 puts on a duty ("当…时", "如需…", "…被认定为关键基础设施的"), asked as a question of
 * the matrix: answered no, the duty (and its sub-items) does not apply to the system; answered yes, it applies; not yet
 * answered, it applies unless the condition is a designation the system must first have received
 * ({@link #appliesUnanswered()}: 关键信息基础设施 is 认定, an act of the authorities, so a system is not CII until the
 * customer says it is). The answers are part of each matrix version. Display name (the question): bundle key
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
    PROVIDER_BUYS_FROM_PARTNERS("TCCIA004-6.6-b-3"),
    /**
     * 7.1.2 b) 2) "云服务系统被认定为关键基础设施的，物理设备的采购应满足网络安全审查相关的要求…" (issue 59): for a system designated
     * 关键信息基础设施 (CII) only, so not applying until answered yes.
     */
    SYSTEM_IS_CII("TCCIA004-7.1.2-b-2", false);

    private final RequirementId duty;
    private final String condition;
    private final boolean appliesUnanswered;

    ApplicabilityQuestion(String duty) {
        this(duty, true);
    }

    ApplicabilityQuestion(String duty, boolean appliesUnanswered) {
        this.duty = RequirementId.of(duty);
        this.condition = StandardWords.get("question." + name());
        this.appliesUnanswered = appliesUnanswered;
    }

    /**
     * Whether the duties the condition opens apply while the question is not answered: yes for a circumstance
     * ("当客户自行负责机房管理时": a duty is not dropped until the customer says it does not arise), no for a designation
     * ({@link #SYSTEM_IS_CII}: a system is not CII until designated).
     */
    public boolean appliesUnanswered() {
        return appliesUnanswered;
    }

    /** Whether the duties the condition opens apply under {@code answer} (null: not answered). */
    public boolean applies(Boolean answer) {
        return answer == null ? appliesUnanswered : answer;
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
