package org.yunjian.exit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yunjian.exit.internal.Hashing;
import org.yunjian.exit.internal.Json;
import org.yunjian.exit.internal.ManifestWriter;
import org.yunjian.exit.internal.Ordered;
import org.yunjian.exit.internal.Source;
import org.yunjian.exit.internal.Targets;

/** Builds a signed manifest of a directory tree or an S3 bucket (see {@code docs/exit-manifest.md}). */
public final class ManifestBuilder {

    private ManifestBuilder() {}

    /**
     * @param algorithm   checksum algorithm
     * @param labels      sensitivity and description rules
     * @param items       non-file inventory items
     * @param allVersions every object version (S3 only)
     * @param detached    write the signature to {@code <manifest>.sig} instead of a final line
     * @param threads     hashing threads
     * @param s3          S3 settings
     * @param chunkSize   bytes of a chunk whose digest is recorded (format version 2); 0 writes version 1, without
     * @param chunkThreshold files of at least this many bytes get chunk digests (with {@code chunkSize > 0})
     */
    public record Options(
            HashAlgorithm algorithm,
            Labels labels,
            List<InventoryItem> items,
            boolean allVersions,
            boolean detached,
            int threads,
            S3Settings s3,
            long chunkSize,
            long chunkThreshold) {
        public Options {
            if (chunkSize != 0 || chunkThreshold != 0) {
                ManifestHeader.checkChunking(chunkSize, chunkThreshold);
            }
        }

        /** With the default chunking (64 MiB chunks for files of 256 MiB and more). */
        public Options(
                HashAlgorithm algorithm,
                Labels labels,
                List<InventoryItem> items,
                boolean allVersions,
                boolean detached,
                int threads,
                S3Settings s3) {
            this(
                    algorithm,
                    labels,
                    items,
                    allVersions,
                    detached,
                    threads,
                    s3,
                    ManifestHeader.DEFAULT_CHUNK_SIZE,
                    ManifestHeader.DEFAULT_CHUNK_THRESHOLD);
        }
    }

    /** Counts of a build: files recorded and those that could not be read. */
    public record Result(long files, long unreadable, long bytes) {}

    public static Result build(String target, Path out, PrivateKey key, Options o) {
        String root = Targets.isS3(target)
                ? target
                : Path.of(target).toAbsolutePath().normalize().toString();
        Instant created = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ManifestHeader header = o.chunkSize() > 0
                ? new ManifestHeader(
                        ManifestHeader.VERSION,
                        o.algorithm(),
                        root,
                        created,
                        ManifestHeader.TOOL,
                        o.allVersions(),
                        o.chunkSize(),
                        o.chunkThreshold())
                : new ManifestHeader(
                        ManifestHeader.VERSION_1, o.algorithm(), root, created, ManifestHeader.TOOL, o.allVersions());
        long[] counts = new long[3];
        try (Source source = Targets.open(target, o.s3(), o.allVersions())) {
            ManifestWriter w = new ManifestWriter(out, header, key, o.detached());
            try {
                for (InventoryItem item : o.items()) {
                    w.write(item);
                }
                try (Ordered<List<Hashing.Hashed>> pipeline = new Ordered<>(source.threads(o.threads()), hs -> {
                    try {
                        for (Hashing.Hashed h : hs) {
                            Source.Item i = h.item();
                            w.write(new FileEntry(
                                    i.path(),
                                    i.version(),
                                    i.latest(),
                                    h.error() == null ? h.size() : i.size(),
                                    h.hash(),
                                    h.format(),
                                    o.labels().sensitivity(i.path()),
                                    o.labels().description(i.path()),
                                    h.error(),
                                    h.chunks()));
                            counts[0]++;
                            if (h.error() != null) {
                                counts[1]++;
                            } else {
                                counts[2] += h.size();
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })) {
                    List<Source.Item> g;
                    while ((g = source.nextGroup()) != null) {
                        List<Source.Item> group = g;
                        pipeline.submit(() -> {
                            List<Hashing.Hashed> hs = new ArrayList<>();
                            for (Source.Item i : group) {
                                hs.add(Hashing.hash(source, i, o.algorithm(), true, o.chunkSize(), o.chunkThreshold()));
                            }
                            return hs;
                        });
                    }
                    pipeline.drain();
                }
                w.close();
            } catch (IOException | RuntimeException e) {
                w.abort();
                throw e;
            }
        } catch (IOException e) {
            throw new ManifestException(e, "exit.build.failed", target, String.valueOf(e.getMessage()));
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    /**
     * Reads non-file inventory items, one JSON object per line:
     * {@code {"category":"key-custody","name":"…","description":"…","sensitivity":"敏感","covers":"secure/**"}}.
     */
    public static List<InventoryItem> readInventory(Path file) {
        List<InventoryItem> items = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ManifestException(
                    e, "exit.inventory.unreadable", String.valueOf(file), String.valueOf(e.getMessage()));
        }
        for (int n = 0; n < lines.size(); n++) {
            String l = lines.get(n).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            try {
                Map<String, Object> m = Json.parse(l);
                items.add(new InventoryItem(
                        InventoryItem.Category.parse(s(m, "category")),
                        s(m, "name"),
                        s(m, "description"),
                        m.get("sensitivity") == null ? Sensitivity.SENSITIVE : Sensitivity.parse(s(m, "sensitivity")),
                        s(m, "covers")));
            } catch (IllegalArgumentException e) {
                throw new ManifestException("exit.inventory.line", String.valueOf(file), (long) n + 1, ExitText.of(e));
            } catch (ClassCastException e) {
                throw new ManifestException(
                        "exit.inventory.line",
                        String.valueOf(file),
                        (long) n + 1,
                        new ExitText("exit.inventory.notString"));
            }
        }
        return items;
    }

    private static String s(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null || v == Json.NULL ? null : (String) v;
    }
}
