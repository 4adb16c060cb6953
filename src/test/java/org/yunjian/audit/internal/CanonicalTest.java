package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.crypto.Hex;

class CanonicalTest {

    private static final Instant T = Instant.parse("2026-11-21T08:00:00.123456Z");

    private static AuditEntry entry(String user, String detail) {
        return new AuditEntry(
                7,
                T,
                user,
                UUID.fromString("00000000-0000-0000-0000-00000000000a"),
                "10.0.0.1",
                "user.login",
                "user",
                "u1",
                "SUCCESS",
                detail,
                Canonical.GENESIS,
                null);
    }

    @Test
    void encodesTagThenLengthPrefixedUtf8Fields() {
        byte[] b = Canonical.encode("YJAUDIT1", "7", "云", null, "");
        assertThat(new String(b, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("YJAUDIT1");
        assertThat(Hex.encode(java.util.Arrays.copyOfRange(b, 8, b.length)))
                .isEqualTo("00000001" + "37" + "00000003" + "e4ba91" + "ffffffff" + "00000000");
    }

    @Test
    void encodesTimeAsEpochMicroseconds() {
        String expected = Hex.encode("1795248000123456".getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.encode(Canonical.entry(entry("alice", null)))).contains("00000010" + expected);
    }

    @Test
    void distinguishesNullFromEmptyAndShiftedFieldBoundaries() {
        assertThat(Canonical.entry(entry("alice", null))).isNotEqualTo(Canonical.entry(entry("alice", "")));
        assertThat(Canonical.encode("T", "ab", "c")).isNotEqualTo(Canonical.encode("T", "a", "bc"));
    }

    @Test
    void coversSequenceNumberAndPreviousMac() {
        AuditEntry e = entry("alice", "x");
        assertThat(Canonical.entry(e)).isNotEqualTo(Canonical.entry(e.withSeq(8)));
        AuditEntry other = new AuditEntry(
                e.seq(),
                e.occurredAt(),
                e.username(),
                e.organizationId(),
                e.sourceAddress(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.outcome(),
                e.detail(),
                "1".repeat(64),
                null);
        assertThat(Canonical.entry(e)).isNotEqualTo(Canonical.entry(other));
    }

    @Test
    void entryWithoutTokenEncodesByteForByteAsBeforeTokensWereRecorded() {
        AuditEntry e = entry("alice", "x");
        // the encoding every entry older than issue 33 was MACed with: tag 1 and the eleven fields, nothing more
        byte[] before = Canonical.encode(
                "YJAUDIT1",
                "7",
                Long.toString(Canonical.micros(T)),
                "alice",
                "00000000-0000-0000-0000-00000000000a",
                "10.0.0.1",
                "user.login",
                "user",
                "u1",
                "SUCCESS",
                "x",
                Canonical.GENESIS);
        assertThat(Canonical.entry(e)).isEqualTo(before);
    }

    @Test
    void tokenIsCoveredByTheMacInput() {
        AuditEntry plain = entry("alice", "x");
        UUID id = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
        AuditEntry viaToken = withToken(plain, id, "nightly");
        byte[] b = Canonical.entry(viaToken);
        assertThat(new String(b, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("YJAUDIT2");
        // adding, removing, renaming or re-pointing the token all change what the MAC covers
        assertThat(b).isNotEqualTo(Canonical.entry(plain));
        assertThat(b).isNotEqualTo(Canonical.entry(withToken(plain, id, "nightly2")));
        assertThat(b).isNotEqualTo(Canonical.entry(withToken(plain, UUID.randomUUID(), "nightly")));
        assertThat(b).isNotEqualTo(Canonical.entry(withToken(plain, null, "nightly")));
    }

    private static AuditEntry withToken(AuditEntry e, UUID id, String name) {
        return new AuditEntry(
                e.seq(),
                e.occurredAt(),
                e.username(),
                e.organizationId(),
                e.sourceAddress(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.outcome(),
                e.detail(),
                e.prevMac(),
                e.mac(),
                id,
                name);
    }

    @Test
    void ignoresTheMacItself() {
        AuditEntry e = entry("alice", "x");
        assertThat(Canonical.entry(e)).isEqualTo(Canonical.entry(e.withMac("ab")));
    }

    @Test
    void truncatesTimesToMicroseconds() {
        assertThat(Canonical.truncate(Instant.parse("2026-11-21T08:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2026-11-21T08:00:00.123456Z"));
    }

    @Test
    void clipsLongFieldsWithoutSplittingSurrogatesAndRemovesNul() {
        assertThat(AuditLog.clip("abc", 2)).isEqualTo("ab");
        assertThat(AuditLog.clip("a😀", 2)).isEqualTo("a");
        assertThat(AuditLog.clip("a\0b", 10)).isEqualTo("a\uFFFDb");
        assertThat(AuditLog.clip(null, 2)).isNull();
    }

    @Test
    void escapesCsvCellsAndDefusesFormulas() {
        assertThat(CsvExport.cell("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(CsvExport.cell("=cmd()")).isEqualTo("\"'=cmd()\"");
        assertThat(CsvExport.cell(null)).isEmpty();
    }
}
