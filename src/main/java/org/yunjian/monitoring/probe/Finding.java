package org.yunjian.monitoring.probe;

import java.util.Objects;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Msg;

/**
 * One thing a probe found: of a {@code kind}; {@code subject} names it stably across probes (the link's URL, the
 * masked number, the word, {@code "page"}), so the same finding found again raises no second alert; {@code message}
 * says it to a person in their language; {@code detail}, when not null, is shown as it is (a diff, the text around a
 * match) and never holds a personal number in full.
 */
public record Finding(CheckKind kind, String subject, Msg message, String detail) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }
}
