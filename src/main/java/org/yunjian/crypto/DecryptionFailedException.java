package org.yunjian.crypto;

/** Authenticated decryption failed: wrong key, wrong associated data, or the data was altered. */
public class DecryptionFailedException extends RuntimeException {
    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
