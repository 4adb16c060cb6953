package org.yunjian.monitoring;

import java.util.List;
import org.yunjian.shared.Msg;

/**
 * The monitoring offers on a duty or an assessment item as the REST API shows them (one shape for both): the control,
 * the check kinds behind it with their labels, the months offered, latest first, and whether the caller may attach one.
 */
public record MonitoringOffersResponse(String control, List<Kind> kinds, List<Month> months, boolean mayAttach) {

    /** A check kind: its code and its label in the reader's language. */
    public record Kind(String code, String label) {}

    /** A month offered: {@code 2026-10}, the file's name and how many times the control's checks ran in it. */
    public record Month(String month, String fileName, long checks) {}

    public static MonitoringOffersResponse of(MonitoringEvidence.Offers offers, boolean mayAttach) {
        return new MonitoringOffersResponse(
                offers.control() == null ? null : offers.control().value(),
                offers.kinds().stream()
                        .map(k -> new Kind(k.name(), Msg.of(k).text()))
                        .toList(),
                offers.months().stream()
                        .map(o -> new Month(o.month(), o.fileName(), o.checks()))
                        .toList(),
                mayAttach && !offers.isEmpty());
    }
}
