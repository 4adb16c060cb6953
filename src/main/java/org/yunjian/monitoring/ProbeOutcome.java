package org.yunjian.monitoring;

/**
 * How a probe of a monitored page ended: {@link #OK}, an answer that is not the one expected, or a fetch that ended
 * within the limits a hostile or broken site cannot exceed (size, time, redirects). Every outcome but {@code OK}
 * counts as a failure towards the monitor's availability alert.
 */
public enum ProbeOutcome implements org.yunjian.shared.Labelled {
    OK,
    UNEXPECTED_STATUS,
    KEYWORD_MISSING,
    TIMEOUT,
    TOO_LARGE,
    REDIRECT_LOOP,
    REDIRECT_OFF_HOST,
    TOO_MANY_REDIRECTS,
    CONNECTION_FAILED,
    TLS_FAILED,
    BAD_URI,
    /** The address is one the platform does not probe (link-local, metadata; loopback and private unless allowed). */
    BLOCKED_ADDRESS;

    public boolean ok() {
        return this == OK;
    }
}
