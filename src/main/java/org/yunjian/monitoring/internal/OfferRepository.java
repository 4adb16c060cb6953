package org.yunjian.monitoring.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the offers of monitoring as evidence read: whether a system has monitors, and its probes in a period. */
@Repository
class OfferRepository {

    private final JdbcClient jdbc;

    OfferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many monitors the system has. */
    long monitors(UUID systemId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM monitor WHERE system_id = ?""").param(systemId).query(Long.class).single();
    }

    /** How many probes of the system's monitors started in [{@code from}, {@code to}). */
    long probes(UUID systemId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM monitor_probe p JOIN monitor m ON m.id = p.monitor_id
                        WHERE m.system_id = ? AND p.started_at >= ? AND p.started_at < ?""")
                .params(systemId, utc(from), utc(to))
                .query(Long.class)
                .single();
    }
}
