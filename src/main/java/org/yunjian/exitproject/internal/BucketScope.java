package org.yunjian.exitproject.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yunjian.exitproject.internal.Records.Authorisation;
import org.yunjian.exitproject.internal.Records.Deletion;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.StorageCheck;
import org.yunjian.shared.Formats;

/**
 * The object storage a deletion covers, and whether each named bucket was checked (GB/T 31167-2014 9.4 with
 * {@code yunjian exit check-deleted}): a scope that names 对象存储 / object storage must name its buckets — listed on
 * the deletion record or written as {@code s3://bucket[/prefix]} in a scope — and each needs an empty check of the
 * bucket (or an enclosing prefix) made on or after the deletion date.
 */
final class BucketScope {

    /** What makes a scope name object storage: 对象存储, 存储桶 (regex escapes), object storage, s3://. */
    static final Pattern OBJECT_STORAGE =
            Pattern.compile("\\u5bf9\\u8c61\\u5b58\\u50a8|\\u5b58\\u50a8\\u6876|(?i:object[ -]?storage|s3://)");
    /** A bucket as S3 and its compatible stores name it, with an optional prefix. */
    static final Pattern LOCATION = Pattern.compile("(?:s3://)?([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(\\S*))?");
    /** An {@code s3://} location in running text, ending at white space or (full-width) punctuation. */
    private static final Pattern IN_TEXT =
            Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:/[^\\s,\\uff0c;\\uff1b\\u3001)\\uff09]*)?");

    private BucketScope() {}

    /** One named location: {@code s3://bucket/prefix/} (prefix empty or ending in '/'). */
    record Location(String bucket, String prefix) {
        @Override
        public String toString() {
            return "s3://" + bucket + "/" + prefix;
        }
    }

    static boolean mentionsObjectStorage(String text) {
        return text != null && OBJECT_STORAGE.matcher(text).find();
    }

    /** A bucket line as typed, or empty when it is no bucket name. */
    static Optional<Location> parse(String line) {
        Matcher m = LOCATION.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(2) == null ? "" : m.group(2);
        return Optional.of(new Location(m.group(1), prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/"));
    }

    /**
     * The buckets the deletion names, each once: its list, then the {@code s3://} locations in the scopes. A
     * deletion recorded before the list existed whose scope names object storage without naming a bucket names
     * the buckets its object-storage checks looked at, so such a project can still finish.
     */
    static List<Location> named(
            Optional<Entry<Deletion>> deletion,
            Optional<Entry<Authorisation>> authorisation,
            List<Entry<StorageCheck>> checks) {
        Set<Location> out = new LinkedHashSet<>();
        deletion.ifPresent(d -> d.data().buckets().forEach(b -> parse(b).ifPresent(out::add)));
        deletion.ifPresent(d -> out.addAll(in(d.data().scope())));
        authorisation.ifPresent(a -> out.addAll(in(a.data().scope())));
        if (out.isEmpty() && namesObjectStorage(deletion, authorisation)) {
            checks.forEach(c -> out.add(new Location(c.data().bucket(), c.data().prefix())));
        }
        return List.copyOf(out);
    }

    /** The {@code s3://bucket[/prefix]} locations written in a text. */
    static List<Location> in(String text) {
        List<Location> out = new ArrayList<>();
        Matcher m = IN_TEXT.matcher(text == null ? "" : text);
        while (m.find()) {
            parse(m.group()).ifPresent(out::add);
        }
        return out;
    }

    /** Whether a scope of the deletion or the authorisation names object storage. */
    static boolean namesObjectStorage(
            Optional<Entry<Deletion>> deletion, Optional<Entry<Authorisation>> authorisation) {
        return deletion.map(d -> mentionsObjectStorage(d.data().scope())).orElse(false)
                || authorisation
                        .map(a -> mentionsObjectStorage(a.data().scope()))
                        .orElse(false);
    }

    /** The named locations no empty check covers that was made on or after {@code deletedOn}. */
    static List<Location> unchecked(List<Location> named, List<Entry<StorageCheck>> checks, LocalDate deletedOn) {
        return named.stream()
                .filter(n -> checks.stream()
                        .map(Entry::data)
                        .noneMatch(c -> c.empty()
                                && c.bucket().equals(n.bucket())
                                && n.prefix().startsWith(c.prefix())
                                && !LocalDate.ofInstant(c.checkedInstant(), Formats.zone())
                                        .isBefore(deletedOn)))
                .toList();
    }
}
