package org.yunjian.exit;

/** The state of a manifest's signature after verification. Only {@link #VALID} is a clean result. */
public enum SignatureStatus {
    /** Signed with the given key, and the content is unchanged. */
    VALID,
    /** The signature, the digest or the counts do not match the content. */
    INVALID,
    /** No trailer: the manifest was cut short or never signed. */
    ABSENT,
    /** No public key was given, so the signature could not be checked. */
    NOT_CHECKED,
    /** A plain hash list (sha256sum, hashdeep) carries no signature. */
    NOT_APPLICABLE
}
