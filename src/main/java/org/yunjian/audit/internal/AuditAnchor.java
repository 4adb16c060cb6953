package org.yunjian.audit.internal;

import java.time.Instant;

/** An SM2 signature over (seq, mac, time, key id) of one entry: pins the chain up to {@code seq}. */
public record AuditAnchor(long seq, String mac, Instant createdAt, String keyId, String signature) {}
