package org.yunjian.monitoring.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the offers of monitoring as evidence read: whether a system has monitors. */
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
}
