package org.yunjian.storage;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** A refused start (open permissions, database in use, no data directory) is reported as a message for the operator, not a stack trace. */
public class StorageFailureAnalyzer implements FailureAnalyzer {

    /** The operator's message (and what to do) for a refused start, or null when {@code failure} is something else. */
    public static String refusal(Throwable failure) {
        FailureAnalysis a = new StorageFailureAnalyzer().analyze(failure);
        return a == null ? null : a.getDescription() + "\n" + a.getAction();
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataDirectoryGuard.InsecureDataDirectoryException e) {
                return new FailureAnalysis(e.getMessage(), StorageMessages.get("storage.permissions.action"), e);
            }
            if (t instanceof DataDirectoryGuard.MissingDataDirectoryException e) {
                return new FailureAnalysis(e.getMessage(), StorageMessages.get("storage.dataDir.missingAction"), e);
            }
        }
        return DatabaseInUseException.messageFor(failure)
                .map(m -> new FailureAnalysis(m, StorageMessages.get("storage.database.inUseAction"), failure))
                .orElse(null);
    }
}
