package org.yunjian.monitoring.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.monitoring.Probe;
import org.yunjian.monitoring.ProbeChain;
import org.yunjian.monitoring.ProbeOutcome;
import org.yunjian.shared.Jdbc;

/**
 * The seals of the monitors' probes (each monitor's chain, its head kept on the monitor) and the responses kept
 * behind the probes' SM3, one row per SM3.
 */
@Repository
class ProbeSealRepository {

    /** A probe's columns as {@link #probe} reads them. */
    static final String PROBE_COLUMNS = """
            id, monitor_id, started_at, duration_ms, outcome, http_status, body_sm3, body_bytes, findings, node""";

    private final JdbcClient jdbc;

    ProbeSealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The monitor's chain head, its row locked for this transaction (a no-op update), so appends to one chain are
     * taken one at a time whoever runs the probe.
     */
    ProbeChain.Head lockHead(UUID monitorId) {
        jdbc.sql("""
                        UPDATE monitor SET chain_seq = chain_seq WHERE id = ?""").param(monitorId).update();
        return head(monitorId);
    }

    ProbeChain.Head head(UUID monitorId) {
        return jdbc.sql("""
                        SELECT chain_seq, chain_head FROM monitor WHERE id = ?""")
                .param(monitorId)
                .query((rs, n) -> rs.getLong("chain_seq") == 0
                        ? ProbeChain.Head.EMPTY
                        : new ProbeChain.Head(rs.getLong("chain_seq"), rs.getString("chain_head")))
                .optional()
                .orElse(ProbeChain.Head.EMPTY);
    }

    /** Stores the stored probe's link and moves the head from {@code from}; false when the head moved meanwhile. */
    boolean sealed(Probe p, ProbeChain.Head from, ProbeChain.Link link) {
        int moved = jdbc.sql("""
                        UPDATE monitor SET chain_seq = ?, chain_head = ? WHERE id = ? AND chain_seq = ?""")
                .params(link.seq(), link.seal(), p.monitorId(), from.seq())
                .update();
        if (moved != 1) {
            return false;
        }
        jdbc.sql("""
                        UPDATE monitor_probe SET chain_seq = ?, previous_seal = ?, seal = ?, seal_signature = ?
                        WHERE id = ?""")
                .params(
                        link.seq(),
                        link.previous(),
                        link.seal(),
                        Base64.getEncoder().encodeToString(link.signature()),
                        p.id())
                .update();
        return true;
    }

    /** Whether the monitor's chain holds probe {@code head.seq()} with seal {@code head.seal()}. */
    boolean holds(UUID monitorId, ProbeChain.Head head) {
        return jdbc.sql("""
                        SELECT seal FROM monitor_probe WHERE monitor_id = ? AND chain_seq = ?""")
                .params(monitorId, head.seq())
                .query(String.class)
                .optional()
                .filter(head.seal()::equals)
                .isPresent();
    }

    /** The monitor's probes in chain order: the unsealed (older) ones first by start, then the sealed by number. */
    List<ProbeChain.Row> chain(UUID monitorId) {
        return jdbc.sql("""
                        SELECT %s, chain_seq, previous_seal, seal, seal_signature FROM monitor_probe
                        WHERE monitor_id = ? ORDER BY CASE WHEN chain_seq IS NULL THEN 0 ELSE 1 END, chain_seq,
                        started_at, id""".formatted(PROBE_COLUMNS))
                .param(monitorId)
                .query((rs, n) -> new ProbeChain.Row(probe(rs, n), link(rs)))
                .list();
    }

    Optional<Probe> probe(UUID monitorId, UUID probeId) {
        return jdbc.sql("""
                        SELECT %s FROM monitor_probe WHERE id = ? AND monitor_id = ?""".formatted(PROBE_COLUMNS))
                .params(probeId, monitorId)
                .query(ProbeSealRepository::probe)
                .optional();
    }

    /** Keeps {@code content} under its SM3 unless kept already; true when stored now. */
    boolean keep(String sm3, byte[] content, Instant at) {
        if (kept(sm3)) {
            return false;
        }
        try {
            int rows =
                    jdbc.sql("""
                            INSERT INTO monitor_response (sm3, content, size_bytes, kept_at)
                            VALUES (?,?,?,?)""").params(sm3, content, content.length, utc(at)).update();
            return rows == 1;
        } catch (DuplicateKeyException e) {
            return false; // kept by another probe meanwhile: the same bytes
        }
    }

    boolean kept(String sm3) {
        long rows = jdbc.sql("""
                        SELECT COUNT(*) FROM monitor_response
                        WHERE sm3 = ?""").param(sm3).query(Long.class).single();
        return rows > 0;
    }

    Optional<byte[]> response(String sm3) {
        return jdbc.sql("""
                        SELECT content FROM monitor_response
                        WHERE sm3 = ?""").param(sm3).query((rs, n) -> rs.getBytes("content")).optional();
    }

    /** The SM3 digests of the monitor's probes whose response is kept. */
    Set<String> keptOf(UUID monitorId) {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT r.sm3 FROM monitor_response r JOIN monitor_probe p ON p.body_sm3 = r.sm3
                        WHERE p.monitor_id = ?""").param(monitorId).query(String.class).list());
    }

    static Probe probe(ResultSet rs, int n) throws SQLException {
        return new Probe(
                rs.getObject("id", UUID.class),
                rs.getObject("monitor_id", UUID.class),
                Jdbc.instant(rs, "started_at"),
                rs.getLong("duration_ms"),
                ProbeOutcome.valueOf(rs.getString("outcome")),
                (Integer) rs.getObject("http_status"),
                rs.getString("body_sm3"),
                rs.getLong("body_bytes"),
                rs.getInt("findings"),
                rs.getString("node"));
    }

    private static ProbeChain.Link link(ResultSet rs) throws SQLException {
        long seq = rs.getLong("chain_seq");
        if (rs.wasNull()) {
            return null;
        }
        String signature = rs.getString("seal_signature");
        byte[] bytes;
        try {
            bytes = signature == null ? new byte[0] : Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0]; // not a signature: verifies as invalid
        }
        return new ProbeChain.Link(seq, nonNull(rs.getString("previous_seal")), nonNull(rs.getString("seal")), bytes);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
