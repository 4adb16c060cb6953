package org.yunjian.findings;

import java.util.Locale;
import org.yunjian.shared.FieldErrors.ValidationException;

/** What an imported file is: OSCAL assessment results or a plan of action and milestones. */
public enum ImportKind {
    RESULTS,
    POAM;

    /** The kind a client named ({@code results}, {@code poam}, any case); 400 naming {@code kind} otherwise. */
    public static ImportKind of(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (ImportKind k : values()) {
            if (k.name().equals(v)) {
                return k;
            }
        }
        throw new ValidationException("kind", "findings.error.kind");
    }
}
