package org.yunjian.monitoring.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.ProbeOutcome;
import org.yunjian.monitoring.internal.ProbeService;

/** The monitoring REST bodies. */
final class MonitorDtos {

    private MonitorDtos() {}

    /**
     * A monitor's settings; {@code name} and {@code url} required, the rest defaulted (GET, 200, 300 s, 10 s, 0, 3; no
     * approved addresses, 30 days' warning, the URL's host as the domain checked).
     */
    record MonitorRequest(
            String name,
            String url,
            String method,
            Integer expectedStatus,
            String keyword,
            Integer intervalSeconds,
            Integer timeoutSeconds,
            Integer crawlDepth,
            Integer failuresBeforeAlert,
            List<String> dynamicRegions,
            List<String> allowedHosts,
            List<String> approvedAddresses,
            Integer expiryWarningDays,
            String domainName,
            Integer slowAboveMillis,
            List<RegionBody> approvedRegions,
            Long version) {

        Monitor.Settings settings() {
            return new Monitor.Settings(
                    name,
                    url,
                    method,
                    text(expectedStatus),
                    keyword,
                    text(intervalSeconds),
                    text(timeoutSeconds),
                    text(crawlDepth),
                    text(failuresBeforeAlert),
                    dynamicRegions == null ? null : String.join("\n", dynamicRegions),
                    allowedHosts == null ? null : String.join("\n", allowedHosts),
                    approvedAddresses == null ? null : String.join("\n", approvedAddresses),
                    text(expiryWarningDays),
                    domainName,
                    text(slowAboveMillis),
                    approvedRegions == null
                            ? null
                            : String.join(
                                    "\n",
                                    approvedRegions.stream()
                                            .map(RegionBody::line)
                                            .toList()));
        }

        private static String text(Integer n) {
            return n == null ? null : n.toString();
        }
    }

    record MonitorResponse(
            UUID id,
            UUID systemId,
            String name,
            String url,
            String method,
            int expectedStatus,
            String keyword,
            int intervalSeconds,
            int timeoutSeconds,
            int crawlDepth,
            int failuresBeforeAlert,
            List<String> dynamicRegions,
            List<String> allowedHosts,
            List<String> approvedAddresses,
            int expiryWarningDays,
            String domainName,
            Integer slowAboveMillis,
            List<RegionBody> approvedRegions,
            boolean paused,
            int consecutiveFailures,
            Instant nextRunAt,
            Instant lastRunAt,
            ProbeOutcome lastOutcome,
            String stateLabel,
            long version) {

        static MonitorResponse of(Monitor m) {
            return new MonitorResponse(
                    m.id(),
                    m.systemId(),
                    m.name(),
                    m.url().toString(),
                    m.method(),
                    m.expectedStatus(),
                    m.keyword(),
                    m.intervalSeconds(),
                    m.timeoutSeconds(),
                    m.crawlDepth(),
                    m.failuresBeforeAlert(),
                    m.dynamicRegions(),
                    m.allowedHosts(),
                    m.approvedAddresses(),
                    m.expiryWarningDays(),
                    m.domainName(),
                    m.watch().slowAboveMillis(),
                    m.watch().approvedRegions().stream()
                            .map(r -> new RegionBody(
                                    r.name(),
                                    r.ranges().stream().map(Object::toString).toList()))
                            .toList(),
                    m.paused(),
                    m.consecutiveFailures(),
                    m.nextRunAt(),
                    m.lastRunAt(),
                    m.lastOutcome(),
                    org.yunjian.shared.Texts.get(
                            m.paused()
                                    ? "monitoring.paused"
                                    : m.lastOutcome() == null
                                            ? "monitoring.notYet"
                                            : "enum.ProbeOutcome." + m.lastOutcome()),
                    m.version());
        }
    }

    /**
     * An approved region: its name and the address ranges (CIDR) its provider publishes for it. A bad one is refused
     * naming {@code approvedRegions} and its number in the list.
     */
    record RegionBody(String name, List<String> ranges) {

        /** As the settings read it: {@code name: range, range}. */
        String line() {
            String n =
                    name == null ? "" : name.replace(':', ' ').replace('：', ' ').replace('\n', ' ');
            List<String> r = ranges == null ? List.of() : ranges;
            return n + ": "
                    + String.join(
                            ", ",
                            r.stream()
                                    .map(x -> x == null ? "" : x.replace('\n', ' '))
                                    .toList());
        }
    }

    /** A version-naming request without other fields (pause, resume, acknowledge). */
    record VersionRequest(Long version) {}

    record CloseRequest(String note, Long version) {}

    record AlertResponse(
            UUID id,
            UUID monitorId,
            UUID systemId,
            String kind,
            String kindLabel,
            String subject,
            String message,
            String detail,
            String status,
            String statusLabel,
            Instant openedAt,
            Instant lastSeenAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            String closedBy,
            Instant closedAt,
            String closeNote,
            UUID incidentId,
            boolean closedOnRecovery,
            Long outageSeconds,
            long version) {

        static AlertResponse of(Alert a) {
            return new AlertResponse(
                    a.id(),
                    a.monitorId(),
                    a.systemId(),
                    a.kind().name(),
                    a.kind().text().text(),
                    a.subject(),
                    a.message().text(),
                    a.detail(),
                    a.status().name(),
                    a.status().text().text(),
                    a.openedAt(),
                    a.lastSeenAt(),
                    a.acknowledgedBy(),
                    a.acknowledgedAt(),
                    a.closedBy(),
                    a.closedAt(),
                    a.closeNote() == null
                            ? null
                            : org.yunjian.shared.Msg.decode(a.closeNote()).text(),
                    a.incidentId(),
                    a.closedOnRecovery(),
                    a.outage() == null ? null : a.outage().toSeconds(),
                    a.version());
        }
    }

    record ProbeResponse(
            UUID id,
            Instant startedAt,
            long durationMs,
            ProbeOutcome outcome,
            String outcomeLabel,
            Integer httpStatus,
            String bodySm3,
            long bodyBytes,
            int findings,
            List<AlertResponse> alertsOpened) {

        static ProbeResponse of(ProbeService.Report r) {
            var p = r.probe();
            return new ProbeResponse(
                    p.id(),
                    p.startedAt(),
                    p.durationMs(),
                    p.outcome(),
                    p.outcome().text().text(),
                    p.httpStatus(),
                    p.bodySm3(),
                    p.bodyBytes(),
                    p.findings(),
                    r.opened().stream().map(AlertResponse::of).toList());
        }
    }

    record BaselineResponse(UUID monitorId, String textSm3, int resources, String approvedBy, Instant approvedAt) {}
}
