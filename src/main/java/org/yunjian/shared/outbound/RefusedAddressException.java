package org.yunjian.shared.outbound;

import java.net.SocketException;

/**
 * A connection the outbound address policy refused before any packet was sent. A {@link SocketException}, not a
 * {@link java.net.ConnectException}, which HTTP clients replace by an exception of their own without this one.
 */
public final class RefusedAddressException extends SocketException {

    private static final long serialVersionUID = 1L;

    private final String address;
    private final String reason;

    RefusedAddressException(String purpose, String address, String reason) {
        super(purpose + ": the platform does not connect to " + address + " (" + reason + ")");
        this.address = address;
        this.reason = reason;
    }

    /** The address refused, as text. */
    public String address() {
        return address;
    }

    /** Why: the special-purpose registry entry or rule. */
    public String reason() {
        return reason;
    }

    /** Whether {@code failure} or one of its causes is a refusal of the policy. */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
