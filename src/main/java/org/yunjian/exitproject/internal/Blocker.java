package org.yunjian.exitproject.internal;

import org.yunjian.shared.Msg;

/**
 * One thing that still stands between an exit project and its certificate: a stable code for machines
 * ({@code storage}, {@code verification} …) and its arguments; people read {@link #text()}.
 */
public record Blocker(String code, Object... args) {

    /** {@code exitproject.blocker.<code>} with the arguments. */
    public Msg text() {
        return Msg.of("exitproject.blocker." + code, args);
    }
}
