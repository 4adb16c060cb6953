package org.yunjian.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/**
 * One change of a risk register entry, kept for good (never edited): when, who (display name), which field — for a
 * milestone, which milestone ({@code subject}) — and the value before and after (null: none).
 */
public record RiskChange(
        UUID id,
        UUID remediationId,
        Instant at,
        String byName,
        RiskField field,
        String subject,
        String before,
        String after) {

    public RiskChange {
        Objects.requireNonNull(remediationId);
        Objects.requireNonNull(at);
        Objects.requireNonNull(byName);
        Objects.requireNonNull(field);
    }

    /** The changes between two values of the same entry, by one person at one time: those whose value differs. */
    public static final class Diff {
        private final UUID remediationId;
        private final Instant at;
        private final String byName;
        private final List<RiskChange> changes = new ArrayList<>();

        public Diff(UUID remediationId, Instant at, String byName) {
            this.remediationId = remediationId;
            this.at = at;
            this.byName = byName;
        }

        /** Adds a change of {@code field} if {@code before} and {@code after} differ (enums and dates as text). */
        public Diff field(RiskField field, Object before, Object after) {
            return field(field, null, before, after);
        }

        public Diff field(RiskField field, String subject, Object before, Object after) {
            String b = text(before);
            String a = text(after);
            if (!Objects.equals(b, a)) {
                changes.add(new RiskChange(UUID.randomUUID(), remediationId, at, byName, field, subject, b, a));
            }
            return this;
        }

        public List<RiskChange> changes() {
            return List.copyOf(changes);
        }

        private static String text(Object v) {
            if (v == null) {
                return null;
            }
            String s = v instanceof Enum<?> e ? e.name() : v.toString();
            return s.isBlank() ? null : s;
        }
    }

    /** The value before, as a person reads it in the current language ("—" for none). */
    public String shownBefore() {
        return shown(before);
    }

    /** The value after, as a person reads it in the current language ("—" for none). */
    public String shownAfter() {
        return shown(after);
    }

    private String shown(String value) {
        if (value == null) {
            return "—";
        }
        return switch (field) {
            case STATUS -> Msg.of(RemediationStatus.valueOf(value)).text();
            case TREATMENT -> Msg.of(RiskTreatment.valueOf(value)).text();
            case RISK_LEVEL -> Msg.of(RiskLevel.valueOf(value)).text();
            case DUE_DATE, ACCEPTANCE_EXPIRY, ACCEPTANCE_APPROVAL, MILESTONE_TARGET, MILESTONE_DONE ->
                Formats.date(LocalDate.parse(value));
            default -> value;
        };
    }
}
