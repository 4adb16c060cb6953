package org.yunjian.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.yunjian.responsibility.SystemIncidents.NewIncident;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;

/**
 * An alert a monitor raised: of one check {@code kind} and {@code subject} (the same finding found again while the
 * alert is not closed only moves {@code lastSeenAt}); {@code message} says what was found in the reader's language and
 * {@code detail} shows it (a diff, the text around a match). Acknowledged, then closed with a note by an organisation
 * responsible for the system; an alert of a kind that {@link #closesOnRecovery closes on recovery} (availability,
 * latency, certificate, DNS, dead link) closes itself when the next check finds its subject fine. A tampering or
 * availability alert may open one supervision incident (T/CCIA 004-2024 Annex B), whose id it keeps.
 */
public record Alert(
        UUID id,
        UUID monitorId,
        UUID systemId,
        CheckKind kind,
        String subject,
        Msg message,
        String detail,
        AlertStatus status,
        Instant openedAt,
        Instant lastSeenAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String closedBy,
        Instant closedAt,
        String closeNote,
        UUID incidentId,
        int version) {

    /** The subject of the alerts about the page as a whole (availability, its text changed): one per monitor. */
    public static final String PAGE = "page";

    /** How much of the detail (a diff, the text around a match) a drafted incident description quotes. */
    static final int DETAIL_LINES = 40;

    static final int DETAIL_CHARS = 4000;

    /** The longest note a person may give when closing. */
    public static final int NOTE_MAX = 2000;

    /** Whether the alert may be acknowledged now. */
    public boolean mayAcknowledge() {
        return status == AlertStatus.OPEN;
    }

    /** Whether the alert may be closed now (open or acknowledged). */
    public boolean mayClose() {
        return !status.closed();
    }

    /**
     * Whether the alert closes itself once the same subject is found fine again: the page answers (availability) or
     * answers in time (latency), the certificate was replaced, the domain resolves to approved addresses again, the
     * link answers, the linked domain's registration was renewed. What a person judges (tampering, hidden links, content, privacy) is closed by a person.
     */
    public boolean closesOnRecovery() {
        return switch (kind) {
            case AVAILABILITY, LATENCY, TLS, DNS, DEAD_LINK, EXTERNAL_DOMAIN -> true;
            default -> false;
        };
    }

    /**
     * Whether {@code checked} shows this alert recovered: it is not closed (one a person closed stays closed), closes
     * on recovery, and the check judged its subject without finding it again.
     */
    public boolean recoveredIn(CheckCoverage checked) {
        return mayClose()
                && closesOnRecovery()
                && checked.kind() == kind
                && checked.judged(subject)
                && !checked.found().contains(subject);
    }

    /** The note the platform closes it with on recovery: the page answers again, or the check found it fine. */
    public Msg recoveryNote() {
        return Msg.of(kind == CheckKind.AVAILABILITY ? "monitoring.alert.recovered" : "monitoring.alert.recoveredAuto");
    }

    /** Whether the platform closed it on recovery (no person did). */
    public boolean closedOnRecovery() {
        return status.closed() && closedBy == null;
    }

    /** How long the problem lasted: from the first sighting to the recovery; null unless closed on recovery. */
    public Duration outage() {
        return closedOnRecovery() && closedAt != null ? Duration.between(openedAt, closedAt) : null;
    }

    /** The outage's length as a person reads it; null unless closed on recovery. */
    public Msg outageLength() {
        Duration d = outage();
        return d == null ? null : outageText(d);
    }

    /** An outage's length as a person reads it: minutes, hours and minutes, or "under a minute". */
    public static Msg outageText(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes == 0) {
            return Msg.of("monitoring.alert.outageUnderMinute");
        }
        return minutes < 60
                ? Msg.of("monitoring.alert.outageMinutes", String.valueOf(minutes))
                : Msg.of("monitoring.alert.outageHours", String.valueOf(minutes / 60), String.valueOf(minutes % 60));
    }

    /**
     * Whether the alert may open a supervision incident: of a kind that does ({@link CheckKind#opensIncident}), and
     * none opened yet. Also once closed: an outage that recovered on its own is still an incident.
     */
    public boolean mayOpenIncident() {
        return kind.opensIncident() && incidentId == null;
    }

    /** Whether an incident was opened from the alert. */
    public boolean hasIncident() {
        return incidentId != null;
    }

    /**
     * The supervision incident as the alert describes it, in the reader's language: title (kind and monitor),
     * description (the finding, the monitor, the first lines of the detail), occurrence (the first sighting, to the
     * minute in the users' zone) and reference; {@code given}'s non-null fields win, and the Annex B incident is the
     * person's choice.
     */
    public NewIncident incidentDraft(Monitor m, NewIncident given) {
        NewIncident in = given == null ? new NewIncident(null, null, null, null, null) : given;
        Msg kindText = Msg.of(kind);
        String url = m.url().toString();
        String title = Text.shorten(
                Text.safeLine(Msg.of("monitoring.incident.draftTitle", kindText, m.name())
                        .text()),
                200);
        StringBuilder description = new StringBuilder(Msg.of(
                        "monitoring.incident.draftDescription",
                        Formats.minute(openedAt),
                        kindText,
                        message,
                        m.name(),
                        url,
                        Formats.minute(lastSeenAt))
                .text());
        if (!PAGE.equals(subject)) {
            description
                    .append('\n')
                    .append(Msg.of("monitoring.incident.draftSubject", subject).text());
        }
        if (detail != null && !detail.isBlank()) {
            description
                    .append("\n\n")
                    .append(Msg.of("monitoring.incident.draftDetail").text())
                    .append('\n')
                    .append(summary(detail));
        }
        String reference = Text.shorten(
                Text.safeLine(Msg.of("monitoring.incident.draftReference", kindText, m.name(), Formats.minute(openedAt))
                        .text()),
                200);
        String occurred = LocalDateTime.ofInstant(openedAt, Formats.zone())
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        return new NewIncident(
                in.incident(),
                in.occurredAt() != null ? in.occurredAt() : occurred,
                in.title() != null ? in.title() : title,
                in.description() != null ? in.description() : Text.shorten(Text.safe(description.toString()), 10_000),
                in.reference() != null ? in.reference() : reference);
    }

    /** The first lines of the alert's detail (a unified diff reads from its top), marked when cut. */
    static String summary(String detail) {
        List<String> lines = detail.lines().toList();
        String head = String.join("\n", lines.subList(0, Math.min(lines.size(), DETAIL_LINES)));
        String cut = Text.shorten(head, DETAIL_CHARS);
        return lines.size() > DETAIL_LINES && cut.equals(head)
                ? head + "\n" + Msg.of("monitoring.incident.draftCut").text()
                : cut;
    }
}
