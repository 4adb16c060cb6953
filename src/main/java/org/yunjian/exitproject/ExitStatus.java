package org.yunjian.exitproject;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an exit project stands: 规划 → 移交 → 核验 → 删除 → 完成, and 核验 → 移交 to send a hand-over back
 * after a failed verification. Each forward move also has a precondition (see {@code ExitProject}).
 */
public enum ExitStatus {
    PLANNING,
    HANDOVER,
    VERIFICATION,
    DELETION,
    CLOSED;

    public Set<ExitStatus> next() {
        return switch (this) {
            case PLANNING -> EnumSet.of(HANDOVER);
            case HANDOVER -> EnumSet.of(VERIFICATION);
            case VERIFICATION -> EnumSet.of(DELETION, HANDOVER);
            case DELETION -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(ExitStatus.class);
        };
    }

    public boolean canMoveTo(ExitStatus target) {
        return next().contains(target);
    }
}
