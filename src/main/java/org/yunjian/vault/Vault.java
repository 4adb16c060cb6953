package org.yunjian.vault;

import java.util.UUID;
import org.yunjian.shared.Msg;
import org.yunjian.shared.ProblemException;

/**
 * Sealed files, for any module that keeps files (assessment evidence, lifecycle duties, provider selection, drills,
 * migration acceptance, imported findings): checked by content (never by name), at most the configured size, SM3-hashed, sealed with
 * SM4-GCM under a fresh per-file key wrapped under the vault's master key. The caller stores the returned
 * {@link Sealed} metadata in its own table and hands it back to {@link #open}.
 */
public interface Vault {

    /**
     * Checks and seals an upload; a blob written inside a transaction that rolls back is removed again.
     *
     * @param field        the form field the file came in, named by the error of a refused file
     * @param originalName the name the uploader's machine gave it (only kept, sanitised, for display)
     * @throws org.yunjian.shared.FieldErrors.ValidationException empty, too large or of a refused type
     */
    Sealed seal(String field, String originalName, byte[] content);

    /**
     * As {@link #seal}, for a structured file whose type the caller established by parsing it and checking it against
     * its schema (an OSCAL document): {@code application/json} or {@code application/xml} only, never sniffed.
     */
    Sealed sealChecked(String field, String originalName, byte[] content, String checkedType);

    /**
     * The decrypted content, verified against its SM3 hash.
     *
     * @throws Unreadable altered in storage, missing, or its key destroyed
     */
    byte[] open(Sealed sealed);

    /** Removes the blob once the current transaction commits (the metadata row is the caller's to delete). */
    void discardAfterCommit(Sealed sealed);

    /**
     * A sealed file as stored.
     *
     * @param displayName sanitised original name, for display only
     * @param contentType detected from the content
     * @param blob        generated storage name
     * @param wrappedKey  the file's key, wrapped under the master key and bound to {@code id}
     */
    record Sealed(
            UUID id, String displayName, String contentType, long size, String sm3, String blob, String wrappedKey) {

        /** The type for people ("PNG 图片", "Word 文档"), never the media type. */
        public Msg typeName() {
            return FileTypes.typeName(contentType);
        }

        /** The name to serve under: the display name's stem and the extension of the detected type. */
        public String servedName() {
            return FileTypes.servedName(displayName, contentType);
        }
    }

    /** A sealed file that cannot be served; the text names it. */
    class Unreadable extends ProblemException {
        public Unreadable(Msg message, Throwable cause) {
            super(500, "evidence-unreadable", message, cause);
        }
    }
}
