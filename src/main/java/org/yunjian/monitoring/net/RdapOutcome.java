package org.yunjian.monitoring.net;

/**
 * How far a {@link RdapCheck} got. Only {@link #CHECKED} can raise a finding: a registry that cannot be asked is
 * reported as such, not as a problem of the domain (the guide asks for the check "where reachable").
 */
public enum RdapOutcome {
    /** The registration record was read and holds an expiration date. */
    CHECKED("monitoring.net.rdap.outcome.checked"),
    /** The record was read but holds no expiration event (some registries publish none). */
    NO_EXPIRATION("monitoring.net.rdap.outcome.noExpiration"),
    /** The RDAP server knows no such domain (HTTP 404). */
    NOT_FOUND("monitoring.net.rdap.outcome.notFound"),
    /** No connection, or an HTTP status other than 200 and 404. */
    UNREACHABLE("monitoring.net.rdap.outcome.unreachable"),
    /** No complete reply within the deadline. */
    TIMED_OUT("monitoring.net.rdap.outcome.timedOut"),
    /** The reply was larger than {@link RdapCheck#MAX_REPLY_BYTES}. */
    TOO_LARGE("monitoring.net.rdap.outcome.tooLarge"),
    /** The reply was not an RDAP JSON object, or its expiration date could not be read. */
    MALFORMED("monitoring.net.rdap.outcome.malformed"),
    /** The host has no registrable domain (an address literal, a single label). */
    NOT_A_DOMAIN("monitoring.net.rdap.outcome.notADomain");

    private final String key;

    RdapOutcome(String key) {
        this.key = key;
    }

    /**
     * The message key; its text takes the domain as {@code {0}}, the expiration date as {@code {1}} and the HTTP
     * status as {@code {2}}.
     */
    public String key() {
        return key;
    }
}
