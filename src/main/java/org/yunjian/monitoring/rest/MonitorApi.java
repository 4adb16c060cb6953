package org.yunjian.monitoring.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.internal.AlertIncidents;
import org.yunjian.monitoring.internal.AlertService;
import org.yunjian.monitoring.internal.MonitorService;
import org.yunjian.monitoring.internal.ProbeService;
import org.yunjian.monitoring.rest.MonitorDtos.AlertResponse;
import org.yunjian.monitoring.rest.MonitorDtos.BaselineResponse;
import org.yunjian.monitoring.rest.MonitorDtos.CloseRequest;
import org.yunjian.monitoring.rest.MonitorDtos.MonitorRequest;
import org.yunjian.monitoring.rest.MonitorDtos.MonitorResponse;
import org.yunjian.monitoring.rest.MonitorDtos.ProbeResponse;
import org.yunjian.monitoring.rest.MonitorDtos.VersionRequest;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versions;

/**
 * REST for website monitoring (政府网站指南 8.4.1): a system's monitors (whoever sees the system reads them, others
 * get 404; the customer and system administrators set them up), probes run now, the baseline the customer approves,
 * and the alerts the responsible organisations acknowledge and close. Changes name the version they replace
 * ({@code If-Match} or the body's {@code version}): 428 without, 409 when stale.
 */
@RestController
@Tag(name = "monitoring", description = "网站安全监测 Website security monitoring")
class MonitorApi {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    private final MonitorService monitors;
    private final ProbeService probes;
    private final AlertService alerts;
    private final AlertIncidents incidents;

    MonitorApi(MonitorService monitors, ProbeService probes, AlertService alerts, AlertIncidents incidents) {
        this.monitors = monitors;
        this.probes = probes;
        this.alerts = alerts;
        this.incidents = incidents;
    }

    @GetMapping("/api/systems/{id}/monitors")
    @PreAuthorize(WHO)
    @Operation(summary = "The system's monitors by name; one page (page from 1, size 1-200, default 50) with the total")
    Paged<MonitorResponse> list(
            @PathVariable UUID id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return Paged.slice(monitors.ofSystem(id), PageRequest.of(page, size)).map(MonitorResponse::of);
    }

    @PostMapping("/api/systems/{id}/monitors")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Add a monitor (customer or system administrator): name and an http(s) url required; method GET "
                    + "or HEAD, expectedStatus (200), keyword, intervalSeconds 60-86400 (300), timeoutSeconds 1-60 (10), "
                    + "crawlDepth 0-3 (0), failuresBeforeAlert 1-10 (3), dynamicRegions (CSS selectors), allowedHosts; "
                    + "slowAboveMillis 50-60000 (none: latency not watched; that many slow answers in a row as "
                    + "failuresBeforeAlert raise LATENCY); for the DNS/IP check domainName, approvedAddresses (CIDR), "
                    + "approvedRegions [{name, ranges: [CIDR]}] (declared ranges, not geolocation: an address outside "
                    + "all of them raises a DNS alert naming it), expiryWarningDays 1-365 (30); "
                    + "201 with the monitor, first probed at once; 400 naming every problem (a bad region: "
                    + "approvedRegions and its number)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MonitorResponse> create(@PathVariable UUID id, @RequestBody(required = false) MonitorRequest body) {
        Monitor m = monitors.create(id, settings(body));
        return ResponseEntity.created(URI.create("/api/monitors/" + m.id()))
                .eTag(Versions.etag(m.version()))
                .body(MonitorResponse.of(m));
    }

    @GetMapping("/api/monitors/{id}")
    @PreAuthorize(WHO)
    @Operation(summary = "One monitor, its version as the ETag a change names in If-Match")
    ResponseEntity<MonitorResponse> one(@PathVariable UUID id) {
        return tagged(monitors.one(id).monitor());
    }

    @PutMapping("/api/monitors/{id}")
    @PreAuthorize(WHO)
    @Operation(summary = "Change the monitor's settings (as when adding it); names the version read")
    ResponseEntity<MonitorResponse> update(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) MonitorRequest body) {
        return tagged(
                monitors.update(id, settings(body), ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
    }

    @PostMapping("/api/monitors/{id}/pause")
    @PreAuthorize(WHO)
    @Operation(summary = "Pause the monitor: no probes until resumed; names the version read")
    ResponseEntity<MonitorResponse> pause(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest body) {
        return tagged(monitors.pause(id, true, version(ifMatch, body)));
    }

    @PostMapping("/api/monitors/{id}/resume")
    @PreAuthorize(WHO)
    @Operation(summary = "Resume a paused monitor, probed at once; names the version read")
    ResponseEntity<MonitorResponse> resume(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest body) {
        return tagged(monitors.pause(id, false, version(ifMatch, body)));
    }

    @DeleteMapping("/api/monitors/{id}")
    @PreAuthorize(WHO)
    @Operation(summary = "Delete the monitor with its probes, baselines and alerts; names the version read; 204")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        monitors.delete(id, ExpectedVersion.of(ifMatch, null));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/monitors/{id}/run")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Probe now (the responsible organisations): the probe's outcome, the SM3 of the response and the "
                    + "alerts it opened")
    ProbeResponse run(@PathVariable UUID id) {
        return ProbeResponse.of(probes.runNow(id));
    }

    @PostMapping("/api/monitors/{id}/baseline")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Approve the page's current content as the baseline tampering is judged against (a user of the "
                    + "system's customer; audited); 201 with its SM3")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<BaselineResponse> baseline(@PathVariable UUID id) {
        var b = probes.approveBaseline(id);
        return ResponseEntity.status(201)
                .body(new BaselineResponse(id, b.textSm3(), b.resources(), b.approvedBy(), b.approvedAt()));
    }

    @GetMapping("/api/monitors/{id}/probes")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The monitor's latest 100 probes, newest first; one page (page from 1, size 1-200, default 50)")
    Paged<ProbeResponse> probes(
            @PathVariable UUID id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return Paged.slice(probes.recent(id), PageRequest.of(page, size))
                .map(p -> ProbeResponse.of(new ProbeService.Report(p, List.of())));
    }

    @GetMapping("/api/monitors/{id}/alerts")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The monitor's alerts, newest first; open=true: only those not closed; one page (page from 1, "
                    + "size 1-200, default 50) with the total")
    Paged<AlertResponse> alerts(
            @PathVariable UUID id,
            @RequestParam(required = false, defaultValue = "false") boolean open,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return Paged.slice(alerts.ofMonitor(id, open), PageRequest.of(page, size))
                .map(AlertResponse::of);
    }

    @GetMapping("/api/monitoring/alerts/{id}")
    @PreAuthorize(WHO)
    @Operation(summary = "One alert, its version as the ETag")
    ResponseEntity<AlertResponse> alert(@PathVariable UUID id) {
        AlertResponse r = AlertResponse.of(alerts.one(id).alert());
        return ResponseEntity.ok().eTag(Versions.etag(r.version())).body(r);
    }

    @PostMapping("/api/monitoring/alerts/{id}/acknowledge")
    @PreAuthorize(WHO)
    @Operation(summary = "Acknowledge an open alert (the responsible organisations); names the version read")
    AlertResponse acknowledge(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest body) {
        return AlertResponse.of(alerts.acknowledge(id, version(ifMatch, body)));
    }

    @PostMapping("/api/monitoring/alerts/{id}/close")
    @PreAuthorize(WHO)
    @Operation(summary = "Close an alert with a note saying how it was handled (required); names the version read")
    AlertResponse close(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) CloseRequest body) {
        return AlertResponse.of(alerts.close(
                id,
                body == null ? null : body.note(),
                ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
    }

    @PostMapping("/api/monitoring/alerts/{id}/incident")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Record a supervision incident (T/CCIA 004-2024 Annex B) from a tampering or availability alert: "
                    + "incident (e.g. TCCIA004-B-14) required; occurredAt, title, description and reference taken from "
                    + "the alert when left out. Users of the system's customer or provider (403 otherwise); one per alert "
                    + "(409); 201 with the incident's id and page, the alert keeping its id; 400 naming every problem")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AlertIncidentDtos.AlertIncidentResponse> incident(
            @PathVariable UUID id, @RequestBody(required = false) AlertIncidentDtos.AlertIncidentRequest body) {
        AlertIncidents.Opened o = incidents.open(
                id,
                body == null
                        ? new AlertIncidentDtos.AlertIncidentRequest(null, null, null, null, null).input()
                        : body.input());
        return ResponseEntity.created(URI.create(o.resource())).body(AlertIncidentDtos.AlertIncidentResponse.of(o));
    }

    private static Monitor.Settings settings(MonitorRequest body) {
        return body == null ? Monitor.Settings.page(null, null, null) : body.settings();
    }

    private static ExpectedVersion version(String ifMatch, VersionRequest body) {
        return ExpectedVersion.of(ifMatch, body == null ? null : body.version());
    }

    private static ResponseEntity<MonitorResponse> tagged(Monitor m) {
        return ResponseEntity.ok().eTag(Versions.etag(m.version())).body(MonitorResponse.of(m));
    }
}
