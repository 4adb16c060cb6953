package org.yunjian.monitoring.net;

import java.util.Locale;

/**
 * How a name resolved; every outcome but {@link #ANSWERED} is itself a {@code DNS} finding, its subject the
 * outcome's name in lower case ({@code nxdomain}, {@code timeout}).
 */
public enum DnsOutcome {
    /** At least one A, AAAA or CNAME record. */
    ANSWERED("monitoring.net.dns.outcome.answered"),
    /** The name exists but has no A, AAAA or CNAME record (NOERROR, no data). */
    NO_ANSWER("monitoring.net.dns.outcome.noAnswer"),
    /** The name does not exist (RCODE 3). */
    NXDOMAIN("monitoring.net.dns.outcome.nxdomain"),
    /** The server could not resolve it (RCODE 2): often a broken delegation or failing DNSSEC validation. */
    SERVFAIL("monitoring.net.dns.outcome.servfail"),
    /** Another error code (REFUSED, NOTIMP, FORMERR …), named in the message. */
    ERROR("monitoring.net.dns.outcome.error"),
    /** No reply within the deadline. */
    TIMEOUT("monitoring.net.dns.outcome.timeout"),
    /** The server could not be reached (a TCP connection refused, no route). */
    UNREACHABLE("monitoring.net.dns.outcome.unreachable");

    private final String key;

    DnsOutcome(String key) {
        this.key = key;
    }

    /** The message key; its text takes the name as {@code {0}} and, for {@link #ERROR}, the code as {@code {1}}. */
    public String key() {
        return key;
    }

    /** The stable subject of the finding this outcome raises. */
    public String subject() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
