package org.yunjian.backup;

import org.yunjian.shared.Msg;
import org.yunjian.shared.ProblemException;
import org.yunjian.shared.Texts;

/**
 * A backup or restore refused or failed; {@link #key()} names the message in the {@code messages/backup} bundle. A REST
 * caller gets 409 {@code backup-running} while another backup runs, 503 {@code backup-busy} when transactions kept
 * the embedded database from standing still for the copy, else 500 {@code backup-failed}.
 */
public class BackupException extends ProblemException {

    private static final String RUNNING = "backup.error.running";
    private static final String BUSY = "backup.error.busy";

    private final String key;
    private final transient Object[] args;

    public BackupException(String key, Object... args) {
        this(null, key, args);
    }

    public BackupException(Throwable cause, String key, Object... args) {
        super(
                RUNNING.equals(key) ? 409 : BUSY.equals(key) ? 503 : 500,
                RUNNING.equals(key) ? "backup-running" : BUSY.equals(key) ? "backup-busy" : "backup-failed",
                Msg.of(key, args),
                cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    @Override
    public String problemTitle() {
        return Texts.get("backup.problem.title");
    }
}
