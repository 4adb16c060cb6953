package org.yunjian.procurement;

/**
 * The review status of a required clause: not reviewed yet, present in the signed document (with the document's
 * clause reference), missing, or negotiated (a variation agreed with the provider, with a note saying what).
 */
public enum ClauseStatus {
    NOT_REVIEWED,
    PRESENT,
    MISSING,
    NEGOTIATED;

    /** Whether the clause stops the acquisition phase from closing when it is mandatory. */
    public boolean blocksGate() {
        return this == NOT_REVIEWED || this == MISSING;
    }
}
