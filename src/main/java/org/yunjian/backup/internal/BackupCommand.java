package org.yunjian.backup.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunjian.backup.BackupException;
import org.yunjian.cli.CliCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian backup [--to DIR] [--keys-to DIR]} while no server holds the embedded database (a running server
 * takes backups itself: {@code POST /api/backups} or the Backups page).
 */
@Component
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the database, evidence and exit-project files into a new directory with an SM3 manifest. "
                + "Keys are copied only with --keys-to, to a directory of their own.")
class BackupCommand implements CliCommand, Callable<Integer> {

    private final BackupService backups;
    private final MessageSource messages;

    @Spec
    CommandSpec spec;
    @Option(names = "--to", description = "directory under which the backup is created (default: yunjian.backup.dir)")
    Path to;
    @Option(names = "--keys-to", description = "also copy the key directory here (absent or empty; keep it apart from the backup, e.g. offline media)")
    Path keysTo;

    BackupCommand(BackupService backups, MessageSource messages) {
        this.backups = backups;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            BackupService.Backup b = backups.create(to == null ? backups.backupDir() : to);
            out.println(text("backup.cli.created", b.path(), b.files(), b.bytes(), b.manifestSm3()));
            if (keysTo != null) {
                int n = backups.copyKeys(keysTo);
                out.println(text("backup.cli.keys-copied", n, keysTo.toAbsolutePath().normalize()));
            } else {
                out.println(text("backup.cli.keys-not-included"));
            }
            out.flush();
            return 0;
        } catch (BackupException e) {
            err.println(text("backup.cli.failed", text(e.key(), e.args())));
            err.flush();
            return 2;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, java.util.Locale.getDefault());
    }
}
