package org.yunjian.exit;

/** Input that cannot be verified or used at all: an unreadable or malformed manifest, a wrong key, a missing bucket. */
public class ManifestException extends RuntimeException {
    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
