package org.yunjian.monitoring;

import java.util.List;
import java.util.UUID;
import org.yunjian.catalog.RequirementId;

/**
 * Website monitoring offered as evidence (issue 38): for a system and a catalog control that {@link
 * MonitoringCoverage} lists, the monthly 网站安全监测月报 of each closed month the control's checks ran in, latest first, and the
 * offered file itself, for lifecycle duties and assessment items to store as their own evidence. Whoever sees the
 * system sees the offers (others get 404).
 */
public interface MonitoringEvidence {

    /** How many closed months are offered at most. */
    int MONTHS = 12;

    /**
     * One closed month's report: {@code 2026-10}, the file name it is stored under, how many times the control's checks ran in it and, when
     * the month was issued as a record, its report number (the offered file is then the stored one, byte for byte).
     */
    record Offer(String month, String fileName, long checks, String reportNumber) {

        /** Whether the offered file is the issued record rather than a report rendered from today's data. */
        public boolean issued() {
            return reportNumber != null;
        }
    }

    /**
     * What is offered for a control: the check kinds behind it (empty: none), whether the system has monitors, and the
     * months, latest first.
     */
    record Offers(RequirementId control, List<CheckKind> kinds, boolean monitored, List<Offer> months) {
        public Offers {
            kinds = List.copyOf(kinds);
            months = List.copyOf(months);
        }

        /** Whether the control is one monitoring supports. */
        public boolean covered() {
            return !kinds.isEmpty();
        }

        /** Whether a panel shows: the control is covered and the system has monitors (even with no month yet). */
        public boolean shown() {
            return covered() && monitored;
        }

        /** The check kinds' labels joined, in the reader's language. */
        public org.yunjian.shared.Msg kindsText() {
            return org.yunjian.shared.Msg.joined(
                    "monitoring.offer.kindJoin",
                    kinds.stream().map(org.yunjian.shared.Msg::of).toList());
        }

        public boolean isEmpty() {
            return months.isEmpty();
        }
    }

    /** An offered file: its name, media type and bytes. */
    record OfferedFile(String name, String contentType, byte[] content) {}

    /** The offers for {@code control} on {@code systemId}; 404 if the caller does not see the system. */
    Offers offers(UUID systemId, RequirementId control);

    /**
     * The report of {@code month} offered for {@code control} on {@code systemId}, as a PDF in the reader's language: the
     * issued record's stored file when the month was issued, else rendered now.
     *
     * @throws org.yunjian.shared.FieldErrors.ValidationException naming {@code month} if that month is not offered
     */
    OfferedFile file(UUID systemId, RequirementId control, String month);

    /** {@link #offers(UUID, RequirementId)} by the control's id as stored elsewhere (malformed: none covered). */
    default Offers offers(UUID systemId, String control) {
        return offers(systemId, controlOf(control));
    }

    /** {@link #file(UUID, RequirementId, String)} by the control's id as stored elsewhere. */
    default OfferedFile file(UUID systemId, String control, String month) {
        return file(systemId, controlOf(control), month);
    }

    /**
     * The months of {@code offers} whose file is among {@code fileNames} (the evidence already stored there), named in
     * either language.
     */
    static java.util.Set<String> attached(Offers offers, java.util.Collection<String> fileNames) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Offer o : offers.months()) {
            if (fileNames.contains(fileName(o.month(), org.yunjian.shared.Texts.CHINESE))
                    || fileNames.contains(fileName(o.month(), org.yunjian.shared.Texts.ENGLISH))) {
                out.add(o.month());
            }
        }
        return out;
    }

    /**
     * Refuses a second copy: 409 naming {@code month} when its report is among {@code fileNames} (the evidence stored
     * where it would go), in either language.
     */
    static void requireNotAttached(String month, java.util.Collection<String> fileNames) {
        String m = month == null ? "" : month.strip();
        if (fileNames.contains(fileName(m, org.yunjian.shared.Texts.CHINESE))
                || fileNames.contains(fileName(m, org.yunjian.shared.Texts.ENGLISH))) {
            throw new org.yunjian.shared.ConflictException(
                    "monitoring-report-attached", "monitoring.offer.error.attached", m);
        }
    }

    /** The offered file of {@code month} in {@code language}: {@code 安全运行报告-2026-10.pdf}. */
    static String fileName(String month, java.util.Locale language) {
        return org.yunjian.shared.Texts.render(org.yunjian.shared.Msg.of("monitoring.report.kind"), language) + "-"
                + month + ".pdf";
    }

    private static RequirementId controlOf(String control) {
        return RequirementId.isWellFormed(control) ? RequirementId.of(control) : null;
    }
}
