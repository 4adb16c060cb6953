package org.yunjian.backup.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.shared.AuditableEvent;

/**
 * {@code yunjian restore} runs offline and cannot write the audit log; it leaves {@code restored-from.properties}
 * in the data directory, and the first start on that directory records the restore and removes the file.
 */
@Component
class RestoreAudit {

    static final String MARKER = "restored-from.properties";
    private static final Logger log = LoggerFactory.getLogger(RestoreAudit.class);

    private final Path marker;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    RestoreAudit(@Value("${yunjian.data-dir}") Path dataDir, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions) {
        this.marker = dataDir.resolve(MARKER);
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
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
