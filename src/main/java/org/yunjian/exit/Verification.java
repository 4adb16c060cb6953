package org.yunjian.exit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.yunjian.exit.internal.Checkpoint;
import org.yunjian.exit.internal.Chunk;
import org.yunjian.exit.internal.ChunkDigests;
import org.yunjian.exit.internal.HashList;
import org.yunjian.exit.internal.Hashing;
import org.yunjian.exit.internal.ManifestPaths;
import org.yunjian.exit.internal.Ordered;
import org.yunjian.exit.internal.Source;
import org.yunjian.exit.internal.Targets;

/**
 * Verifies a directory tree or bucket against a manifest (or a plain hash list) in one merge pass: both
 * sides come in canonical path order, so memory does not grow with the number of entries. Files are
 * hashed on a small thread pool; results are consumed in order, which makes a checkpoint a single path
 * ("everything up to here is done") plus the totals and findings so far.
 */
public final class Verification {

    private Verification() {}

    /** Receives progress updates from the consuming thread. */
    public interface Progress {
        void update(long files, long filesTotal, long bytes, long bytesTotal);
    }

    /**
     * @param threads    hashing threads (default 2)
     * @param checkpoint checkpoint file to resume from and write to, or null
     * @param cancelled  polled between files; when true the run stops, leaving a checkpoint
     * @param progress   progress listener, or null
     * @param s3         S3 settings for {@code s3://} targets
     */
    public record Options(int threads, Path checkpoint, BooleanSupplier cancelled, Progress progress, S3Settings s3) {
        public static Options defaults() {
            return new Options(2, null, () -> false, null, S3Settings.defaults());
        }

        public Options withCheckpoint(Path p) {
            return new Options(threads, p, cancelled, progress, s3);
        }

        public Options withCancelled(BooleanSupplier c) {
            return new Options(threads, checkpoint, c, progress, s3);
        }

        public Options withProgress(Progress p) {
            return new Options(threads, checkpoint, cancelled, p, s3);
        }

        public Options withS3(S3Settings s) {
            return new Options(threads, checkpoint, cancelled, progress, s);
        }
    }

    /**
     * Checks the manifest (structure, paths, order, signature) and the data against it. With a checkpoint or
     * a progress listener the manifest is read twice — checked first (a checkpoint names the manifest's
     * digest; progress needs the totals), then streamed; otherwise once, checking it while the data is
     * compared, and a bad manifest is reported when it is found (a run costs one manifest pass less).
     */
    public static VerificationReport verify(Path manifest, PublicKey key, String target, Options options) {
        return verify(manifest, key, target, options, Workers.LOCAL);
    }

    /**
     * As {@link #verify(Path, PublicKey, String, Options)}, with the comparisons run by {@code workers} (another
     * engine, such as a Spark cluster); the merge, the totals, the findings and the report stay here, so the outcome
     * is the same whichever runs them.
     */
    public static VerificationReport verify(
            Path manifest, PublicKey key, String target, Options options, Workers workers) {
        boolean upfront = options.checkpoint() != null || options.progress() != null;
        ManifestCheck check = upfront ? ManifestReader.check(manifest, key) : null;
        try (ManifestReader reader = ManifestReader.open(manifest)) {
            Iterator<FileEntry> files = new Iterator<>() {
                private FileEntry next = advance();

                private FileEntry advance() {
                    ManifestEntry e;
                    while ((e = reader.next()) != null) {
                        if (e instanceof FileEntry f) {
                            return f;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public FileEntry next() {
                    FileEntry f = next;
                    next = advance();
                    return f;
                }
            };
            ManifestHeader header = reader.header();
            String identity = upfront
                    ? manifest.toAbsolutePath() + "#" + check.digest()
                    : manifest.toAbsolutePath().toString();
            VerificationReport report = run(
                    header.algorithm(),
                    files,
                    upfront ? check.files() : -1,
                    upfront ? check.bytes() : -1,
                    header.allVersions(),
                    target,
                    options,
                    workers,
                    identity,
                    interrupted -> {
                        if (upfront) {
                            if (!interrupted
                                    && !Objects.equals(reader.result(key).digest(), check.digest())) {
                                throw new ManifestException("exit.verify.changed", String.valueOf(manifest));
                            }
                            return check;
                        }
                        while (reader.next() != null) {
                            // an interrupted run still checks the rest of the manifest and its signature
                        }
                        return reader.result(key);
                    });
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Verifies against a hash list from another tool; lists carry no signature. */
    public static VerificationReport verify(HashList list, String target, Options options) {
        long bytes = 0;
        for (FileEntry f : list.entries()) {
            bytes += Math.max(0, f.size());
        }
        long files = list.entries().size();
        ManifestCheck none = new ManifestCheck(
                null,
                0,
                files,
                bytes,
                SignatureStatus.NOT_APPLICABLE,
                new ExitText("exit.signature.hashList", list.format().id()),
                null);
        return run(
                list.algorithm(),
                list.entries().iterator(),
                files,
                bytes,
                false,
                target,
                options,
                Workers.LOCAL,
                "list:" + list.digest(),
                interrupted -> none);
    }

    /**
     * Where the comparisons run. {@link #LOCAL} is a small thread pool of this process; another engine (the Spark
     * job, {@code spark/}) runs the same {@link Batch#run} elsewhere. Outcomes must reach the sink in the order the
     * batches were submitted.
     */
    public interface Workers {

        /** Threads of this process ({@link Options#threads()}). */
        Workers LOCAL = (run, sink) -> {
            Ordered<Outcome> pipeline = new Ordered<>(run.threads(), sink);
            return new Pipeline() {
                @Override
                public void submit(Batch batch) {
                    if (batch.needsData()) {
                        pipeline.submit(() -> batch.run(run.algorithm(), run.source()));
                    } else {
                        pipeline.submitDone(batch.run(run.algorithm(), run.source())); // nothing to hash
                    }
                }

                @Override
                public void drain() {
                    pipeline.drain();
                }

                @Override
                public void close() {
                    pipeline.close();
                }
            };
        };

        /** Starts the comparisons of one run; outcomes go to {@code sink} in submission order. */
        Pipeline start(Run run, java.util.function.Consumer<Outcome> sink);
    }

    /** The comparisons of one run in flight. */
    public interface Pipeline extends AutoCloseable {
        void submit(Batch batch);

        /** Waits until every submitted batch's outcome has reached the sink. */
        void drain();

        @Override
        void close();
    }

    /**
     * What a run compares: the algorithm, the target as given (with its S3 settings and whether the manifest lists
     * object versions, so another process can open it again) and the source the driver listed it through.
     */
    public record Run(
            HashAlgorithm algorithm, String target, S3Settings s3, boolean allVersions, int threads, Source source) {}

    /**
     * What comparing one or more paths found, in path order.
     *
     * @param path   the last path compared
     * @param ok     entries that matched
     * @param bytes  bytes hashed
     * @param hashed entries hashed
     * @param part   the result of one chunk of a file verified by its chunk digests (then the rest is empty), else null
     */
    public record Outcome(String path, List<Finding> findings, long ok, long bytes, long hashed, Part part)
            implements java.io.Serializable {
        Outcome(String path, List<Finding> findings, long ok, long bytes, long hashed) {
            this(path, findings, ok, bytes, hashed, null);
        }
    }

    /** The result of one chunk of a file verified by its chunk digests; {@code last} closes the file. */
    public record Part(FileEntry entry, Chunk.Result result, boolean last) implements java.io.Serializable {}

    /**
     * Folds the chunks of one file, which arrive in order, into the file's outcome: OK, or one finding — that of the
     * first chunk in file order that cannot be read (UNREADABLE) or differs (HASH_MISMATCH with its byte range).
     */
    private static final class ChunkedFile {
        private Finding finding;
        private long bytes;

        /** The file's outcome at its last chunk, else null. */
        Outcome fold(Part p) {
            if (p.result().error() == null) {
                bytes += p.result().chunk().length();
            }
            if (finding == null) {
                finding = p.result().finding(p.entry().key());
            }
            if (!p.last()) {
                return null;
            }
            Outcome o = new Outcome(
                    p.entry().path(),
                    finding == null ? List.of() : List.of(finding),
                    finding == null ? 1 : 0,
                    bytes,
                    1);
            finding = null;
            bytes = 0;
            return o;
        }
    }

    private static final class Tally {
        long ok;
        long missing;
        long extra;
        long size;
        long hash;
        long unreadable;
        long bytes;
        long hashedThisRun;
        long done;
    }

    private static VerificationReport run(
            HashAlgorithm alg,
            Iterator<FileEntry> expected,
            long expectedCount,
            long expectedBytes,
            boolean allVersions,
            String target,
            Options o,
            Workers workers,
            String identity,
            java.util.function.Function<Boolean, ManifestCheck> signed) {
        Path cpFile = o.checkpoint();
        try {
            if (cpFile == null) {
                cpFile = Files.createTempFile("yunjian-findings-", ".jsonl");
                Files.delete(cpFile);
            }
            Tally t = new Tally();
            boolean interrupted = false;
            try (Source source = Targets.open(target, o.s3(), allVersions);
                    Checkpoint cp = Checkpoint.open(cpFile, identity, target)) {
                String through = cp.through();
                if (cp.restored() != null) {
                    Totals r = cp.restored();
                    t.ok = r.ok();
                    t.missing = r.missing();
                    t.extra = r.extra();
                    t.size = r.sizeMismatch();
                    t.hash = r.hashMismatch();
                    t.unreadable = r.unreadable();
                    t.bytes = r.bytesHashed();
                    t.done = r.ok() + r.missing() + r.sizeMismatch() + r.hashMismatch() + r.unreadable();
                }
                if (through != null) {
                    source.skipThrough(through);
                }
                final long[] lastSave = {System.nanoTime()};
                final String[] lastPath = {through};
                int threads = source.threads(
                        o.threads() > 0 ? o.threads() : Runtime.getRuntime().availableProcessors());
                Run run = new Run(alg, target, o.s3(), allVersions, threads, source);
                ChunkedFile chunked = new ChunkedFile();
                try (Pipeline pipeline = workers.start(run, result -> {
                    Outcome out = result.part() == null ? result : chunked.fold(result.part());
                    if (out == null) {
                        return; // a chunk of a file not yet complete: the checkpoint still ends before the file
                    }
                    try {
                        for (Finding f : out.findings()) {
                            cp.finding(f);
                            switch (f.kind()) {
                                case MISSING -> t.missing++;
                                case EXTRA -> t.extra++;
                                case SIZE_MISMATCH -> t.size++;
                                case HASH_MISMATCH -> t.hash++;
                                case UNREADABLE -> t.unreadable++;
                            }
                            if (f.kind() != Finding.Kind.EXTRA) {
                                t.done++;
                            }
                        }
                        t.ok += out.ok();
                        t.done += out.ok();
                        t.bytes += out.bytes();
                        t.hashedThisRun += out.hashed();
                        lastPath[0] = out.path();
                        if (System.nanoTime() - lastSave[0] > 1_000_000_000L) {
                            cp.progress(out.path(), totals(t, expectedCount), false);
                            lastSave[0] = System.nanoTime();
                        }
                        if (o.progress() != null) {
                            o.progress().update(t.done, expectedCount, t.bytes, expectedBytes);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })) {
                    Groups manifest = new Groups(expected, through);
                    List<Source.Item> s = source.nextGroup();
                    List<FileEntry> m = manifest.next();
                    Batch batch = new Batch(source.batchSize());
                    while (m != null || s != null) {
                        if (o.cancelled() != null && o.cancelled().getAsBoolean()) {
                            interrupted = true;
                            break;
                        }
                        int c = m == null
                                ? 1
                                : s == null
                                        ? -1
                                        : ManifestPaths.compare(
                                                m.get(0).path(), s.get(0).path());
                        if (c < 0) {
                            List<Finding> fs = new ArrayList<>();
                            for (FileEntry e : m) {
                                fs.add(new Finding(
                                        Finding.Kind.MISSING, e.key(), sizeOf(e), e.hash(), Finding.NO_SUCH_FILE));
                            }
                            batch.done(new Outcome(m.get(0).path(), fs, 0, 0, 0));
                            m = manifest.next();
                        } else if (c > 0) {
                            List<Finding> fs = new ArrayList<>();
                            for (Source.Item i : s) {
                                fs.add(new Finding(
                                        Finding.Kind.EXTRA,
                                        key(i),
                                        null,
                                        i.size() >= 0 ? String.valueOf(i.size()) : null,
                                        i.error() == null
                                                ? Finding.NOT_IN_MANIFEST
                                                : Finding.detail(Finding.NOT_IN_MANIFEST_UNREADABLE, i.error())));
                            }
                            batch.done(new Outcome(s.get(0).path(), fs, 0, 0, 0));
                            s = source.nextGroup();
                        } else if (byChunks(m, s)) {
                            batch.submitTo(pipeline); // the files before it, in order
                            if (!submitChunks(pipeline, m.get(0), o)) {
                                interrupted = true;
                                break;
                            }
                            m = manifest.next();
                            s = source.nextGroup();
                        } else {
                            batch.add(m, s);
                            m = manifest.next();
                            s = source.nextGroup();
                        }
                        if (batch.full()) {
                            batch.submitTo(pipeline);
                        }
                    }
                    batch.submitTo(pipeline);
                    pipeline.drain();
                }
                ManifestCheck c = signed.apply(interrupted);
                Totals totals = totals(t, c.files());
                cp.progress(lastPath[0] == null ? "" : lastPath[0], totals, !interrupted);
                return new VerificationReport(c.signature(), c.detail(), totals, interrupted, cp.file(), alg, target);
            }
        } catch (IOException e) {
            deleteTemporary(o, cpFile);
            throw new ManifestException(e, "exit.verify.failed", target, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            deleteTemporary(o, cpFile); // e.g. a manifest found malformed half-way
            throw e;
        }
    }

    /**
     * Whether a matched pair is verified by its chunk digests: one entry with chunks, one readable item of the same
     * size. The chunks imply the whole-file checksum (the builder computed both from the same bytes, and the signature
     * covers both), so the whole file is not hashed as one sequential chain; anything else is compared as a whole.
     */
    private static boolean byChunks(List<FileEntry> expected, List<Source.Item> found) {
        if (expected.size() != 1 || found.size() != 1) {
            return false;
        }
        FileEntry e = expected.get(0);
        Source.Item i = found.get(0);
        return e.chunks() != null
                && e.readable()
                && i.error() == null
                && i.size() == e.size()
                && Objects.equals(e.version(), i.version());
    }

    /**
     * Submits one task per chunk, so that the chunks of one large file are hashed on every thread of the pool;
     * false when the run was cancelled before the last one (the file then counts as not done).
     */
    private static boolean submitChunks(Pipeline pipeline, FileEntry e, Options o) {
        ChunkDigests d = e.chunks();
        // each chunk's task carries the entry without its chunk digests (a 5 TB file has 2.6 MB of them)
        FileEntry bare = new FileEntry(
                e.path(),
                e.version(),
                e.latest(),
                e.size(),
                e.hash(),
                e.format(),
                e.sensitivity(),
                e.description(),
                e.error());
        for (int i = 0; i < d.count(); i++) {
            if (i > 0 && o.cancelled() != null && o.cancelled().getAsBoolean()) {
                return false;
            }
            long offset = i * d.chunkSize();
            Chunk c = new Chunk(e.path(), e.version(), i, offset, Math.min(d.chunkSize(), e.size() - offset), d.hex(i));
            pipeline.submit(Batch.chunk(bare, c, i == d.count() - 1));
        }
        return true;
    }

    private static void deleteTemporary(Options o, Path cpFile) {
        if (o.checkpoint() == null && cpFile != null) {
            try {
                Files.deleteIfExists(cpFile);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static Totals totals(Tally t, long expected) {
        return new Totals(expected, t.ok, t.missing, t.extra, t.size, t.hash, t.unreadable, t.bytes, t.hashedThisRun);
    }

    private static Outcome compare(
            HashAlgorithm alg, Source source, List<FileEntry> expected, List<Source.Item> found) {
        List<Finding> fs = new ArrayList<>();
        long ok = 0;
        long bytes = 0;
        long hashed = 0;
        List<Source.Item> rest = new ArrayList<>(found);
        for (FileEntry e : expected) {
            Source.Item match = null;
            for (Source.Item i : rest) {
                if (Objects.equals(i.version(), e.version())) {
                    match = i;
                    break;
                }
            }
            if (match == null) {
                fs.add(new Finding(
                        Finding.Kind.MISSING,
                        e.key(),
                        sizeOf(e),
                        e.hash(),
                        e.version() == null ? Finding.NO_SUCH_FILE : Finding.NO_SUCH_VERSION));
                continue;
            }
            rest.remove(match);
            if (!e.readable()) {
                fs.add(new Finding(
                        Finding.Kind.UNREADABLE,
                        e.key(),
                        null,
                        null,
                        Finding.detail(Finding.UNREADABLE_WHEN_BUILT, e.error())));
                continue;
            }
            if (match.error() != null) {
                fs.add(new Finding(
                        Finding.Kind.UNREADABLE,
                        e.key(),
                        null,
                        null,
                        Finding.detail(Finding.UNREADABLE, match.error())));
                continue;
            }
            if (e.size() >= 0 && match.size() >= 0 && e.size() != match.size()) {
                fs.add(new Finding(
                        Finding.Kind.SIZE_MISMATCH,
                        e.key(),
                        String.valueOf(e.size()),
                        String.valueOf(match.size()),
                        Finding.SIZE_DIFFERS));
                continue;
            }
            Hashing.Hashed h = Hashing.hash(source, match, alg, false);
            hashed++;
            if (h.error() != null) {
                fs.add(new Finding(
                        Finding.Kind.UNREADABLE, e.key(), null, null, Finding.detail(Finding.UNREADABLE, h.error())));
                continue;
            }
            bytes += h.size();
            if (e.size() >= 0 && h.size() != e.size()) {
                fs.add(new Finding(
                        Finding.Kind.SIZE_MISMATCH,
                        e.key(),
                        String.valueOf(e.size()),
                        String.valueOf(h.size()),
                        Finding.SIZE_DIFFERS));
            } else if (!java.security.MessageDigest.isEqual(
                    h.hash().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    e.hash().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                fs.add(new Finding(
                        Finding.Kind.HASH_MISMATCH,
                        e.key(),
                        e.hash(),
                        h.hash(),
                        Finding.detail(Finding.HASH_DIFFERS, alg.id())));
            } else {
                ok++;
            }
        }
        for (Source.Item i : rest) {
            fs.add(new Finding(Finding.Kind.EXTRA, key(i), null, String.valueOf(i.size()), Finding.NOT_IN_MANIFEST));
        }
        return new Outcome(expected.get(0).path(), fs, ok, bytes, hashed);
    }

    /**
     * Consecutive steps of the merge run as one task: with a task per small file the hand-overs between threads
     * cost more than the hashing (20,000 files of 1-64 KiB). A step is either an outcome already known (a missing
     * or extra file) or a comparison to make; the batch's outcome is theirs in order. Serializable, so that another
     * engine can send it to where the data is read.
     */
    public static final class Batch implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private static final long MAX_BYTES = 1 << 20;
        private final int maxSteps;
        private ArrayList<Object> steps = new ArrayList<>();
        private long bytes;

        Batch(int maxSteps) {
            this.maxSteps = maxSteps;
        }

        /** A batch as {@link BatchWire} reads it back. */
        static Batch of(int maxSteps, long bytes, ArrayList<Object> steps) {
            Batch b = new Batch(maxSteps);
            b.steps = steps;
            b.bytes = bytes;
            return b;
        }

        int maxSteps() {
            return maxSteps;
        }

        List<Object> steps() {
            return steps;
        }

        /** Sent in the compact form of {@link BatchWire}. */
        @java.io.Serial
        private Object writeReplace() {
            return new BatchWire(this);
        }

        record Pair(List<FileEntry> expected, List<Source.Item> found) implements java.io.Serializable {}

        /** One chunk of a file verified by its chunk digests: a batch of its own, its outcome a {@link Part}. */
        record ChunkStep(FileEntry entry, Chunk chunk, boolean last) implements java.io.Serializable {}

        static Batch chunk(FileEntry entry, Chunk chunk, boolean last) {
            Batch b = new Batch(1);
            b.steps.add(new ChunkStep(entry, chunk, last));
            b.bytes = chunk.length();
            return b;
        }

        void done(Outcome o) {
            steps.add(o);
        }

        void add(List<FileEntry> expected, List<Source.Item> found) {
            steps.add(new Pair(List.copyOf(expected), List.copyOf(found)));
            for (Source.Item i : found) {
                bytes += Math.max(0, i.size());
            }
        }

        boolean full() {
            return steps.size() >= maxSteps || bytes >= MAX_BYTES;
        }

        /** The bytes the batch's comparisons read (as listed). */
        public long bytes() {
            return bytes;
        }

        /** Whether running it reads data; a batch of missing or extra files only does not. */
        public boolean needsData() {
            return steps.stream().anyMatch(s -> s instanceof Pair || s instanceof ChunkStep);
        }

        void submitTo(Pipeline pipeline) {
            if (steps.isEmpty()) {
                return;
            }
            Batch mine = new Batch(maxSteps);
            mine.steps = steps;
            mine.bytes = bytes;
            steps = new ArrayList<>();
            bytes = 0;
            pipeline.submit(mine);
        }

        /** Compares the batch's files, reading them from {@code source}. */
        public Outcome run(HashAlgorithm alg, Source source) {
            if (steps.size() == 1 && steps.get(0) instanceof ChunkStep c) {
                return new Outcome(
                        null,
                        List.of(),
                        0,
                        0,
                        0,
                        new Part(c.entry(), Chunk.Result.of(c.chunk(), source, alg), c.last()));
            }
            List<Finding> fs = new ArrayList<>();
            long ok = 0;
            long bytes = 0;
            long hashed = 0;
            String path = null;
            for (Object step : steps) {
                Outcome o = step instanceof Pair p
                        ? Verification.compare(alg, source, p.expected(), p.found())
                        : (Outcome) step;
                fs.addAll(o.findings());
                ok += o.ok();
                bytes += o.bytes();
                hashed += o.hashed();
                path = o.path();
            }
            return new Outcome(path, fs, ok, bytes, hashed);
        }
    }

    private static String sizeOf(FileEntry e) {
        return e.size() >= 0 ? String.valueOf(e.size()) : null;
    }

    private static String key(Source.Item i) {
        return i.version() == null ? i.path() : i.path() + "?versionId=" + i.version();
    }

    /** Groups consecutive entries with the same path, skipping those up to {@code through}. */
    private static final class Groups {
        private final Iterator<FileEntry> it;
        private final String through;
        private FileEntry pending;

        Groups(Iterator<FileEntry> it, String through) {
            this.it = it;
            this.through = through;
        }

        List<FileEntry> next() {
            while (true) {
                FileEntry first = pending != null ? pending : it.hasNext() ? it.next() : null;
                pending = null;
                if (first == null) {
                    return null;
                }
                List<FileEntry> g = new ArrayList<>();
                g.add(first);
                while (it.hasNext()) {
                    FileEntry f = it.next();
                    if (f.path().equals(first.path())) {
                        g.add(f);
                    } else {
                        pending = f;
                        break;
                    }
                }
                if (through == null || ManifestPaths.compare(first.path(), through) > 0) {
                    return g;
                }
            }
        }
    }
}
