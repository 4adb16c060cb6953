package org.yunjian.lifecycle;

import org.yunjian.shared.Labelled;

/** Where work on a duty of a lifecycle plan stands: 未开始 / 进行中 / 已完成 / 不适用. */
public enum DutyStatus implements Labelled {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    /** Does not apply to this system; a reason is required, and the customer's acceptance is the waiver. */
    NOT_APPLICABLE
}
