package org.yunjian.monitoring.probe;

/**
 * How a fetch ended. Everything a site can do ends in one of these, never in an exception; the status code of an
 * answer (a 404, a 500) is the {@link FetchResult#status() status}, not an outcome: the site answered.
 */
public enum FetchOutcome {
    /** An answer arrived whole, within the limits (whatever its status). */
    OK,
    /** The deadline passed: while connecting, waiting for the headers, or reading a body that came too slowly. */
    TIMEOUT,
    /** The body was larger than the limit; what arrived up to the limit is kept, the rest was never read. */
    TOO_LARGE,
    /** A redirect led back to an address already visited. */
    REDIRECT_LOOP,
    /** A redirect led to a host the limits do not allow. */
    REDIRECT_OFF_HOST,
    /** More redirects than the limit. */
    TOO_MANY_REDIRECTS,
    /** No connection, a name that does not resolve, a connection reset, or an answer that is not HTTP. */
    CONNECTION_FAILED,
    /** The TLS handshake failed: an untrusted or expired certificate, a wrong host name, no common protocol. */
    TLS_FAILED,
    /**
     * The outbound address policy refused the address the connection was about to be made to (an internal, reserved
     * or metadata address); nothing was sent.
     */
    BLOCKED_ADDRESS,
    /** Not an {@code http}/{@code https} address with a host, or a redirect to such an address. */
    BAD_URI
}
