package org.yunjian.backup.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import org.yunjian.backup.BackupException;
import org.yunjian.backup.internal.BackupService;
import org.yunjian.cli.CliCommand;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yunjian backup [--to DIR] [--keys-to DIR]} while no server holds the embedded database (a running server
 * takes backups itself: {@code POST /api/backups} or the Backups page).
 */
@Component
@Command(name = "backup", mixinStandardHelpOptions = true)
class BackupCommand extends YunjianCommand implements CliCommand {

    private final BackupService backups;

    @Option(names = "--to", descriptionKey = "cli.backup.option.to")
    Path to;

    @Option(names = "--keys-to", descriptionKey = "cli.backup.option.keysTo")
    Path keysTo;

    BackupCommand(BackupService backups) {
        this.backups = backups;
    }

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        try {
            BackupService.Backup b = backups.create(to == null ? backups.backupDir() : to);
            out.println(text("backup.cli.created", b.path(), b.files(), Formats.size(b.bytes()), b.manifestSm3()));
            if (keysTo != null) {
                int n = backups.copyKeys(keysTo);
                out.println(text(
                        "backup.cli.keys-copied", n, keysTo.toAbsolutePath().normalize()));
            } else {
                out.println(text("backup.cli.keys-not-included"));
            }
            return 0;
        } catch (BackupException e) {
            err.println(text("backup.cli.failed", text(e.key(), e.args())));
            return 2;
        }
    }

    /** In the CLI's language ({@code --lang}, else the OS locale). */
    private static String text(String key, Object... args) {
        return Texts.get(key, args);
    }
}
