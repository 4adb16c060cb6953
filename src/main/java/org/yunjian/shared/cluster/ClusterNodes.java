package org.yunjian.shared.cluster;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The serving nodes on the database: each server (not a command-line run) writes its row of {@code cluster_node}
 * every {@code yunjian.cluster.heartbeat} (default 5 s) and removes it when it stops. A node that was killed leaves
 * its row behind, but the row stops moving; so "alive" means "its row moved while we watched"
 * ({@link #othersWritingWithin}), which also ignores rows a restored database brought back from the backup.
 */
@Component
@ConditionalOnWebApplication
// the embedded database's file is locked by one process: only a shared PostgreSQL can have other nodes
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
public class ClusterNodes implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);

    private final ClusterRepository rows;
    private final Clock clock;
    private final String node;
    private final Duration heartbeat;

    ClusterNodes(
            JdbcClient jdbc,
            Clock clock,
            ClusterJobs jobs,
            @Value("${yunjian.cluster.heartbeat:5s}") Duration heartbeat) {
        this.rows = new ClusterRepository(jdbc);
        this.clock = clock;
        this.node = jobs.node();
        this.heartbeat = heartbeat;
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::beat, heartbeat, Duration.ZERO));
    }

    /** Writes this node's row (the same SQL on H2 and PostgreSQL: an UPDATE, else an INSERT). */
    void beat() {
        try {
            Instant now = clock.instant();
            if (rows.touchNode(node, now) == 0) {
                rows.insertNode(node, now);
            }
        } catch (RuntimeException e) {
            log.warn("Could not write this node's heartbeat: {}", e.toString());
        }
    }

    @PreDestroy
    void leave() {
        try {
            rows.deleteNode(node);
        } catch (RuntimeException e) {
            log.warn("Could not remove this node's heartbeat: {}", e.toString());
        }
    }

    /**
     * Other nodes whose heartbeat moved within {@code watch} (looked at twice, {@code watch} apart); rows that did
     * not move are removed (nodes killed earlier, or rows restored from a backup).
     */
    public List<String> othersWritingWithin(Duration watch) throws InterruptedException {
        Map<String, Instant> before = others();
        Thread.sleep(watch.toMillis());
        Map<String, Instant> after = others();
        List<String> alive = after.entrySet().stream()
                .filter(e -> !before.containsKey(e.getKey()) || e.getValue().isAfter(before.get(e.getKey())))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        before.forEach((name, seen) -> {
            if (!alive.contains(name)) {
                rows.deleteNodeSeenAt(name, seen);
            }
        });
        return alive;
    }

    private Map<String, Instant> others() {
        return rows.otherNodes(node).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
