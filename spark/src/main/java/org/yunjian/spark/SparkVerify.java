package org.yunjian.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.Keys;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.ManifestReader;
import org.yunjian.exit.S3Settings;
import org.yunjian.exit.SignedVerificationReport;
import org.yunjian.exit.Verification;
import org.yunjian.exit.VerificationReport;

/**
 * {@code spark-submit --class org.yunjian.spark.SparkVerify yunjian-spark.jar <target> --manifest … --pubkey …}: the
 * verification of {@code yunjian exit verify} as a Spark job (docs/spark.md). The driver reads and checks the manifest
 * and lists the target; the executors read and hash; the report — text, or with {@code --json} the same
 * {@link SignedVerificationReport} file as the CLI's — is written by the driver. Exit status as the CLI's: 0 clean,
 * 1 differences found, 2 bad input or a failed job (one line on standard error), 3 interrupted.
 */
public final class SparkVerify {

    /** Environment variable holding the private key passphrase unless {@code --passphrase-env} names another. */
    static final String PASSPHRASE_ENV = "YUNJIAN_KEY_PASSPHRASE";

    private static final int PROBE_MILLIS = 5_000;

    private SparkVerify() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs the job on a Spark context of its own (the master from spark-submit or {@code --master}). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return guarded(err, () -> {
            Args a = Args.parse(language(args));
            if (a == null) {
                out.println(ExitTexts.get("exit.spark.usage"));
                return 0;
            }
            SparkConf conf = new SparkConf().setAppName("yunjian-verify");
            if (a.master != null) {
                conf.setMaster(a.master);
            }
            if (!conf.contains("spark.master")) {
                throw new ManifestException("exit.spark.noMaster");
            }
            String master = conf.get("spark.master");
            probe(master);
            JavaSparkContext jsc;
            try {
                jsc = new JavaSparkContext(conf);
            } catch (RuntimeException e) {
                throw new ManifestException(e, "exit.spark.contextFailed", master, SparkWorkers.firstLine(e));
            }
            try {
                return verify(jsc, a, out, err);
            } finally {
                jsc.stop();
            }
        });
    }

    /** Runs the job on {@code jsc} (tests share one context); the context stays open. */
    public static int run(JavaSparkContext jsc, PrintWriter out, PrintWriter err, String... args) {
        return guarded(err, () -> {
            Args a = Args.parse(language(args));
            if (a == null) {
                out.println(ExitTexts.get("exit.spark.usage"));
                return 0;
            }
            return verify(jsc, a, out, err);
        });
    }

    private interface Body {
        int run() throws IOException;
    }

    private static int guarded(PrintWriter err, Body body) {
        try {
            return body.run();
        } catch (ManifestException | IllegalArgumentException e) {
            err.println(error(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            err.println(error(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        err.flush();
        return 2;
    }

    private static String error(String message) {
        return ExitTexts.get(
                "exit.cli.error",
                ExitTexts.get("exit.spark.command"),
                message == null ? ExitTexts.get("exit.cli.unknownError") : message.replaceAll("[\\r\\n]+", " "));
    }

    private static int verify(JavaSparkContext jsc, Args a, PrintWriter out, PrintWriter err) throws IOException {
        PrivateKey signingKey = a.key == null ? null : Keys.readPrivateKey(a.key, passphrase(a.passphraseEnv));
        PublicKey key = a.pubkey == null ? null : Keys.readPublicKey(a.pubkey);
        // no key in the settings: each JVM — driver and executors — takes it from the AWS SDK's default chain
        // (environment, system properties, profile, instance or pod role), so no secret travels with the tasks
        S3Settings s3 = new S3Settings(a.endpoint, a.region, null, null);
        Verification.Options o = Verification.Options.defaults().withS3(s3).withCheckpoint(a.checkpoint);
        long start = System.nanoTime();
        VerificationReport r = Verification.verify(
                a.manifest, key, a.target, o, new SparkWorkers(jsc, a.partitionMib * 1024L * 1024L));
        if (a.timing) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytes = r.totals().bytesHashed();
            err.println(ExitTexts.get(
                    "exit.spark.timing",
                    bytes,
                    String.format(Locale.ROOT, "%.2f", seconds),
                    String.format(Locale.ROOT, "%.1f", bytes / 1048576.0 / Math.max(seconds, 1e-9)),
                    jsc.defaultParallelism()));
            err.flush();
        }
        try {
            byte[] report;
            if (a.json) {
                SignedVerificationReport s = SignedVerificationReport.of(r, ManifestReader.fileDigests(a.manifest));
                report = signingKey == null ? s.write() : s.sign(signingKey, Keys.publicKeyOf(signingKey));
            } else {
                java.io.StringWriter text = new java.io.StringWriter();
                r.printText(new PrintWriter(text));
                report = text.toString().getBytes(StandardCharsets.UTF_8);
            }
            if (a.out != null) {
                Files.write(a.out, report);
            } else {
                out.print(new String(report, StandardCharsets.UTF_8));
                out.flush();
            }
        } finally {
            if (a.checkpoint == null) {
                r.discardTemporaryFindings();
            }
        }
        return r.clean() ? 0 : r.interrupted() ? 3 : 1;
    }

    private static char[] passphrase(String env) {
        String v = System.getenv(env);
        if (v == null || v.isEmpty()) {
            throw new ManifestException("exit.cli.noPassphrase", env);
        }
        return v.toCharArray();
    }

    /**
     * A standalone master ({@code spark://host:port[,host:port]}) that accepts no connection fails here in seconds
     * with its name: Spark itself would retry for a minute and then stop without a word to the caller.
     */
    static void probe(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        String reason = null;
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ManifestException("exit.spark.masterUnreachable", master, hostPort);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
                return;
            } catch (IOException e) {
                reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        throw new ManifestException("exit.spark.masterUnreachable", master, reason);
    }

    /** Takes {@code --lang zh|en} off the arguments, as the CLI does; without it the JVM's locale decides. */
    static String[] language(String[] args) {
        ExitTexts.use(Locale.getDefault());
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                ExitTexts.use(Locale.forLanguageTag(args[++i]));
            } else if (args[i].startsWith("--lang=")) {
                ExitTexts.use(Locale.forLanguageTag(args[i].substring("--lang=".length())));
            } else {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }

    /** The command line. */
    static final class Args {
        String target;
        Path manifest;
        Path pubkey;
        boolean json;
        boolean timing;
        Path out;
        Path key;
        String passphraseEnv = PASSPHRASE_ENV;
        Path checkpoint;
        String endpoint;
        String region;
        String master;
        long partitionMib = 256;

        /** The arguments, or null when help is asked for. */
        static Args parse(String[] args) {
            Args a = new Args();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--json" -> a.json = true;
                    case "--timing" -> a.timing = true;
                    case "--manifest",
                            "--pubkey",
                            "--out",
                            "--key",
                            "--passphrase-env",
                            "--checkpoint",
                            "--endpoint",
                            "--region",
                            "--master",
                            "--partition-mib" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new ManifestException("exit.spark.missingValue", name);
                            }
                            value = args[++i];
                        }
                        a.set(name, value);
                    }
                    default -> {
                        if (arg.startsWith("-") || a.target != null) {
                            throw new ManifestException("exit.spark.unknownOption", arg);
                        }
                        a.target = arg;
                    }
                }
            }
            if (a.target == null || a.manifest == null) {
                throw new ManifestException("exit.spark.noTarget");
            }
            return a;
        }

        private void set(String name, String value) {
            switch (name) {
                case "--manifest" -> manifest = Path.of(value);
                case "--pubkey" -> pubkey = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--key" -> key = Path.of(value);
                case "--passphrase-env" -> passphraseEnv = value;
                case "--checkpoint" -> checkpoint = Path.of(value);
                case "--endpoint" -> endpoint = value;
                case "--region" -> region = value;
                case "--master" -> master = value;
                case "--partition-mib" -> {
                    try {
                        partitionMib = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        partitionMib = -1;
                    }
                    if (partitionMib <= 0) {
                        throw new ManifestException("exit.spark.badNumber", name, value);
                    }
                }
                default -> throw new ManifestException("exit.spark.unknownOption", name);
            }
        }
    }
}
