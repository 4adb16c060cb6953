package org.yunjian.party;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.yunjian.shared.FieldErrors;

/**
 * Server-side filters of the system list; {@code null} = no filter. {@code nameContains} matches the name without
 * regard to case; {@code organization} keeps systems the organisation is customer, provider or agent of;
 * {@code level} the MLPS protection level; {@code phase} systems with an engagement in that lifecycle phase.
 */
public record SystemQuery(String nameContains, UUID organization, Integer level, LifecyclePhase phase) {

    public static final int Q_MAX = 200;

    public static SystemQuery none() {
        return new SystemQuery(null, null, null, null);
    }

    /** The filters from request parameters; each bad value is a 400 naming its parameter. */
    public static SystemQuery of(String q, String organization, String level, String phase) {
        FieldErrors errors = new FieldErrors();
        String name = q == null || q.isBlank() ? null : q.strip();
        if (name != null && name.length() > Q_MAX) {
            errors.add("q", "paging.error.tooLong", Q_MAX);
        }
        UUID org = null;
        if (organization != null && !organization.isBlank()) {
            try {
                org = UUID.fromString(organization.strip());
            } catch (IllegalArgumentException e) {
                errors.add("organization", "paging.error.uuid");
            }
        }
        Integer l = null;
        if (level != null && !level.isBlank()) {
            String v = level.strip();
            if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '4') {
                l = v.charAt(0) - '0';
            } else {
                errors.add("level", "paging.error.level");
            }
        }
        LifecyclePhase p = null;
        if (phase != null && !phase.isBlank()) {
            String v = phase.strip().toUpperCase(Locale.ROOT);
            p = Arrays.stream(LifecyclePhase.values())
                    .filter(x -> x.name().equals(v))
                    .findFirst()
                    .orElse(null);
            if (p == null) {
                errors.add("phase", "paging.error.phase");
            }
        }
        errors.throwIfAny();
        return new SystemQuery(name, org, l, p);
    }
}
