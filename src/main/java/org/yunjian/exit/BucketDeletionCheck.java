package org.yunjian.exit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yunjian.exit.internal.S3Source;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Confirms that a bucket or a prefix of it is empty: no current objects, no non-current object versions,
 * no delete markers and no unfinished multipart uploads (whose parts are stored data too). Everything that
 * remains is listed. The check never answers "empty" when it could not look: a missing bucket, refused
 * credentials, an unreachable endpoint or a store that cannot list object versions end in a
 * {@link ManifestException} naming the problem.
 *
 * <p>Listing streams: {@link #check(String, S3Settings, Consumer, int)} hands every remaining item to a
 * consumer and keeps at most {@code keep} of them in the report, so a bucket with millions of leftovers does
 * not fill the heap.
 */
public final class BucketDeletionCheck {

    private BucketDeletionCheck() {}

    /** What a remaining item is. */
    public enum Kind {
        /** The current version of an object (or the object in an unversioned bucket). */
        CURRENT,
        /** An older version still stored in a versioned bucket. */
        NON_CURRENT,
        /** A delete marker: holds no data but shows the key's history is still there. */
        DELETE_MARKER,
        /** An unfinished multipart upload; its uploaded parts are stored. */
        MULTIPART_UPLOAD
    }

    /**
     * An item that is still there.
     *
     * @param key          the full object key
     * @param versionId    the version id ({@code "null"} for objects stored before versioning), or the
     *                     upload id for {@link Kind#MULTIPART_UPLOAD}; null when the store gives none
     * @param kind         what it is
     * @param size         bytes (0 for delete markers, -1 when unknown)
     * @param lastModified when it was written (initiated, for uploads), or null
     */
    public record Remaining(String key, String versionId, Kind kind, long size, Instant lastModified) {}

    /**
     * The result of one check.
     *
     * @param target           the {@code s3://bucket/prefix} that was checked
     * @param bucket           the bucket
     * @param prefix           the key prefix ("" for the whole bucket; otherwise ending in '/')
     * @param current          current objects found
     * @param nonCurrent       non-current versions found
     * @param deleteMarkers    delete markers found
     * @param multipartUploads unfinished multipart uploads found
     * @param bytes            bytes held by the objects and versions found
     * @param remaining        the items found, at most the number asked to keep
     * @param checkedAt        when the listing started
     */
    public record Report(
            String target,
            String bucket,
            String prefix,
            long current,
            long nonCurrent,
            long deleteMarkers,
            long multipartUploads,
            long bytes,
            List<Remaining> remaining,
            Instant checkedAt) {

        /** True only when nothing at all remains under the prefix. */
        public boolean empty() {
            return total() == 0;
        }

        /** Number of remaining items of every kind. */
        public long total() {
            return current + nonCurrent + deleteMarkers + multipartUploads;
        }

        /** Whether {@link #remaining()} lists fewer items than were found. */
        public boolean truncated() {
            return remaining.size() < total();
        }

        /**
         * Reads the JSON that {@code yunjian exit check-deleted --json} prints (docs/exit-manifest.md) — the one
         * format of a recorded check. Strict: the text must be one JSON object with every member the command writes,
         * {@code target} must name the {@code bucket} and {@code prefix}, the {@code remaining} list must hold
         * exactly as many items of each kind as {@code totals} counts (the command prints every item it finds), and
         * {@code empty} must agree with the totals — a report claiming empty while anything is counted or listed is
         * refused.
         *
         * @throws InvalidInputException naming the problem (malformed JSON, a missing or mistyped member, an
         *                               inconsistency)
         */
        public static Report parse(String json) {
            Map<String, Object> m = CanonicalJson.parseObject(json.strip());
            String target = text(m, "target");
            String bucket = text(m, "bucket");
            String prefix = text(m, "prefix");
            S3Source.Location at;
            try {
                at = S3Source.Location.parse(target);
            } catch (ManifestException e) {
                throw new InvalidInputException("exit.report.member", "target", e.message());
            }
            if (!at.bucket().equals(bucket) || !at.prefix().equals(prefix)) {
                throw new InvalidInputException("exit.report.targetMismatch", target, bucket, prefix);
            }
            if (!(m.get("empty") instanceof Boolean empty)) {
                throw problem("empty", "exit.report.boolean");
            }
            Instant checkedAt = instant(m.get("checkedAt"), "checkedAt");
            if (!(m.get("totals") instanceof Map<?, ?> t)) {
                throw problem("totals", "exit.report.object");
            }
            long[] totals = new long[Kind.values().length];
            String[] names = {"current", "nonCurrent", "deleteMarkers", "multipartUploads"};
            for (Kind k : Kind.values()) {
                totals[k.ordinal()] = count(t.get(names[k.ordinal()]), "totals." + names[k.ordinal()]);
            }
            long bytes = count(t.get("bytes"), "totals.bytes");
            if (!(m.get("remaining") instanceof List<?> list)) {
                throw problem("remaining", "exit.report.list");
            }
            List<Remaining> remaining = new ArrayList<>(list.size());
            long[] listed = new long[Kind.values().length];
            for (Object o : list) {
                Remaining r = remaining(o, remaining.size());
                listed[r.kind().ordinal()]++;
                remaining.add(r);
            }
            Report report = new Report(
                    target,
                    bucket,
                    prefix,
                    totals[0],
                    totals[1],
                    totals[2],
                    totals[3],
                    bytes,
                    List.copyOf(remaining),
                    checkedAt);
            if (empty != report.empty()) {
                throw new InvalidInputException("exit.report.emptyDisagrees", String.valueOf(empty), report.total());
            }
            for (Kind k : Kind.values()) {
                if (listed[k.ordinal()] != totals[k.ordinal()]) {
                    throw new InvalidInputException(
                            "exit.report.listDisagrees",
                            listed[k.ordinal()],
                            k.name(),
                            "totals." + names[k.ordinal()],
                            totals[k.ordinal()]);
                }
            }
            return report;
        }

        private static Remaining remaining(Object o, int index) {
            String at = "remaining[" + index + "]";
            if (!(o instanceof Map<?, ?> r)) {
                throw problem(at, "exit.report.object");
            }
            String key = text(r, "key", at);
            Kind kind;
            try {
                kind = Kind.valueOf(text(r, "kind", at));
            } catch (IllegalArgumentException e) {
                throw problem(at + ".kind", "exit.report.oneOf", Arrays.toString(Kind.values()));
            }
            Object version = r.get("versionId");
            if (version != null && !(version instanceof String)) {
                throw problem(at + ".versionId", "exit.report.stringOrNull");
            }
            if (!(r.get("size") instanceof Long size) || size < -1) {
                throw problem(at + ".size", "exit.report.size");
            }
            Object modified = r.get("lastModified");
            return new Remaining(
                    key,
                    (String) version,
                    kind,
                    size,
                    modified == null ? null : instant(modified, at + ".lastModified"));
        }

        private static String text(Map<?, ?> m, String name) {
            return text(m, name, null);
        }

        private static String text(Map<?, ?> m, String name, String at) {
            if (!(m.get(name) instanceof String s)) {
                throw problem((at == null ? "" : at + ".") + name, "exit.report.string");
            }
            return s;
        }

        private static long count(Object o, String name) {
            if (!(o instanceof Long n) || n < 0) {
                throw problem(name, "exit.report.count");
            }
            return n;
        }

        private static Instant instant(Object o, String name) {
            try {
                return Instant.parse((String) o);
            } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
                throw problem(name, "exit.report.instant");
            }
        }

        /** The member {@code member} (a path such as {@code remaining[2].size}) breaks the rule {@code key}. */
        private static InvalidInputException problem(String member, String key, Object... args) {
            return new InvalidInputException("exit.report.member", member, new ExitText(key, args));
        }
    }

    /** Checks {@code s3://bucket/prefix} and keeps every remaining item in the report. */
    public static Report check(String target, S3Settings settings) {
        return check(target, settings, r -> {}, Integer.MAX_VALUE);
    }

    /**
     * Checks {@code s3://bucket/prefix}, passing every remaining item to {@code each} as it is listed and
     * keeping the first {@code keep} in the report.
     *
     * @throws ManifestException when the bucket does not exist, access is denied, the endpoint cannot be
     *                           reached or the store cannot list object versions
     */
    public static Report check(String target, S3Settings settings, Consumer<Remaining> each, int keep) {
        S3Source.Location at = S3Source.Location.parse(target);
        Instant started = Instant.now();
        S3Client s3 = S3Source.client(settings == null ? S3Settings.defaults() : settings);
        S3Source.requireBucket(s3, at.bucket());
        long[] counts = new long[Kind.values().length];
        long bytes = 0;
        List<Remaining> kept = new ArrayList<>();
        Consumer<Remaining> sink = r -> {
            counts[r.kind().ordinal()]++;
            if (kept.size() < keep) {
                kept.add(r);
            }
            each.accept(r);
        };
        try (s3) {
            // ListObjectVersions returns current and non-current versions and delete markers alike, in
            // unversioned buckets too (version id "null"); ListObjectsV2 alone would miss the history.
            for (var page :
                    s3.listObjectVersionsPaginator(r -> r.bucket(at.bucket()).prefix(at.prefix()))) {
                for (ObjectVersion v : page.versions()) {
                    long size = v.size() == null ? -1 : v.size();
                    bytes += Math.max(0, size);
                    sink.accept(new Remaining(
                            v.key(),
                            v.versionId(),
                            Boolean.FALSE.equals(v.isLatest()) ? Kind.NON_CURRENT : Kind.CURRENT,
                            size,
                            v.lastModified()));
                }
                for (DeleteMarkerEntry d : page.deleteMarkers()) {
                    sink.accept(new Remaining(d.key(), d.versionId(), Kind.DELETE_MARKER, 0, d.lastModified()));
                }
            }
            for (var page :
                    s3.listMultipartUploadsPaginator(r -> r.bucket(at.bucket()).prefix(at.prefix()))) {
                for (MultipartUpload u : page.uploads()) {
                    sink.accept(new Remaining(u.key(), u.uploadId(), Kind.MULTIPART_UPLOAD, -1, u.initiated()));
                }
            }
        } catch (NoSuchBucketException e) {
            throw new ManifestException(e, "exit.s3.noSuchBucket", at.bucket());
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                throw new ManifestException(e, "exit.check.noVersions", at.bucket(), String.valueOf(e.getMessage()));
            }
            throw S3Source.problem(e, at.bucket());
        } catch (SdkException e) {
            throw new ManifestException(e, "exit.check.failed", at.bucket(), String.valueOf(e.getMessage()));
        }
        return new Report(
                target,
                at.bucket(),
                at.prefix(),
                counts[Kind.CURRENT.ordinal()],
                counts[Kind.NON_CURRENT.ordinal()],
                counts[Kind.DELETE_MARKER.ordinal()],
                counts[Kind.MULTIPART_UPLOAD.ordinal()],
                bytes,
                List.copyOf(kept),
                started);
    }
}
