package org.yunjian.backup.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.backup.BackupException;
import org.yunjian.backup.BackupMessages;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.cluster.ClusterNodes;

/**
 * {@code yunjian restore} runs offline and cannot write the audit log; it leaves {@code restored-from.properties}
 * in the data directory, and the first start on that directory records the restore and removes the file.
 *
 * <p>On PostgreSQL that first server start also refuses to come up while another node writes to the database
 * (its heartbeat moves within one and a half heartbeats, {@link ClusterNodes}), before it listens: a node left
 * running would keep writing its own view (and its audit head witness) into the restored installation. Stop every
 * node, restore, then start one node, then the others.
 */
@Component
class RestoreAudit implements SmartInitializingSingleton {

    static final String MARKER = "restored-from.properties";
    private static final Logger log = LoggerFactory.getLogger(RestoreAudit.class);

    private final Path marker;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    private final ObjectProvider<ClusterNodes> nodes;

    RestoreAudit(
            @Value("${yunjian.data-dir}") Path dataDir,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            ObjectProvider<ClusterNodes> nodes,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        this.marker = dataDir.resolve(MARKER);
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        // the embedded database is one process's (its file is locked): nothing else can write to it
        this.nodes = databaseUrl.startsWith("jdbc:postgresql:") ? nodes : null;
    }

    /** On a server's first start after a restore: refuses while another node writes to the database. */
    @Override
    public void afterSingletonsInstantiated() {
        ClusterNodes cluster = nodes == null ? null : nodes.getIfAvailable();
        if (cluster == null || !Files.isRegularFile(marker)) {
            return;
        }
        java.util.List<String> others;
        try {
            others = cluster.othersWritingWithin(
                    cluster.heartbeat().multipliedBy(3).dividedBy(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!others.isEmpty()) {
            BackupException refused = new BackupException("backup.error.nodes-running", String.join(", ", others));
            log.error(BackupMessages.forDefaultLocale().of(refused));
            throw refused;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordRestore() {
        if (!Files.isRegularFile(marker)) {
            return;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            log.warn("Unreadable restore marker {}: {}", marker, e.toString());
        }
        String detail = "backup=" + p.getProperty("backup") + " manifest-sm3=" + p.getProperty("manifest-sm3")
                + " database=" + p.getProperty("database") + " keys=" + p.getProperty("keys")
                // false: a backup without a seal, restored with --accept-unsigned (markers of older versions: absent)
                + " authenticated=" + p.getProperty("authenticated")
                + " restored-at=" + p.getProperty("restored-at");
        tx.executeWithoutResult(status -> events.publishEvent(
                AuditableEvent.success("backup.restore", "backup", p.getProperty("backup"), detail)));
        try {
            Files.delete(marker);
        } catch (IOException e) {
            log.warn("Could not remove the restore marker {}: {}", marker, e.toString());
        }
    }
}
