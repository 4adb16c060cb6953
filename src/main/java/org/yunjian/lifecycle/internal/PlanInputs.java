package org.yunjian.lifecycle.internal;

import java.util.Arrays;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Msg;

/** Inputs of the plan as they arrive as text (forms, JSON, CLI), turned into values with a per-field error. */
public final class PlanInputs {

    private PlanInputs() {}

    /** A duty status by its code; a missing or unknown one names the codes allowed. */
    public static DutyStatus status(String code) {
        String allowed = String.join(
                ", ",
                Arrays.stream(DutyStatus.values())
                        .map(s -> s.name() + " (" + Msg.of(s).text() + ")")
                        .toList());
        if (code == null || code.isBlank()) {
            throw new ValidationException("status", "lifecycle.duty.error.statusRequired", allowed);
        }
        try {
            return DutyStatus.valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("status", "lifecycle.duty.error.statusUnknown", code.strip(), allowed);
        }
    }
}
