package org.yunjian.exit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Counts of a verification run. Their names in every document that carries them (the signed report, the checkpoint,
 * the platform's record and the deletion certificate) are the component names, listed once in {@link #NAMES}.
 *
 * @param expected      file entries in the manifest or list
 * @param ok            entries whose size and checksum match
 * @param missing       entries with no file
 * @param extra         files with no entry
 * @param sizeMismatch  entries whose file has another size
 * @param hashMismatch  entries whose file has the same size but another checksum
 * @param unreadable    entries or files that could not be read (now or when the manifest was built)
 * @param bytesHashed   bytes read and hashed, over all runs of a resumed verification
 * @param hashedThisRun files hashed by this run (a resumed run does not re-hash what was done)
 */
public record Totals(
        long expected,
        long ok,
        long missing,
        long extra,
        long sizeMismatch,
        long hashMismatch,
        long unreadable,
        long bytesHashed,
        long hashedThisRun) {

    /** The name of {@link #hashedThisRun()}, the one count that describes a run rather than the tree. */
    public static final String HASHED_THIS_RUN = "hashedThisRun";

    /** The counts' names in documents, in the order of the components. */
    public static final List<String> NAMES = List.of(
            "expected",
            "ok",
            "missing",
            "extra",
            "sizeMismatch",
            "hashMismatch",
            "unreadable",
            "bytesHashed",
            HASHED_THIS_RUN);

    /** The counts named {@link #NAMES} as {@code count} gives them. */
    public static Totals of(ToLongFunction<String> count) {
        long[] c = NAMES.stream().mapToLong(count).toArray();
        return new Totals(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
    }

    public long differences() {
        return missing + extra + sizeMismatch + hashMismatch + unreadable;
    }

    /** Entries whose file differs in size or checksum. */
    public long mismatched() {
        return sizeMismatch + hashMismatch;
    }

    /** The count named {@code name} (one of {@link #NAMES}). */
    public long count(String name) {
        return switch (NAMES.indexOf(name)) {
            case 0 -> expected;
            case 1 -> ok;
            case 2 -> missing;
            case 3 -> extra;
            case 4 -> sizeMismatch;
            case 5 -> hashMismatch;
            case 6 -> unreadable;
            case 7 -> bytesHashed;
            case 8 -> hashedThisRun;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The counts by name in the order of {@link #NAMES}; without {@link #HASHED_THIS_RUN} unless {@code thisRun}. */
    public Map<String, Long> byName(boolean thisRun) {
        Map<String, Long> m = new LinkedHashMap<>();
        NAMES.stream().filter(n -> thisRun || !n.equals(HASHED_THIS_RUN)).forEach(n -> m.put(n, count(n)));
        return m;
    }
}
