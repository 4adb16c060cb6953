package org.yunjian.monitoring.net;

/** How far a {@link TlsCheck} got with a server; only {@link #CHECKED} carries a chain and findings. */
public enum TlsOutcome {
    /** The handshake completed: the chain, the protocol and the findings are in the result. */
    CHECKED("monitoring.net.tls.outcome.checked"),
    /** No connection: the name does not resolve, or nothing listens (refused, unreachable). */
    CANNOT_CONNECT("monitoring.net.tls.outcome.cannotConnect"),
    /** The connection or the handshake did not complete within the deadline. */
    TIMED_OUT("monitoring.net.tls.outcome.timedOut"),
    /**
     * The server answered but no TLS handshake the JDK offers completed: it speaks no TLS on that port, or only
     * versions, cipher suites or certificates the JDK does not support (a TLCP-only server, GB/T 38636, is one).
     */
    HANDSHAKE_FAILED("monitoring.net.tls.outcome.handshakeFailed");

    private final String key;

    TlsOutcome(String key) {
        this.key = key;
    }

    /** The message key; its text takes the host as {@code {0}} and the port as {@code {1}}. */
    public String key() {
        return key;
    }
}
