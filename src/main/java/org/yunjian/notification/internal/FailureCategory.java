package org.yunjian.notification.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why a delivery was not made, as a category a platform administrator may see (the delivery health): never the
 * recorded error itself, which names the robot's host, a mail server's answer about a recipient's address or a
 * receiver's reply. Read from the reason the delivery job recorded ({@link Deliveries.DeliveryFailure}), on demand,
 * so the rows written before it existed have one too.
 */
public enum FailureCategory {
    /** The robot was removed, its sealed address does not open, no mail server or no address is configured. */
    CONFIGURATION,
    /** The address was refused before any connection (a private, internal or otherwise forbidden target). */
    ADDRESS_REFUSED,
    /** No answer: connection refused or reset, time-out, name not resolved. */
    UNREACHABLE,
    /** The receiver answered with an HTTP status other than 2xx. */
    HTTP_ERROR,
    /** The robot answered 2xx but said it did not accept the message (errcode, code). */
    REFUSED_BY_RECEIVER,
    /** The mail server refused or failed the message. */
    MAIL_SERVER,
    /** Anything else. */
    OTHER;

    private static final Pattern HTTP_STATUS = Pattern.compile(": HTTP \\d{3}\\b");

    /** The category of {@code reason} recorded for a delivery on {@code channel}; {@code null} when none was. */
    public static FailureCategory of(String channel, String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.startsWith("robot removed")
                || r.startsWith("robot address does not open")
                || r.startsWith("no smtp server configured")
                || r.startsWith("no e-mail address")) {
            return CONFIGURATION;
        }
        if (r.contains("private network") || r.contains("address policy") || r.contains("not globally reachable")) {
            return ADDRESS_REFUSED;
        }
        if (HTTP_STATUS.matcher(reason).find()) {
            return HTTP_ERROR;
        }
        boolean robot = "WEBHOOK".equals(channel);
        if (robot && r.contains(": refused ")) {
            return REFUSED_BY_RECEIVER;
        }
        if (robot && (r.contains(": java.net.") || r.contains(": java.io.") || r.contains(": interrupted"))) {
            return UNREACHABLE; // "host: " and the I/O exception of the call
        }
        if (!robot && !r.startsWith("java.lang.")) {
            return r.contains("connect") || r.contains("timed out") || r.contains("unknownhost")
                    ? UNREACHABLE
                    : MAIL_SERVER;
        }
        return OTHER; // a program error of the job (its exception) or a reason not known here
    }
}
