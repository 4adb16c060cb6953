package org.yunjian.storage;

/** The embedded database is held by another process (a running server); its message is for the operator. */
public class DatabaseInUseException extends IllegalStateException {

    /** The command line's exit code for "database in use". */
    public static final int EXIT_CODE = 2;

    DatabaseInUseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The operator's message if {@code failure} (or one of its causes) means the database is in use. */
    public static java.util.Optional<String> messageFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseInUseException d) {
                return java.util.Optional.of(d.getMessage());
            }
        }
        if (EmbeddedH2.inUse(failure)) {
            return java.util.Optional.of(StorageMessages.get("storage.database.inUse"));
        }
        return java.util.Optional.empty();
    }
}
