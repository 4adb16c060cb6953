package org.yunjian.security.internal.directory;

/** The directory could not be asked (not reachable, refused by the outbound policy, or answered nonsense). */
class DirectoryUnreachableException extends RuntimeException {

    DirectoryUnreachableException(String message) {
        super(message);
    }
}
