package org.yunjian.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored audit log entry. {@code mac} = HMAC-SM3(key, {@link Canonical#entry}) over every other
 * field, including {@code seq} and {@code prevMac}, so that each entry pins its position and its
 * predecessor. {@code apiTokenId} and {@code apiTokenName} name the API token the user acted through (both
 * {@code null} for a login session, the command line, background work and every entry older than issue 33).
 */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String username,
        UUID organizationId,
        String sourceAddress,
        String action,
        String objectType,
        String objectId,
        String outcome,
        String detail,
        String prevMac,
        String mac,
        UUID apiTokenId,
        String apiTokenName) {

    /** An entry made without an API token. */
    public AuditEntry(
            long seq,
            Instant occurredAt,
            String username,
            UUID organizationId,
            String sourceAddress,
            String action,
            String objectType,
            String objectId,
            String outcome,
            String detail,
            String prevMac,
            String mac) {
        this(
                seq,
                occurredAt,
                username,
                organizationId,
                sourceAddress,
                action,
                objectType,
                objectId,
                outcome,
                detail,
                prevMac,
                mac,
                null,
                null);
    }

    /** The same entry as if stored under another sequence number (used to find an entry's original place). */
    AuditEntry withSeq(long otherSeq) {
        return new AuditEntry(
                otherSeq,
                occurredAt,
                username,
                organizationId,
                sourceAddress,
                action,
                objectType,
                objectId,
                outcome,
                detail,
                prevMac,
                mac,
                apiTokenId,
                apiTokenName);
    }

    AuditEntry withMac(String newMac) {
        return new AuditEntry(
                seq,
                occurredAt,
                username,
                organizationId,
                sourceAddress,
                action,
                objectType,
                objectId,
                outcome,
                detail,
                prevMac,
                newMac,
                apiTokenId,
                apiTokenName);
    }
}
