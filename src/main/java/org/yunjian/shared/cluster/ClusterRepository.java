package org.yunjian.shared.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.Jdbc;

/**
 * The rows of {@code job_lease} (who runs a job until when) and {@code cluster_node} (each serving node's last
 * heartbeat), in SQL the same on H2 and PostgreSQL.
 */
final class ClusterRepository {

    private final JdbcClient jdbc;

    ClusterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves an expired lease of {@code name} to {@code node}; 1 when taken. */
    int takeExpiredLease(String name, String node, Instant until) {
        return jdbc.sql("""
                UPDATE job_lease SET owner_node = ?, lease_until = ? WHERE name = ? AND lease_until < ?""")
                .param(node)
                .param(Jdbc.utc(until))
                .param(name)
                .param(Jdbc.utc(until))
                .update();
    }

    /** Inserts the lease of a job that has none; 1 when inserted (a concurrent insert fails on the key). */
    int insertLease(String name, String node, Instant until) {
        return jdbc.sql("""
                INSERT INTO job_lease (name, owner_node, lease_until)
                SELECT ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE)
                WHERE NOT EXISTS (SELECT 1 FROM job_lease WHERE name = ?)""")
                .param(name)
                .param(node)
                .param(Jdbc.utc(until))
                .param(name)
                .update();
    }

    int touchNode(String node, Instant seen) {
        return jdbc.sql("""
                UPDATE cluster_node SET seen_at = ? WHERE node = ?""").param(Jdbc.utc(seen)).param(node).update();
    }

    void insertNode(String node, Instant seen) {
        jdbc.sql("""
                INSERT INTO cluster_node (node, seen_at) VALUES (?, ?)""").param(node).param(Jdbc.utc(seen)).update();
    }

    void deleteNode(String node) {
        jdbc.sql("""
                DELETE FROM cluster_node WHERE node = ?""").param(node).update();
    }

    /** Removes a node's row if it was not written since {@code seen}. */
    void deleteNodeSeenAt(String node, Instant seen) {
        jdbc.sql("""
                DELETE FROM cluster_node WHERE node = ? AND seen_at = ?""").param(node).param(Jdbc.utc(seen)).update();
    }

    /** The other nodes' rows: node → last heartbeat. */
    List<Map.Entry<String, Instant>> otherNodes(String node) {
        return jdbc.sql("""
                SELECT node, seen_at FROM cluster_node WHERE node <> ?""")
                .param(node)
                .query((rs, n) -> Map.entry(rs.getString("node"), Jdbc.instant(rs, "seen_at")))
                .list();
    }
}
