package org.yunjian.catalog;

import org.yunjian.shared.Labelled;

/** The 等保 test methods (测评方法). */
public enum TestStepType implements Labelled {
    INTERVIEW,
    EXAMINE,
    TEST
}
