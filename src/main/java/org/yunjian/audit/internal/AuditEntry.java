package org.yunjian.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored audit log entry. {@code mac} = HMAC-SM3(key, {@link Canonical#entry}) over every other
 * field, including {@code seq} and {@code prevMac}, so that each entry pins its position and its
 * predecessor.
 */
public record AuditEntry(long seq, Instant occurredAt, String username, UUID organizationId, String sourceAddress,
                         String action, String objectType, String objectId, String outcome, String detail,
                         String prevMac, String mac) {

    /** The same entry as if stored under another sequence number (used to find an entry's original place). */
    AuditEntry withSeq(long otherSeq) {
        return new AuditEntry(otherSeq, occurredAt, username, organizationId, sourceAddress, action, objectType,
                objectId, outcome, detail, prevMac, mac);
    }

    AuditEntry withMac(String newMac) {
        return new AuditEntry(seq, occurredAt, username, organizationId, sourceAddress, action, objectType, objectId,
                outcome, detail, prevMac, newMac);
    }
}
