package org.yunjian.backup;

/** A backup or restore refused or failed; {@link #key()} names the message in the {@code messages/backup} bundle. */
public class BackupException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public BackupException(String key, Object... args) {
        this(null, key, args);
    }

    public BackupException(Throwable cause, String key, Object... args) {
        super(key + " " + java.util.Arrays.toString(args), cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
