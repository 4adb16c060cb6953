package org.yunjian.exitproject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.exitproject.internal.Records.Authorisation;
import org.yunjian.exitproject.internal.Records.Deletion;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.Kind;
import org.yunjian.exitproject.internal.Records.StorageCheck;

/** Which buckets a deletion names, and which of them no empty check after the deletion covers. */
class BucketScopeTest {

    static final LocalDate DELETED = LocalDate.of(2026, 11, 25);

    static Optional<Entry<Deletion>> deletion(String scope, List<String> buckets) {
        return Optional.of(new Entry<>(
                UUID.randomUUID(),
                Kind.DELETION,
                new Deletion(DELETED, scope, "删除", "已删除", "王五", "张工", "完成", buckets),
                "p",
                null,
                Instant.EPOCH));
    }

    static Optional<Entry<Authorisation>> authorisation(String scope) {
        return Optional.of(new Entry<>(
                UUID.randomUUID(),
                Kind.AUTHORISATION,
                new Authorisation("李某", null, scope, DELETED, DELETED),
                "c",
                null,
                Instant.EPOCH));
    }

    static Entry<StorageCheck> check(String bucket, String prefix, boolean empty, String at) {
        return new Entry<>(
                UUID.randomUUID(),
                Kind.STORAGE_CHECK,
                new StorageCheck(
                        "c.json",
                        "ab",
                        "s3://" + bucket + "/" + prefix,
                        bucket,
                        prefix,
                        at,
                        empty,
                        Map.of(),
                        empty ? 0 : 1,
                        null),
                "p",
                null,
                Instant.EPOCH);
    }

    @Test
    void namesTheListedBucketsAndTheLocationsWrittenInTheScopesOnce() {
        var named = BucketScope.named(
                deletion("门户网站对象存储 s3://portal-logs/2026，数据库", List.of("portal-data", "s3://portal-logs/2026/")),
                authorisation("全部数据（含 s3://portal-data）"),
                List.of());
        assertThat(named).extracting(Object::toString).containsExactly("s3://portal-data/", "s3://portal-logs/2026/");
        assertThat(BucketScope.parse("Not A Bucket!")).isEmpty();
        assertThat(BucketScope.mentionsObjectStorage("Object Storage and backups"))
                .isTrue();
        assertThat(BucketScope.mentionsObjectStorage("数据库及备份")).isFalse();
    }

    @Test
    void aNamedBucketNeedsAnEmptyCheckOfItOrAnEnclosingPrefixOnOrAfterTheDeletionDate() {
        var named =
                BucketScope.named(deletion("对象存储", List.of("s3://aaa/x/", "bbb", "ccc")), Optional.empty(), List.of());
        var checks = List.of(
                check("aaa", "", true, "2026-11-25T02:00:00Z"), // the whole bucket covers aaa/x/
                check("bbb", "", true, "2026-11-24T02:00:00Z"), // before the deletion date (Beijing): proves nothing
                check("ccc", "", false, "2026-11-25T02:00:00Z"));
        assertThat(BucketScope.unchecked(named, checks, DELETED))
                .extracting(Object::toString)
                .containsExactly("s3://bbb/", "s3://ccc/");
    }

    @Test
    void aDeletionRecordedBeforeTheListNamesTheBucketsItsChecksLookedAt() {
        var legacy = deletion("数据库、对象存储及备份", List.of());
        assertThat(BucketScope.named(legacy, Optional.empty(), List.of())).isEmpty();
        assertThat(BucketScope.named(legacy, Optional.empty(), List.of(check("old", "", true, "2026-11-25T02:00:00Z"))))
                .extracting(Object::toString)
                .containsExactly("s3://old/");
        // a scope that does not name object storage needs no bucket
        assertThat(BucketScope.named(
                        deletion("数据库", List.of()),
                        Optional.empty(),
                        List.of(check("old", "", true, "2026-11-25T02:00:00Z"))))
                .isEmpty();
    }
}
