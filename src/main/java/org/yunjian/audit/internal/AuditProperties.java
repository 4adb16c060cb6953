package org.yunjian.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code yunjian.audit.*}.
 *
 * @param keyDir         directory for the HMAC key, the SM2 anchor key pair and the head witness
 * @param anchorEvery    write an anchor when the sequence number is a multiple of this
 * @param anchorInterval also write one this often if there are new entries
 * @param hmacKey        the HMAC key as hex (env {@code YUNJIAN_AUDIT_HMAC_KEY}); if blank, a key file is used
 * @param anchorExport   JSON Lines file every committed anchor is appended to (ideally on a second machine or
 *                       an append-only mount); {@code null}: no export
 * @param lockWait       how long an append waits for the appends queued before it in this process before the
 *                       request is answered "busy, try again" (503); default 30 s
 */
@ConfigurationProperties("yunjian.audit")
public record AuditProperties(
        Path keyDir, int anchorEvery, Duration anchorInterval, String hmacKey, Path anchorExport, Duration lockWait) {

    @ConstructorBinding
    public AuditProperties {
        if (anchorEvery <= 0) {
            anchorEvery = 100;
        }
        if (anchorInterval == null || anchorInterval.isZero() || anchorInterval.isNegative()) {
            anchorInterval = Duration.ofMinutes(10);
        }
        if (lockWait == null || lockWait.isNegative() || lockWait.isZero()) {
            lockWait = Duration.ofSeconds(30);
        }
    }

    public AuditProperties(Path keyDir, int anchorEvery, Duration anchorInterval, String hmacKey) {
        this(keyDir, anchorEvery, anchorInterval, hmacKey, null, null);
    }
}
