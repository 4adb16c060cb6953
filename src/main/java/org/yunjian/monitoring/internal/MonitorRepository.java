package org.yunjian.monitoring.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.Probe;
import org.yunjian.monitoring.ProbeOutcome;
import org.yunjian.monitoring.WatchSettings;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.version.Versions;

/** The monitors, their approved baselines and their probes' results. */
@Repository
class MonitorRepository {

    private static final String COLUMNS = """
            id, system_id, name, url, method, expected_status, keyword, interval_seconds, timeout_seconds, \
            crawl_depth, failures_before_alert, dynamic_regions, allowed_hosts, approved_addresses, expiry_warning_days, \
            domain_name, slow_above_ms, approved_regions, paused, consecutive_failures, \
            next_run_at, last_run_at, last_outcome, created_by, created_at, updated_at, version""";

    private final JdbcClient jdbc;

    MonitorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Monitor m) {
        jdbc.sql("""
                        INSERT INTO monitor (id, system_id, name, url, method, expected_status, keyword,
                        interval_seconds, timeout_seconds, crawl_depth, failures_before_alert, dynamic_regions,
                        allowed_hosts, approved_addresses, expiry_warning_days, domain_name, paused,
                        consecutive_failures, next_run_at, last_run_at, last_outcome, created_by, created_at,
                        updated_at, version, slow_above_ms, approved_regions)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
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
                        joined(m.dynamicRegions()),
                        joined(m.allowedHosts()),
                        joined(m.approvedAddresses()),
                        m.expiryWarningDays(),
                        m.domainName(),
                        m.paused(),
                        m.consecutiveFailures(),
                        utc(m.nextRunAt()),
                        utc(m.lastRunAt()),
                        m.lastOutcome() == null ? null : m.lastOutcome().name(),
                        m.createdBy(),
                        utc(m.createdAt()),
                        utc(m.updatedAt()),
                        m.version(),
                        m.watch().slowAboveMillis(),
                        joined(m.watch().regionLines()))
                .update();
        jdbc.sql("""
                        INSERT INTO monitor_network (monitor_id) VALUES (?)""").param(m.id()).update();
    }

    /** Stores a person's change to the settings or the pause if the monitor is still at {@code expected}. */
    void update(Monitor m, long expected) {
        int rows = jdbc.sql("""
                        UPDATE monitor SET name = ?, url = ?, method = ?, expected_status = ?, keyword = ?,
                        interval_seconds = ?, timeout_seconds = ?, crawl_depth = ?, failures_before_alert = ?,
                        dynamic_regions = ?, allowed_hosts = ?, approved_addresses = ?, expiry_warning_days = ?,
                        domain_name = ?, paused = ?, next_run_at = ?, updated_at = ?, slow_above_ms = ?,
                        approved_regions = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(
                        m.name(),
                        m.url().toString(),
                        m.method(),
                        m.expectedStatus(),
                        m.keyword(),
                        m.intervalSeconds(),
                        m.timeoutSeconds(),
                        m.crawlDepth(),
                        m.failuresBeforeAlert(),
                        joined(m.dynamicRegions()),
                        joined(m.allowedHosts()),
                        joined(m.approvedAddresses()),
                        m.expiryWarningDays(),
                        m.domainName(),
                        m.paused(),
                        utc(m.nextRunAt()),
                        utc(m.updatedAt()),
                        m.watch().slowAboveMillis(),
                        joined(m.watch().regionLines()),
                        m.id(),
                        expected)
                .update();
        Versions.requireUpdated(rows, jdbc, "monitor", "updated_at", m.id());
    }

    Optional<Monitor> find(UUID id) {
        return jdbc.sql("""
                        SELECT %s FROM monitor WHERE id = ?""".formatted(COLUMNS))
                .param(id)
                .query(MonitorRepository::monitor)
                .optional();
    }

    /**
     * One page of the monitors of {@code systemIds} (every system: {@code null}) whose name or address contains
     * {@code q}, by name, with the total.
     */
    org.yunjian.shared.paging.Paged<Monitor> matching(
            java.util.Collection<UUID> systemIds, String q, org.yunjian.shared.paging.PageRequest page) {
        return org.yunjian.shared.paging.PageQueries.query(
                jdbc,
                COLUMNS,
                MONITOR,
                new org.yunjian.shared.paging.PageQueries.Where()
                        .in("system_id", "ids", systemIds)
                        .contains("q", q, "name", "url"),
                BY_NAME,
                page,
                s -> s.query(MonitorRepository::monitor).list());
    }

    private static final String MONITOR = """
            monitor""";
    private static final String BY_NAME = """
            name, id""";

    List<Monitor> ofSystem(UUID systemId) {
        return jdbc.sql("""
                        SELECT %s FROM monitor WHERE system_id = ? ORDER BY name, id""".formatted(COLUMNS))
                .param(systemId)
                .query(MonitorRepository::monitor)
                .list();
    }

    /** Monitors not paused whose next probe is due at {@code now}, earliest first, at most {@code limit}. */
    List<Monitor> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT %s FROM monitor WHERE paused = FALSE AND next_run_at <= ?
                        ORDER BY next_run_at, id LIMIT ?""".formatted(COLUMNS))
                .params(utc(now), limit)
                .query(MonitorRepository::monitor)
                .list();
    }

    /**
     * Takes the monitor's due probe for this node: moves its next run from the time read to {@code next}; false when
     * another node took it first (exactly once across the nodes on one database).
     */
    boolean claim(UUID id, Instant seenNextRun, Instant next) {
        return jdbc.sql("""
                        UPDATE monitor SET next_run_at = ? WHERE id = ? AND next_run_at = ? AND paused = FALSE""").params(utc(next), id, utc(seenNextRun)).update() == 1;
    }

    /** The probe's end: its outcome and the failures in a row; no person's change, so no version counted. */
    void probed(UUID id, Instant at, ProbeOutcome outcome, int consecutiveFailures) {
        jdbc.sql("""
                        UPDATE monitor SET last_run_at = ?, last_outcome = ?, consecutive_failures = ?
                        WHERE id = ?""").params(utc(at), outcome.name(), consecutiveFailures, id).update();
    }

    /** When the monitor's deep checks last ran and on what page ({@link DeepCheckState#NEVER} if never). */
    DeepCheckState deepChecks(UUID id) {
        return jdbc.sql("""
                        SELECT deep_checked_sm3, deep_checked_at FROM monitor WHERE id = ?""")
                .param(id)
                .query((rs, n) ->
                        new DeepCheckState(rs.getString("deep_checked_sm3"), Jdbc.instant(rs, "deep_checked_at")))
                .optional()
                .orElse(DeepCheckState.NEVER);
    }

    /** The monitor's deep checks ran now on the page of {@code fingerprint}; no person's change, no version counted. */
    void deepChecked(UUID id, String fingerprint, Instant at) {
        jdbc.sql("""
                        UPDATE monitor SET deep_checked_sm3 = ?, deep_checked_at = ? WHERE id = ?""").params(fingerprint, utc(at), id).update();
    }

    void delete(UUID id) {
        jdbc.sql("""
                DELETE FROM monitor WHERE id = ?""").param(id).update();
    }

    // --- probes

    void probe(Probe p) {
        jdbc.sql("""
                        INSERT INTO monitor_probe (id, monitor_id, started_at, duration_ms, outcome, http_status,
                        body_sm3, body_bytes, findings, node) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        p.id(),
                        p.monitorId(),
                        utc(p.startedAt()),
                        p.durationMs(),
                        p.outcome().name(),
                        p.httpStatus(),
                        p.bodySm3(),
                        p.bodyBytes(),
                        p.findings(),
                        p.node())
                .update();
    }

    List<Probe> probes(UUID monitorId, int limit) {
        return jdbc.sql("""
                        SELECT %s FROM monitor_probe WHERE monitor_id = ? ORDER BY started_at DESC, id LIMIT ?""".formatted(ProbeSealRepository.PROBE_COLUMNS))
                .params(monitorId, limit)
                .query(ProbeSealRepository::probe)
                .list();
    }

    // --- network checks

    /**
     * When the network checks last ran on the monitor, the name and the last DNS answer found for it (one record a
     * line) and each check's outcome (an encoded message, null when not run).
     */
    record NetworkState(Instant checkedAt, String dnsName, String dnsAnswer, String tls, String dns, String rdap) {}

    /** The network checks' last run, empty when they never ran. */
    Optional<NetworkState> network(UUID monitorId) {
        return jdbc.sql("""
                        SELECT checked_at, dns_name, dns_answer, tls_result, dns_result, rdap_result FROM monitor_network
                        WHERE monitor_id = ? AND checked_at IS NOT NULL""")
                .param(monitorId)
                .query((rs, n) -> new NetworkState(
                        Jdbc.instant(rs, "checked_at"),
                        rs.getString("dns_name"),
                        rs.getString("dns_answer"),
                        rs.getString("tls_result"),
                        rs.getString("dns_result"),
                        rs.getString("rdap_result")))
                .optional();
    }

    /**
     * Takes the monitor's network checks for this run at {@code now} if they last ran at {@code dueBefore} or earlier
     * (or never); false when they are not due, or another probe took them first.
     */
    boolean claimNetwork(UUID monitorId, Instant now, Instant dueBefore) {
        return jdbc.sql("""
                        UPDATE monitor_network SET checked_at = ? WHERE monitor_id = ?
                        AND (checked_at IS NULL OR checked_at <= ?)""").params(utc(now), monitorId, utc(dueBefore)).update() == 1;
    }

    /** Stores what the network checks found; the name and DNS answer stay the last found when this run found none. */
    void network(UUID monitorId, NetworkState s) {
        jdbc.sql("""
                        UPDATE monitor_network SET checked_at = ?,
                        dns_name = COALESCE(CAST(? AS VARCHAR(253)), dns_name),
                        dns_answer = COALESCE(CAST(? AS VARCHAR(4000)), dns_answer),
                        tls_result = ?, dns_result = ?, rdap_result = ? WHERE monitor_id = ?""")
                .params(utc(s.checkedAt()), s.dnsName(), s.dnsAnswer(), s.tls(), s.dns(), s.rdap(), monitorId)
                .update();
    }

    // --- baselines

    void baseline(UUID monitorId, String content, String textSm3, String by, UUID org, Instant at) {
        jdbc.sql("""
                        UPDATE monitor_baseline SET superseded_at = ? WHERE monitor_id = ? AND superseded_at IS NULL""").params(utc(at), monitorId).update();
        jdbc.sql("""
                        INSERT INTO monitor_baseline (id, monitor_id, content, text_sm3, approved_by, approved_org,
                        approved_at) VALUES (?,?,?,?,?,?,?)""")
                .params(UUID.randomUUID(), monitorId, content, textSm3, by, org, utc(at))
                .update();
    }

    Optional<StoredBaseline> currentBaseline(UUID monitorId) {
        return jdbc.sql("""
                        SELECT content, text_sm3, approved_by, approved_at FROM monitor_baseline
                        WHERE monitor_id = ? AND superseded_at IS NULL""")
                .param(monitorId)
                .query((rs, n) -> new StoredBaseline(
                        rs.getString("content"),
                        rs.getString("text_sm3"),
                        rs.getString("approved_by"),
                        Jdbc.instant(rs, "approved_at")))
                .optional();
    }

    /** The ids of the monitors with no approved baseline (the inbox's rebuild). */
    List<UUID> withoutBaseline() {
        return jdbc.sql("""
                        SELECT m.id FROM monitor m WHERE NOT EXISTS (SELECT 1 FROM monitor_baseline b
                        WHERE b.monitor_id = m.id AND b.superseded_at IS NULL)""").query(UUID.class).list();
    }

    /** The approved baseline as stored. */
    record StoredBaseline(String content, String textSm3, String approvedBy, Instant approvedAt) {}

    private static String joined(List<String> lines) {
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static List<String> lines(String stored) {
        return stored == null ? List.of() : new ArrayList<>(Arrays.asList(stored.split("\n")));
    }

    static Monitor monitor(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("last_outcome");
        return new Monitor(
                rs.getObject("id", UUID.class),
                rs.getObject("system_id", UUID.class),
                rs.getString("name"),
                URI.create(rs.getString("url")),
                rs.getString("method"),
                rs.getInt("expected_status"),
                rs.getString("keyword"),
                rs.getInt("interval_seconds"),
                rs.getInt("timeout_seconds"),
                rs.getInt("crawl_depth"),
                rs.getInt("failures_before_alert"),
                lines(rs.getString("dynamic_regions")),
                lines(rs.getString("allowed_hosts")),
                lines(rs.getString("approved_addresses")),
                rs.getInt("expiry_warning_days"),
                rs.getString("domain_name"),
                new WatchSettings(
                        rs.getObject("slow_above_ms", Integer.class),
                        WatchSettings.regions(lines(rs.getString("approved_regions")))),
                rs.getBoolean("paused"),
                rs.getInt("consecutive_failures"),
                Jdbc.instant(rs, "next_run_at"),
                Jdbc.instant(rs, "last_run_at"),
                outcome == null ? null : ProbeOutcome.valueOf(outcome),
                rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"),
                rs.getInt("version"));
    }
}
