package org.yunjian.responsibility;

import org.yunjian.catalog.RequirementId;
import org.yunjian.party.Labelled;

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
    // 当客户自行负责机房管理时
    CUSTOMER_RUNS_MACHINE_ROOM("TCCIA004-7.2-a", "\u5f53\u5ba2\u6237\u81ea\u884c\u8d1f\u8d23\u673a\u623f\u7ba1\u7406\u65f6"),
    /** 7.1.3 a). */
    // 客户如需通过搭建物理网络以部署云上系统的
    CUSTOMER_BUILDS_PHYSICAL_NETWORK("TCCIA004-7.1.3-a", "\u5ba2\u6237\u5982\u9700\u901a\u8fc7\u642d\u5efa\u7269\u7406\u7f51\u7edc\u4ee5\u90e8\u7f72\u4e91\u4e0a\u7cfb\u7edf\u7684"),
    /** 7.2 c) 2) with its sub-items 1)–3). */
    // 当运维服务提供者负责机房管理、云服务提供者负责设备管理时
    OM_RUNS_MACHINE_ROOM("TCCIA004-7.2-c-2", "\u5f53\u8fd0\u7ef4\u670d\u52a1\u63d0\u4f9b\u8005\u8d1f\u8d23\u673a\u623f\u7ba1\u7406\u3001\u4e91\u670d\u52a1\u63d0\u4f9b\u8005\u8d1f\u8d23\u8bbe\u5907\u7ba1\u7406\u65f6"),
    /** 6.6 b) 3). */
    // 当云服务提供商采购软件、硬件、运维服务、安全服务时
    PROVIDER_BUYS_FROM_PARTNERS("TCCIA004-6.6-b-3", "\u5f53\u4e91\u670d\u52a1\u63d0\u4f9b\u5546\u91c7\u8d2d\u8f6f\u4ef6\u3001\u786c\u4ef6\u3001\u8fd0\u7ef4\u670d\u52a1\u3001\u5b89\u5168\u670d\u52a1\u65f6");

    private final RequirementId duty;
    private final String condition;

    ApplicabilityQuestion(String duty, String condition) {
        this.duty = RequirementId.of(duty);
        this.condition = condition;
    }

    /** The duty the condition opens; its sub-items share it. */
    public RequirementId duty() {
        return duty;
    }

    /** The condition as the standard words it, verbatim from the duty's text. */
    public String condition() {
        return condition;
    }
}
