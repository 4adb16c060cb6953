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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.yunjian.crypto.Pem;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.Finding;
import org.yunjian.exit.HashAlgorithm;
import org.yunjian.exit.HashList;
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
import org.yunjian.exit.Totals;
import org.yunjian.exit.Verification;
import org.yunjian.exit.VerificationReport;
import org.yunjian.exit.internal.Json;
import org.yunjian.exit.internal.ProgressBar;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The offline commands {@code yunjian exit …} and {@code yunjian keys …}: plain picocli, no Spring, so
 * they start in a fraction of a second. {@code Application.main} dispatches to {@link #run} before any
 * Spring code runs. Exit status: 0 clean, 1 differences found, 2 bad input or error.
 */
public final class ExitCli {

    /** Environment variable holding the private key passphrase unless {@code --passphrase-env} names another. */
    public static final String PASSPHRASE_ENV = "YUNJIAN_KEY_PASSPHRASE";

    private static final String NO_CLOSURES = "picocli.disable.closures";

    private ExitCli() {
    }

    /** Whether {@code firstArg} is one of the offline commands. */
    public static boolean handles(String firstArg) {
        return "exit".equals(firstArg) || "keys".equals(firstArg);
    }

    /** Runs {@code exit …} or {@code keys …} and returns the exit status. */
    public static int run(String... args) {
        return run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
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
        Object root = "exit".equals(args[0]) ? new ExitCommand() : new KeysCommand();
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        if (args.length > 1 && "exit".equals(args[0]) && "verify".equals(args[1])) {
            // the timed command builds only its own picocli model: the whole tree costs 0.1-0.5 s of start-up
            root = new VerifyCommand();
            rest = java.util.Arrays.copyOfRange(args, 2, args.length);
        }
        CommandLine cl = new CommandLine(root);
        if (root instanceof VerifyCommand) {
            cl.setCommandName("exit verify");
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String msg = ex instanceof ManifestException || ex instanceof IllegalArgumentException
                    ? ex.getMessage() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
            commandLine.getErr().println(ExitTexts.get("exit.cli.error", "yunjian " + commandLine.getCommandSpec()
                    .qualifiedName().replace("yunjian ", "").trim(), oneLine(msg)));
            return 2;
        });
        return cl.execute(rest);
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
            throw new ManifestException(ExitTexts.get("exit.cli.noPassphrase", env));
        }
        char[] p = c.readPassword("%s", ExitTexts.get("exit.cli.passphrase"));
        if (confirm) {
            char[] q = c.readPassword("%s", ExitTexts.get("exit.cli.passphraseAgain"));
            if (!java.util.Arrays.equals(p, q)) {
                throw new ManifestException(ExitTexts.get("exit.cli.passphrasesDiffer"));
            }
        }
        return p;
    }

    /** S3 connection options shared by the commands. */
    static final class S3Options {
        @Option(names = "--endpoint", description = "S3-compatible endpoint URL (path-style), e.g. http://127.0.0.1:9000")
        String endpoint;
        @Option(names = "--region", description = "S3 region (default us-east-1)")
        String region;

        S3Settings settings() {
            return new S3Settings(endpoint, region, System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"));
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

    @Command(name = "exit", mixinStandardHelpOptions = true, version = ManifestHeader.TOOL,
            description = "Exit from a cloud: signed hand-over manifests and their verification (offline, no server).",
            subcommands = {ManifestCommand.class, VerifyCommand.class, VerifyCertificateCommand.class,
                    CheckDeletedCommand.class})
    static final class ExitCommand extends Group {
    }

    @Command(name = "manifest", mixinStandardHelpOptions = true, description = "Build or export hand-over manifests.",
            subcommands = {BuildCommand.class, ExportCommand.class})
    static final class ManifestCommand extends Group {
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Inventory a directory or s3://bucket/prefix into a signed manifest (JSON Lines).")
    static final class BuildCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<dir | s3://bucket/prefix>")
        String target;
        @Option(names = "--out", required = true, description = "manifest file to write")
        Path out;
        @Option(names = "--key", required = true, description = "SM2 private key (encrypted PEM, PEM or .p12)")
        Path key;
        @Option(names = "--passphrase-env", defaultValue = PASSPHRASE_ENV, description = "environment variable with the key passphrase (default ${DEFAULT-VALUE})")
        String passphraseEnv;
        @Option(names = "--algorithm", defaultValue = "sm3", description = "sm3 (default) or sha256")
        String algorithm;
        @Option(names = "--labels", description = "label file: '<glob> <敏感|公开> [description]' per line")
        Path labels;
        @Option(names = "--sensitive-glob", description = "paths marked 敏感 (repeatable)")
        List<String> sensitive = new ArrayList<>();
        @Option(names = "--public-glob", description = "paths marked 公开 (repeatable)")
        List<String> pub = new ArrayList<>();
        @Option(names = "--default-sensitivity", defaultValue = "敏感", description = "for paths no rule matches (default 敏感)")
        String defaultSensitivity;
        @Option(names = "--inventory", description = "non-file inventory items, one JSON object per line")
        Path inventory;
        @Option(names = "--all-versions", description = "record every object version (S3)")
        boolean allVersions;
        @Option(names = "--detached-signature", description = "write the signed trailer to <out>.sig")
        boolean detached;
        @Option(names = "--threads", defaultValue = "0", description = "hashing threads (default: one per core)")
        int threads;
        @CommandLine.Mixin
        S3Options s3 = new S3Options();

        @Override
        public Integer call() {
            HashAlgorithm alg = HashAlgorithm.parse(algorithm);
            PrivateKey k = Keys.readPrivateKey(key, passphraseFor(key));
            Labels l = new Labels(Sensitivity.parse(defaultSensitivity));
            if (labels != null) {
                l.addFile(labels);
            }
            pub.forEach(g -> l.add(g, Sensitivity.PUBLIC, null));
            sensitive.forEach(g -> l.add(g, Sensitivity.SENSITIVE, null));
            List<InventoryItem> items = inventory == null ? List.of() : ManifestBuilder.readInventory(inventory);
            ManifestBuilder.Result r = ManifestBuilder.build(target, out, k,
                    new ManifestBuilder.Options(alg, l, items, allVersions, detached, threads, s3.settings()));
            PrintWriter o = spec.commandLine().getOut();
            o.println(ExitTexts.get("exit.cli.built", String.valueOf(out), r.files(), r.bytes(), items.size(), alg.id()));
            if (r.unreadable() > 0) {
                spec.commandLine().getErr().println(ExitTexts.get("exit.cli.unreadable", r.unreadable()));
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
            String text = file.toString().endsWith(".p12") || file.toString().endsWith(".pfx") ? "ENCRYPTED"
                    : Files.readString(file);
            return text.contains("ENCRYPTED") ? passphrase(passphraseEnv, false) : null;
        } catch (IOException e) {
            throw new ManifestException(ExitTexts.get("exit.cli.cannotReadKey", String.valueOf(file), e.getMessage()), e);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a manifest's files as a sha256sum, sm3sum or hashdeep list.")
    static final class ExportCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--manifest", required = true)
        Path manifest;
        @Option(names = "--format", required = true, description = "sha256sum, sm3sum or hashdeep")
        String format;
        @Option(names = "--out", description = "file to write (default: standard output)")
        Path out;

        @Override
        public Integer call() throws IOException {
            HashList.Format f = HashList.Format.parse(format);
            if (out == null) {
                HashList.export(manifest, f, spec.commandLine().getOut());
            } else {
                try (Writer w = Files.newBufferedWriter(out)) {
                    HashList.export(manifest, f, w);
                }
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a directory or s3://bucket/prefix against a manifest or a hash list. "
                    + "Exit status 0: identical and signature valid; 1: differences; 2: error.")
    static final class VerifyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<dir | s3://bucket/prefix>")
        String target;
        @Option(names = "--manifest", description = "the signed manifest")
        Path manifest;
        @Option(names = "--pubkey", description = "the signer's SM2 public key (PEM); without it the result is never clean")
        Path pubkey;
        @Option(names = "--list", description = "a hash list instead of a manifest")
        Path list;
        @Option(names = "--format", description = "format of --list: sha256sum, sm3sum or hashdeep")
        String format;
        @Option(names = "--json", description = "print the report as JSON (the signed report with --key)")
        boolean json;
        @Option(names = "--key", description = "the verifying party's SM2 private key: signs the --json report")
        Path key;
        @Option(names = "--passphrase-env", defaultValue = PASSPHRASE_ENV, description = "environment variable with the key passphrase (default ${DEFAULT-VALUE})")
        String passphraseEnv;
        @Option(names = "--checkpoint", description = "resume from and save progress to this file")
        Path checkpoint;
        @Option(names = "--threads", defaultValue = "0", description = "hashing threads (default: one per core)")
        int threads;
        @CommandLine.Mixin
        S3Options s3 = new S3Options();

        @Override
        public Integer call() {
            if ((manifest == null) == (list == null)) {
                throw new ManifestException(ExitTexts.get("exit.cli.manifestOrList"));
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
            Runtime.getRuntime().addShutdownHook(hook);
            ProgressBar bar = ProgressBar.forTerminal();
            Verification.Options o = new Verification.Options(threads, checkpoint, cancel::get, bar, s3.settings());
            VerificationReport r;
            try {
                if (manifest != null) {
                    PublicKey key = pubkey == null ? null : Keys.readPublicKey(pubkey);
                    r = Verification.verify(manifest, key, target, o);
                } else {
                    if (format == null) {
                        throw new ManifestException(ExitTexts.get("exit.cli.listFormat"));
                    }
                    HashList l = HashList.read(list, HashList.Format.parse(format),
                            target.startsWith("s3://") ? null : Path.of(target));
                    r = Verification.verify(l, target, o);
                }
                if (bar != null) {
                    bar.done();
                }
                print(r, signingKey);
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

        private void print(VerificationReport r, PrivateKey signingKey) {
            PrintWriter o = spec.commandLine().getOut();
            Totals t = r.totals();
            if (json) {
                SignedVerificationReport report = SignedVerificationReport.of(r,
                        manifest == null ? null : ManifestReader.fileDigests(manifest));
                byte[] file = signingKey == null ? report.write()
                        : report.sign(signingKey, Keys.publicKeyOf(signingKey));
                o.print(new String(file, java.nio.charset.StandardCharsets.UTF_8));
                o.flush();
                return;
            }
            r.forEachFinding(f -> o.printf("%-14s %s%s%n", f.kind(), f.path(),
                    (f.detail() == null ? "" : "  (" + f.detail() + ")")
                            + (f.kind() == Finding.Kind.SIZE_MISMATCH || f.kind() == Finding.Kind.HASH_MISMATCH
                            ? ExitTexts.get("exit.cli.expectedFound", f.expected(), f.actual()) : "")));
            o.println(ExitTexts.get("exit.cli.signature", r.signature(), r.signatureDetail()));
            o.println(ExitTexts.get("exit.cli.totals", t.expected(), t.ok(), t.missing(), t.extra(), t.sizeMismatch(),
                    t.hashMismatch(), t.unreadable(), t.bytesHashed(), t.hashedThisRun()));
            o.println(ExitTexts.get(r.clean() ? "exit.cli.result.ok" : r.interrupted() ? "exit.cli.result.interrupted"
                    : "exit.cli.result.differences"));
            o.flush();
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, version = ManifestHeader.TOOL,
            description = "SM2 signing keys for manifests (offline).",
            subcommands = {KeysCreate.class, KeysImport.class, KeysShow.class})
    static final class KeysCommand extends Group {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an SM2 key pair: <name>.key.pem (encrypted PKCS#8) and <name>.pub.pem.")
    static final class KeysCreate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--out", required = true, description = "directory for the key files")
        Path out;
        @Option(names = "--name", defaultValue = "exit-signing", description = "file name stem (default ${DEFAULT-VALUE})")
        String name;
        @Option(names = "--passphrase-env", defaultValue = PASSPHRASE_ENV, description = "environment variable with the passphrase (default ${DEFAULT-VALUE})")
        String passphraseEnv;

        @Override
        public Integer call() throws IOException {
            char[] pass = passphrase(passphraseEnv, true);
            KeyPair pair = Keys.generate();
            Path[] files = Keys.write(out, name, pair, pass);
            spec.commandLine().getOut().println(ExitTexts.get("exit.cli.keyFiles", String.valueOf(files[0]),
                    String.valueOf(files[1]), Keys.fingerprint(pair.getPublic())));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import an SM2 private key (PEM, encrypted PEM or PKCS#12) and store it encrypted.")
    static final class KeysImport implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--in", required = true, description = "the key to import")
        Path in;
        @Option(names = "--in-passphrase-env", description = "environment variable with the passphrase of --in")
        String inPassphraseEnv;
        @Option(names = "--out", required = true, description = "directory for the key files")
        Path out;
        @Option(names = "--name", defaultValue = "exit-signing")
        String name;
        @Option(names = "--passphrase-env", defaultValue = PASSPHRASE_ENV)
        String passphraseEnv;

        @Override
        public Integer call() throws IOException {
            char[] inPass = inPassphraseEnv == null ? null : passphrase(inPassphraseEnv, false);
            PrivateKey priv = Keys.readPrivateKey(in, inPass);
            KeyPair pair = new KeyPair(Keys.publicKeyOf(priv), priv);
            Path[] files = Keys.write(out, name, pair, passphrase(passphraseEnv, true));
            spec.commandLine().getOut().println(ExitTexts.get("exit.cli.keyFiles", String.valueOf(files[0]),
                    String.valueOf(files[1]), Keys.fingerprint(pair.getPublic())));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a public key's fingerprint and PEM.")
    static final class KeysShow implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<public key PEM>")
        Path file;

        @Override
        public Integer call() {
            PublicKey k = Keys.readPublicKey(file);
            spec.commandLine().getOut().print(ExitTexts.get("exit.cli.keyShow", Keys.fingerprint(k)) + "\n"
                    + Pem.writePublicKey(k));
            return 0;
        }
    }
}
