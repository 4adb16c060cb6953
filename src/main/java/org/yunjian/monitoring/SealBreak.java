package org.yunjian.monitoring;

/** Why a monitor's chain of sealed probes is broken ({@link ProbeChain#verify}). */
public enum SealBreak implements org.yunjian.shared.Labelled {
    /** A stored field of the probe differs from what was sealed. */
    SEAL_MISMATCH,
    /** The seal is not signed by the platform's key. */
    SIGNATURE_INVALID,
    /** A probe is missing, added or out of its place in the chain. */
    CHAIN_GAP,
    /** A probe stored after sealing began carries no seal. */
    NOT_SEALED,
    /**
     * The chain ends before, or no longer holds, the probe a signed checkpoint kept outside the database confirms was
     * stored: the newest probes were removed (and the head on the monitor rewound).
     */
    TRUNCATED,
    /** The checkpoint kept outside the database does not verify: it was rewritten without the platform's key. */
    CHECKPOINT_INVALID
}
