package org.yunjian.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.VoidFunction;
import org.yunjian.exit.HashAlgorithm;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.S3Settings;
import org.yunjian.exit.Verification;
import org.yunjian.exit.internal.Source;
import org.yunjian.exit.internal.Targets;

/**
 * Runs a verification's comparisons as Spark tasks. The driver merges the manifest with the listing exactly as the
 * CLI does ({@link Verification}); the batches of paths to compare are packed into tasks of about
 * {@code partitionBytes} each, a wave of tasks per Spark job, at most two waves in flight so the cluster never waits
 * for the driver. Each task opens the target itself (a directory every executor mounts, or the bucket through the
 * project's own S3 reader) and hashes with the same code as the CLI; the outcomes come back to the driver and reach
 * the report in the order of the manifest, so the findings are the CLI's, byte for byte.
 */
public final class SparkWorkers implements Verification.Workers {

    private static final int WAVES_IN_FLIGHT = 2;
    /** Known outcomes (missing or extra files) held at most per wave before it is flushed. */
    private static final int MAX_ORDER = 100_000;

    private final JavaSparkContext jsc;
    private final long partitionBytes;
    private final int partitionBatches;
    private final int tasksPerWave;

    /**
     * @param partitionBytes about how many bytes one task reads
     */
    public SparkWorkers(JavaSparkContext jsc, long partitionBytes) {
        this.jsc = jsc;
        this.partitionBytes = partitionBytes;
        this.partitionBatches = 256; // batches hold up to 64 files: a task of small files has up to 16,384
        this.tasksPerWave = Math.max(2, 4 * jsc.defaultParallelism());
    }

    @Override
    public Verification.Pipeline start(Verification.Run run, Consumer<Verification.Outcome> sink) {
        return new Waves(run, sink);
    }

    /** The batches submitted since the last wave went out: tasks to run and the order to report them in. */
    private static final class Wave {
        /** An outcome already known, or the {@code int[]{task, index}} of one to come back. */
        final List<Object> order = new ArrayList<>();

        final List<List<Verification.Batch>> tasks = new ArrayList<>();
        long lastTaskBytes;
        JavaFutureAction<List<List<Verification.Outcome>>> future;
    }

    private final class Waves implements Verification.Pipeline {
        private final Verification.Run run;
        private final Consumer<Verification.Outcome> sink;
        private final ArrayDeque<Wave> inFlight = new ArrayDeque<>();
        private Wave wave = new Wave();

        Waves(Verification.Run run, Consumer<Verification.Outcome> sink) {
            this.run = run;
            this.sink = sink;
            // while the driver reads the manifest and lists the target, every task slot opens the target (an S3
            // client and its connection pool, a directory) and Spark loads its task path, so the first wave starts
            // hashing at once (docs/performance.md, "Verification on Spark")
            int slots = jsc.defaultParallelism();
            List<Integer> each = new ArrayList<>(slots);
            for (int i = 0; i < slots; i++) {
                each.add(i);
            }
            jsc.parallelize(each, slots).foreachAsync(new Open(run.target(), run.s3(), run.allVersions()));
        }

        @Override
        public void submit(Verification.Batch batch) {
            if (!batch.needsData()) {
                wave.order.add(batch.run(run.algorithm(), run.source())); // nothing to read: known here
                if (wave.order.size() >= MAX_ORDER) {
                    launch();
                }
                return;
            }
            List<Verification.Batch> task = wave.tasks.isEmpty() ? null : wave.tasks.get(wave.tasks.size() - 1);
            if (task == null
                    || wave.lastTaskBytes + batch.bytes() > partitionBytes
                    || task.size() >= partitionBatches) {
                if (wave.tasks.size() >= tasksPerWave) {
                    launch();
                }
                task = new ArrayList<>();
                wave.tasks.add(task);
                wave.lastTaskBytes = 0;
            }
            wave.order.add(new int[] {wave.tasks.size() - 1, task.size()});
            task.add(batch);
            wave.lastTaskBytes += batch.bytes();
            if (wave.order.size() >= MAX_ORDER) {
                launch();
            }
        }

        private void launch() {
            Wave w = wave;
            wave = new Wave();
            if (!w.tasks.isEmpty()) {
                Compare compare = new Compare(run.algorithm(), run.target(), run.s3(), run.allVersions());
                w.future = jsc.parallelize(w.tasks, w.tasks.size()).map(compare).collectAsync();
            }
            inFlight.add(w);
            while (inFlight.size() > WAVES_IN_FLIGHT) {
                report(inFlight.poll());
            }
        }

        private void report(Wave w) {
            List<List<Verification.Outcome>> results = List.of();
            if (w.future != null) {
                try {
                    results = w.future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ManifestException(e, "exit.spark.jobFailed", "interrupted");
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw new ManifestException(cause, "exit.spark.jobFailed", firstLine(cause));
                }
            }
            for (Object o : w.order) {
                if (o instanceof int[] at) {
                    sink.accept(results.get(at[0]).get(at[1]));
                } else {
                    sink.accept((Verification.Outcome) o);
                }
            }
        }

        @Override
        public void drain() {
            if (!wave.order.isEmpty()) {
                launch();
            }
            while (!inFlight.isEmpty()) {
                report(inFlight.poll());
            }
        }

        @Override
        public void close() {
            for (Wave w : inFlight) {
                if (w.future != null) {
                    w.future.cancel(true);
                }
            }
            inFlight.clear();
        }
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** One task on an executor: the batches' comparisons, read through the target opened there. */
    static final class Compare implements Function<List<Verification.Batch>, List<Verification.Outcome>> {
        private static final long serialVersionUID = 1L;
        private final HashAlgorithm algorithm;
        private final String target;
        private final S3Settings s3;
        private final boolean allVersions;

        Compare(HashAlgorithm algorithm, String target, S3Settings s3, boolean allVersions) {
            this.algorithm = algorithm;
            this.target = target;
            this.s3 = s3;
            this.allVersions = allVersions;
        }

        @Override
        public List<Verification.Outcome> call(List<Verification.Batch> batches) {
            Source source = Opened.source(target, s3, allVersions);
            List<Verification.Outcome> out = new ArrayList<>(batches.size());
            for (Verification.Batch b : batches) {
                out.add(b.run(algorithm, source));
            }
            return out;
        }
    }

    /** Opens the target on an executor ahead of the first wave; a failure is left for the wave's tasks to report. */
    static final class Open implements VoidFunction<Integer> {
        private static final long serialVersionUID = 1L;
        private final String target;
        private final S3Settings s3;
        private final boolean allVersions;

        Open(String target, S3Settings s3, boolean allVersions) {
            this.target = target;
            this.s3 = s3;
            this.allVersions = allVersions;
        }

        @Override
        public void call(Integer slot) {
            try {
                Opened.source(target, s3, allVersions);
            } catch (RuntimeException e) {
                // not opened now: the first task that needs it opens it again and reports what went wrong
            }
        }
    }

    /**
     * The targets an executor has opened, kept for the life of its JVM: one S3 client (its connection pool) serves
     * every task, and a directory is not opened again per task. Reading an item needs no state of the walk.
     */
    static final class Opened {
        private static final Map<List<Object>, Source> SOURCES = new ConcurrentHashMap<>();

        private Opened() {}

        static Source source(String target, S3Settings s3, boolean allVersions) {
            return SOURCES.computeIfAbsent(
                    java.util.Arrays.asList(target, s3, allVersions), k -> Targets.open(target, s3, allVersions));
        }
    }
}
