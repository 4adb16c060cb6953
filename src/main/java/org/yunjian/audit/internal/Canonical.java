package org.yunjian.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The canonical byte encodings that are MACed and signed. Each is an 8-byte ASCII tag followed by a
 * fixed list of fields, each field a 4-byte big-endian length and that many bytes of UTF-8; a null field
 * has length {@code 0xFFFFFFFF} and no bytes, so null and "" differ and no field boundary is ambiguous.
 * Numbers are decimal ASCII; times are microseconds since the epoch (UTC), the precision both H2 and
 * PostgreSQL store; UUIDs are lower-case with hyphens; MACs lower-case hex.
 */
public final class Canonical {

    static final String ENTRY_TAG = "YJAUDIT1";
    /** An entry made through an API token: the same fields, then the token's id and name. */
    static final String TOKEN_ENTRY_TAG = "YJAUDIT2";

    static final String ANCHOR_TAG = "YJANCHR1";
    /** The {@code prev_mac} of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private Canonical() {}

    /**
     * Entry fields in order: seq, occurred_at, username, organization_id, source_address, action, object_type,
     * object_id, outcome, detail, prev_mac, under {@value #ENTRY_TAG}; an entry made through an API token has
     * {@value #TOKEN_ENTRY_TAG} and the token's id and name after them. An entry without a token encodes byte for
     * byte as before the token fields existed, so every older entry verifies as it did; a token added to or removed
     * from an entry changes its encoding and so fails its MAC.
     */
    public static byte[] entry(AuditEntry e) {
        String[] fields = {
            Long.toString(e.seq()),
            Long.toString(micros(e.occurredAt())),
            e.username(),
            e.organizationId() == null ? null : e.organizationId().toString(),
            e.sourceAddress(),
            e.action(),
            e.objectType(),
            e.objectId(),
            e.outcome(),
            e.detail(),
            e.prevMac()
        };
        if (e.apiTokenId() == null && e.apiTokenName() == null) {
            return encode(ENTRY_TAG, fields);
        }
        String[] withToken = java.util.Arrays.copyOf(fields, fields.length + 2);
        withToken[fields.length] =
                e.apiTokenId() == null ? null : e.apiTokenId().toString();
        withToken[fields.length + 1] = e.apiTokenName();
        return encode(TOKEN_ENTRY_TAG, withToken);
    }

    /** Anchor fields in order: seq, mac, created_at, key_id. */
    public static byte[] anchor(long seq, String mac, Instant createdAt, String keyId) {
        return encode(ANCHOR_TAG, Long.toString(seq), mac, Long.toString(micros(createdAt)), keyId);
    }

    /** Times are stored and MACed at microsecond precision. */
    public static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static byte[] encode(String tag, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
        for (String f : fields) {
            if (f == null) {
                writeInt(out, -1);
            } else {
                byte[] b = f.getBytes(StandardCharsets.UTF_8);
                writeInt(out, b.length);
                out.writeBytes(b);
            }
        }
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
