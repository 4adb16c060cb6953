package org.yunjian.exit.cli;

import java.io.Console;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.yunjian.cli.CliTexts;
import org.yunjian.crypto.Pem;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.HashAlgorithm;
import org.yunjian.exit.InventoryItem;
import org.yunjian.exit.Keys;
import org.yunjian.exit.Labels;
import org.yunjian.exit.ManifestBuilder;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.ManifestHeader;
import org.yunjian.exit.ManifestReader;
import org.yunjian.exit.S3Settings;
import org.yunjian.exit.Sensitivity;
import org.yunjian.exit.SignedVerificationReport;
import org.yunjian.exit.Verification;
import org.yunjian.exit.VerificationReport;
import org.yunjian.exit.internal.HashList;
import org.yunjian.exit.internal.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The offline commands {@code yunjian exit …} and {@code yunjian keys …}: plain picocli, no Spring, so
 * they start in a fraction of a second. {@code Application.main} dispatches to {@link #run} before any
 * Spring code runs. Exit status: 0 clean, 1 differences found, 2 bad input or error.
 */
public final class ExitCli {

    /** Environment variable holding the private key passphrase unless {@code --passphrase-env} names another. */
    public static final String PASSPHRASE_ENV = "YUNJIAN_KEY_PASSPHRASE";

    private static final String NO_CLOSURES = "picocli.disable.closures";

    private ExitCli() {}

    private static final java.util.Set<String> NAMES = java.util.Set.of("exit", "keys", "report");

    /** The way in from {@code Application.main}: {@code exit …}, {@code keys …} and {@code report …}, no Spring. */
    public static final org.yunjian.cli.CliEntry ENTRY = org.yunjian.cli.CliEntry.named(NAMES, args -> {
        org.yunjian.cli.CliEntry.logs(args);
        return run(args);
    });

    /** Whether {@code firstArg} is one of the offline commands. */
    static boolean handles(String firstArg) {
        return NAMES.contains(firstArg);
    }

    /** Runs {@code exit …} or {@code keys …} and returns the exit status. */
    public static int run(String... args) {
        return run(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 0 || !handles(args[0])) {
            err.println(ExitTexts.get("exit.cli.expected"));
            return 2;
        }
        args = language(args);
        if (System.getProperty(NO_CLOSURES) == null) {
            // picocli otherwise probes for groovy.lang.Closure, and a class that is nowhere to be found makes the JDK
            // open every jar on the class path first (≈0.2-0.4 s of a start, docs/performance.md)
            System.setProperty(NO_CLOSURES, "true");
        }
        Object root = "exit".equals(args[0])
                ? new ExitCommand()
                : "report".equals(args[0]) ? new org.yunjian.exit.cli.report.ReportCommand() : new KeysCommand();
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        if (args.length > 1 && "exit".equals(args[0]) && "verify".equals(args[1])) {
            // the timed command builds only its own picocli model: the whole tree costs 0.1-0.5 s of start-up
            root = new VerifyCommand();
            rest = java.util.Arrays.copyOfRange(args, 2, args.length);
        }
        CommandLine cl = texts(new CommandLine(root));
        if (root instanceof VerifyCommand) {
            cl.setCommandName("exit verify");
        }
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(rest);
    }

    /** The command tree of {@code exit} or {@code keys} with its help in {@code language} (for help checks). */
    public static CommandLine commandLine(String name, java.util.Locale language) {
        ExitTexts.use(language);
        return texts(new CommandLine("exit".equals(name) ? new ExitCommand() : new KeysCommand()));
    }

    /** The help of every command of the tree from the exit bundles, in the language of this run, as any command's. */
    static CommandLine texts(CommandLine commandLine) {
        return CliTexts.apply(commandLine, ExitTexts.keys("cli."), key -> ExitTexts.get(key));
    }

    /**
     * Takes {@code --lang zh|en} (or {@code --lang=…}) off the arguments and sets the language of this run; without
     * it the JVM's default locale decides.
     */
    static String[] language(String[] args) {
        ExitTexts.use(java.util.Locale.getDefault());
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                ExitTexts.use(java.util.Locale.forLanguageTag(args[++i]));
            } else if (args[i].startsWith("--lang=")) {
                ExitTexts.use(java.util.Locale.forLanguageTag(args[i].substring("--lang=".length())));
            } else {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }

    /** {@code s} on one line ({@code exit.cli.unknownError} for none). */
    static String oneLine(String s) {
        return s == null ? ExitTexts.get("exit.cli.unknownError") : s.replaceAll("[\\r\\n]+", " ");
    }

    /** Reads the passphrase from the named environment variable, or prompts on a terminal. */
    static char[] passphrase(String env, boolean confirm) {
        String v = System.getenv(env);
        if (v != null && !v.isEmpty()) {
            return v.toCharArray();
        }
        Console c = System.console();
        if (c == null) {
            throw new ManifestException("exit.cli.noPassphrase", env);
        }
        char[] p = c.readPassword("%s", ExitTexts.get("exit.cli.passphrase"));
        if (confirm) {
            char[] q = c.readPassword("%s", ExitTexts.get("exit.cli.passphraseAgain"));
            if (!java.util.Arrays.equals(p, q)) {
                throw new ManifestException("exit.cli.passphrasesDiffer");
            }
        }
        return p;
    }

    /** S3 connection options shared by the commands. */
    static final class S3Options {
        @Option(names = "--endpoint", descriptionKey = "cli.exit.option.endpoint")
        String endpoint;

        @Option(names = "--region", descriptionKey = "cli.exit.option.region")
        String region;

        @Option(
                names = "--s3-concurrency",
                defaultValue = "" + S3Settings.DEFAULT_CONCURRENCY,
                descriptionKey = "cli.exit.option.s3Concurrency")
        int concurrency;

        @Option(
                names = "--s3-part-size",
                defaultValue = "" + (S3Settings.DEFAULT_PART_SIZE >> 20),
                descriptionKey = "cli.exit.option.s3PartSize")
        long partSizeMib;

        @Option(
                names = "--s3-memory",
                defaultValue = "" + (S3Settings.DEFAULT_MEMORY >> 20),
                descriptionKey = "cli.exit.option.s3Memory")
        long memoryMib;

        @Option(
                names = "--s3-retries",
                defaultValue = "" + S3Settings.DEFAULT_RETRIES,
                descriptionKey = "cli.exit.option.s3Retries")
        int retries;

        S3Settings settings() {
            return new S3Settings(
                    endpoint,
                    region,
                    System.getenv("AWS_ACCESS_KEY_ID"),
                    System.getenv("AWS_SECRET_ACCESS_KEY"),
                    concurrency,
                    Math.max(0, Math.min(partSizeMib, 1L << 20)) << 20,
                    Math.max(0, Math.min(memoryMib, 1L << 20)) << 20,
                    retries);
        }
    }

    /** A command that only groups subcommands: run alone, it prints its usage. */
    abstract static class Group implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(
            name = "exit",
            mixinStandardHelpOptions = true,
            version = ManifestHeader.TOOL,
            subcommands = {
                ManifestCommand.class,
                VerifyCommand.class,
                VerifyCertificateCommand.class,
                CheckDeletedCommand.class,
                CountersignCommand.class
            })
    static final class ExitCommand extends Group {}

    @Command(
            name = "manifest",
            mixinStandardHelpOptions = true,
            subcommands = {BuildCommand.class, ExportCommand.class})
    static final class ManifestCommand extends Group {}

    @Command(name = "build", mixinStandardHelpOptions = true)
    static final class BuildCommand extends OfflineCommand {
        @Parameters(
                index = "0",
                paramLabel = "<dir | s3://bucket/prefix>",
                descriptionKey = "cli.exit.option.build.target")
        String target;

        @Option(names = "--out", required = true, descriptionKey = "cli.exit.option.build.out")
        Path out;

        @Option(names = "--key", required = true, descriptionKey = "cli.exit.option.build.key")
        Path key;

        @Option(
                names = "--passphrase-env",
                defaultValue = PASSPHRASE_ENV,
                descriptionKey = "cli.exit.option.passphraseEnv")
        String passphraseEnv;

        @Option(names = "--algorithm", defaultValue = "sm3", descriptionKey = "cli.exit.option.build.algorithm")
        String algorithm;

        @Option(names = "--labels", descriptionKey = "cli.exit.option.build.labels")
        Path labels;

        @Option(names = "--sensitive-glob", descriptionKey = "cli.exit.option.build.sensitiveGlob")
        List<String> sensitive = new ArrayList<>();

        @Option(names = "--public-glob", descriptionKey = "cli.exit.option.build.publicGlob")
        List<String> pub = new ArrayList<>();

        @Option(
                names = "--default-sensitivity",
                defaultValue = "sensitive",
                descriptionKey = "cli.exit.option.build.defaultSensitivity")
        String defaultSensitivity;

        @Option(names = "--inventory", descriptionKey = "cli.exit.option.build.inventory")
        Path inventory;

        @Option(names = "--all-versions", descriptionKey = "cli.exit.option.build.allVersions")
        boolean allVersions;

        @Option(names = "--detached-signature", descriptionKey = "cli.exit.option.build.detached")
        boolean detached;

        @Option(names = "--threads", defaultValue = "0", descriptionKey = "cli.exit.option.threads")
        int threads;

        @Option(names = "--chunk-size", defaultValue = "64M", descriptionKey = "cli.exit.option.build.chunkSize")
        String chunkSize;

        @Option(names = "--chunk-threshold", descriptionKey = "cli.exit.option.build.chunkThreshold")
        String chunkThreshold;

        @Option(names = "--no-chunks", descriptionKey = "cli.exit.option.build.noChunks")
        boolean noChunks;

        @CommandLine.Mixin
        S3Options s3 = new S3Options();

        @Override
        protected int work(PrintWriter stdout, PrintWriter stderr) {
            HashAlgorithm alg = HashAlgorithm.parse(algorithm);
            long size = noChunks ? 0 : ManifestHeader.parseByteCount(chunkSize);
            long threshold = noChunks
                    ? 0
                    : chunkThreshold == null
                            ? Math.max(ManifestHeader.DEFAULT_CHUNK_THRESHOLD, size)
                            : ManifestHeader.parseByteCount(chunkThreshold);
            if (!noChunks) {
                ManifestHeader.checkChunking(size, threshold);
            }
            PrivateKey k = Keys.readPrivateKey(key, passphraseFor(key));
            Labels l = new Labels(Sensitivity.parse(defaultSensitivity));
            if (labels != null) {
                l.addFile(labels);
            }
            pub.forEach(g -> l.add(g, Sensitivity.PUBLIC, null));
            sensitive.forEach(g -> l.add(g, Sensitivity.SENSITIVE, null));
            List<InventoryItem> items = inventory == null ? List.of() : ManifestBuilder.readInventory(inventory);
            ManifestBuilder.Result r = ManifestBuilder.build(
                    target,
                    out,
                    k,
                    new ManifestBuilder.Options(
                            alg, l, items, allVersions, detached, threads, s3.settings(), size, threshold));
            stdout.println(
                    ExitTexts.get("exit.cli.built", String.valueOf(out), r.files(), r.bytes(), items.size(), alg.id()));
            if (r.unreadable() > 0) {
                stderr.println(ExitTexts.get("exit.cli.unreadable", r.unreadable()));
                return 1;
            }
            return 0;
        }

        private char[] passphraseFor(Path file) {
            return ExitCli.passphraseFor(file, passphraseEnv);
        }
    }

    static char[] passphraseFor(Path file, String passphraseEnv) {
        try {
            String text = file.toString().endsWith(".p12") || file.toString().endsWith(".pfx")
                    ? "ENCRYPTED"
                    : Files.readString(file);
            return text.contains("ENCRYPTED") ? passphrase(passphraseEnv, false) : null;
        } catch (IOException e) {
            throw new ManifestException(e, "exit.cli.cannotReadKey", String.valueOf(file), e.getMessage());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportCommand extends OfflineCommand {
        @Option(names = "--manifest", required = true, descriptionKey = "cli.exit.option.export.manifest")
        Path manifest;

        @Option(names = "--format", required = true, descriptionKey = "cli.exit.option.export.format")
        String format;

        @Option(names = "--out", descriptionKey = "cli.exit.option.export.out")
        Path out;

        @Override
        protected int work(PrintWriter stdout, PrintWriter stderr) throws IOException {
            HashList.Format f = HashList.Format.parse(format);
            if (out == null) {
                HashList.export(manifest, f, stdout);
            } else {
                try (Writer w = Files.newBufferedWriter(out)) {
                    HashList.export(manifest, f, w);
                }
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class VerifyCommand extends OfflineCommand {
        @Parameters(
                index = "0",
                paramLabel = "<dir | s3://bucket/prefix>",
                descriptionKey = "cli.exit.option.verify.target")
        String target;

        @Option(names = "--manifest", descriptionKey = "cli.exit.option.verify.manifest")
        Path manifest;

        @Option(names = "--pubkey", descriptionKey = "cli.exit.option.verify.pubkey")
        Path pubkey;

        @Option(names = "--list", descriptionKey = "cli.exit.option.verify.list")
        Path list;

        @Option(names = "--format", descriptionKey = "cli.exit.option.verify.format")
        String format;

        @Option(names = "--json", descriptionKey = "cli.exit.option.verify.json")
        boolean json;

        @Option(names = "--key", descriptionKey = "cli.exit.option.verify.key")
        Path key;

        @Option(
                names = "--passphrase-env",
                defaultValue = PASSPHRASE_ENV,
                descriptionKey = "cli.exit.option.passphraseEnv")
        String passphraseEnv;

        @Option(names = "--checkpoint", descriptionKey = "cli.exit.option.verify.checkpoint")
        Path checkpoint;

        @Option(names = "--threads", defaultValue = "0", descriptionKey = "cli.exit.option.threads")
        int threads;

        @CommandLine.Mixin
        S3Options s3 = new S3Options();

        @Override
        protected int work(PrintWriter stdout, PrintWriter stderr) {
            if ((manifest == null) == (list == null)) {
                throw new ManifestException("exit.cli.manifestOrList");
            }
            PrivateKey signingKey = key == null ? null : Keys.readPrivateKey(key, passphraseFor(key, passphraseEnv));
            AtomicBoolean cancel = new AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                cancel.set(true);
                try {
                    finished.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            ProgressBar bar = ProgressBar.forTerminal();
            Verification.Options o = new Verification.Options(threads, checkpoint, cancel::get, bar, s3.settings());
            // only now, with the options accepted: a command refused above (--s3-concurrency 0) left the hook behind,
            // and the JVM's exit then waited the hook's whole 10 seconds for work that never started
            Runtime.getRuntime().addShutdownHook(hook);
            VerificationReport r;
            try {
                if (manifest != null) {
                    PublicKey key = pubkey == null ? null : Keys.readPublicKey(pubkey);
                    r = Verification.verify(manifest, key, target, o);
                } else {
                    if (format == null) {
                        throw new ManifestException("exit.cli.listFormat");
                    }
                    HashList l = HashList.read(
                            list, HashList.Format.parse(format), target.startsWith("s3://") ? null : Path.of(target));
                    r = Verification.verify(l, target, o);
                }
                if (bar != null) {
                    bar.done();
                }
                print(r, signingKey, stdout);
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // shutting down
                }
            }
            if (checkpoint == null) {
                r.discardTemporaryFindings();
            }
            return r.clean() ? 0 : r.interrupted() ? 3 : 1;
        }

        private void print(VerificationReport r, PrivateKey signingKey, PrintWriter o) {
            if (json) {
                SignedVerificationReport report =
                        SignedVerificationReport.of(r, manifest == null ? null : ManifestReader.fileDigests(manifest));
                byte[] file =
                        signingKey == null ? report.write() : report.sign(signingKey, Keys.publicKeyOf(signingKey));
                o.print(new String(file, java.nio.charset.StandardCharsets.UTF_8));
                o.flush();
                return;
            }
            r.printText(o);
        }
    }

    @Command(
            name = "keys",
            mixinStandardHelpOptions = true,
            version = ManifestHeader.TOOL,
            subcommands = {KeysCreate.class, KeysImport.class, KeysShow.class})
    static final class KeysCommand extends Group {}

    @Command(name = "create", mixinStandardHelpOptions = true)
    static final class KeysCreate extends OfflineCommand {
        @Option(names = "--out", required = true, descriptionKey = "cli.exit.option.keys.out")
        Path out;

        @Option(names = "--name", defaultValue = "exit-signing", descriptionKey = "cli.exit.option.keys.name")
        String name;

        @Option(
                names = "--passphrase-env",
                defaultValue = PASSPHRASE_ENV,
                descriptionKey = "cli.exit.option.passphraseEnv")
        String passphraseEnv;

        @Override
        protected int work(PrintWriter stdout, PrintWriter stderr) throws IOException {
            char[] pass = passphrase(passphraseEnv, true);
            KeyPair pair = Keys.generate();
            Path[] files = Keys.write(out, name, pair, pass);
            stdout.println(ExitTexts.get(
                    "exit.cli.keyFiles",
                    String.valueOf(files[0]),
                    String.valueOf(files[1]),
                    Keys.fingerprint(pair.getPublic())));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class KeysImport extends OfflineCommand {
        @Option(names = "--in", required = true, descriptionKey = "cli.exit.option.import.in")
        Path in;

        @Option(names = "--in-passphrase-env", descriptionKey = "cli.exit.option.import.inPassphraseEnv")
        String inPassphraseEnv;

        @Option(names = "--out", required = true, descriptionKey = "cli.exit.option.keys.out")
        Path out;

        @Option(names = "--name", defaultValue = "exit-signing", descriptionKey = "cli.exit.option.keys.name")
        String name;

        @Option(
                names = "--passphrase-env",
                defaultValue = PASSPHRASE_ENV,
                descriptionKey = "cli.exit.option.passphraseEnv")
        String passphraseEnv;

        @Override
        protected int work(PrintWriter stdout, PrintWriter stderr) throws IOException {
            char[] inPass = inPassphraseEnv == null ? null : passphrase(inPassphraseEnv, false);
            PrivateKey priv = Keys.readPrivateKey(in, inPass);
            KeyPair pair = new KeyPair(Keys.publicKeyOf(priv), priv);
            Path[] files = Keys.write(out, name, pair, passphrase(passphraseEnv, true));
            stdout.println(ExitTexts.get(
                    "exit.cli.keyFiles",
                    String.valueOf(files[0]),
                    String.valueOf(files[1]),
                    Keys.fingerprint(pair.getPublic())));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class KeysShow extends OfflineCommand {
        @Parameters(index = "0", paramLabel = "<pubkey.pem>", descriptionKey = "cli.exit.option.show.file")
        Path file;

        @Override
        protected int work(PrintWriter stdout, PrintWriter stderr) {
            PublicKey k = Keys.readPublicKey(file);
            stdout.print(ExitTexts.get("exit.cli.keyShow", Keys.fingerprint(k)) + "\n" + Pem.writePublicKey(k));
            return 0;
        }
    }
}
