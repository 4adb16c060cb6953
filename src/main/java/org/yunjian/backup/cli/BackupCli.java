package org.yunjian.backup.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.yunjian.backup.BackupException;
import org.yunjian.backup.BackupMessages;
import org.yunjian.backup.Restore;
import org.yunjian.cli.CliTexts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yunjian restore}: offline, no Spring and no database connection, so it can write a data directory no
 * server uses. {@code Application.main} dispatches to {@link #run} before any Spring code runs. Exit status: 0
 * restored, 2 refused or failed (nothing written).
 */
public final class BackupCli {

    private BackupCli() {}

    /** The way in from {@code Application.main}: {@code restore …}, offline, no Spring, no database connection. */
    public static final org.yunjian.cli.CliEntry ENTRY =
            org.yunjian.cli.CliEntry.named(java.util.Set.of("restore"), args -> {
                org.yunjian.cli.CliEntry.logs(args);
                return run(args);
            });

    static boolean handles(String firstArg) {
        return "restore".equals(firstArg);
    }

    /** Runs {@code restore …} in the language of {@code --lang} (else the OS locale) and returns the exit status. */
    public static int run(String... args) {
        org.yunjian.cli.CliArgs language = org.yunjian.cli.CliArgs.of(args);
        return run(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                new BackupMessages(language.locale()),
                language.use());
    }

    public static int run(PrintWriter out, PrintWriter err, BackupMessages messages, String... args) {
        if (args.length == 0 || !handles(args[0])) {
            err.println(messages.get("backup.cli.expected-restore"));
            return 2;
        }
        CommandLine cl = CliTexts.apply(new CommandLine(new RestoreCommand(messages)));
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    @Command(name = "restore", mixinStandardHelpOptions = true)
    static final class RestoreCommand extends YunjianCommand {
        private final BackupMessages messages;

        @Option(names = "--from", required = true, descriptionKey = "cli.backup.option.from")
        Path from;

        @Option(names = "--data-dir", required = true, descriptionKey = "cli.backup.option.dataDir")
        Path dataDir;

        @Option(names = "--keys-from", descriptionKey = "cli.backup.option.keysFrom")
        Path keysFrom;

        @Option(names = "--key-dir", descriptionKey = "cli.backup.option.keyDir")
        Path keyDir;

        @Option(names = "--check-with", descriptionKey = "cli.backup.option.checkWith")
        Path checkWith;

        @Option(names = "--accept-unsigned", descriptionKey = "cli.backup.option.acceptUnsigned")
        boolean acceptUnsigned;

        RestoreCommand(BackupMessages messages) {
            this.messages = messages;
        }

        /** Whatever stops a restore is one line in the restore's own texts, 2: nothing was written. */
        @Override
        protected Refusal refusal(Exception e) {
            String msg = e instanceof BackupException b ? messages.of(b) : e.toString();
            return Refusal.badInput(messages.get("backup.cli.restore-refused", msg.replaceAll("[\\r\\n]+", " ")));
        }

        @Override
        protected int work(PrintWriter o, PrintWriter err) {
            Restore.Result r =
                    Restore.run(new Restore.Request(from, dataDir, keyDir, keysFrom, checkWith, acceptUnsigned));
            Path keys = (keyDir == null ? dataDir.resolve("keys") : keyDir)
                    .toAbsolutePath()
                    .normalize();
            o.println(messages.get(
                    "backup.cli.restored", r.name(), dataDir.toAbsolutePath().normalize(), r.files(), r.manifestSm3()));
            o.println(
                    r.authenticated()
                            ? messages.get("backup.cli.restored-signed")
                            : messages.get("backup.cli.restored-unsigned"));
            o.println(
                    r.keysRestored()
                            ? messages.get("backup.cli.restored-keys", keys)
                            : messages.get("backup.cli.restored-no-keys", keys));
            if ("postgresql".equals(r.database())) {
                o.println(messages.get(
                        "backup.cli.restore-postgresql",
                        from.toAbsolutePath().normalize().resolve("database").resolve("yunjian.pgdump")));
            }
            o.println(messages.get(
                    "backup.cli.restore-next", dataDir.toAbsolutePath().normalize()));
            return 0;
        }
    }
}
