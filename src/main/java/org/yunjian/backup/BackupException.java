package org.yunjian.backup;

import org.yunjian.shared.Msg;
import org.yunjian.shared.ProblemException;
import org.yunjian.shared.Texts;

/**
 * A backup or restore refused or failed; {@link #key()} names the message in the {@code messages/backup} bundle. A REST
 * caller gets 409 {@code backup-running} while another backup runs, else 500 {@code backup-failed}.
 */
public class BackupException extends ProblemException {

    private static final String RUNNING = "backup.error.running";

    private final String key;
    private final transient Object[] args;

    public BackupException(String key, Object... args) {
        this(null, key, args);
    }

    public BackupException(Throwable cause, String key, Object... args) {
        super(
                RUNNING.equals(key) ? 409 : 500,
                RUNNING.equals(key) ? "backup-running" : "backup-failed",
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
