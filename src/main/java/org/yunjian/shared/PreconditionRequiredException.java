package org.yunjian.shared;

/**
 * An update of a stored record that did not say which version it replaces (no {@code If-Match}, no {@code version}
 * field): 428 Precondition Required (RFC 6585), so a client that never read the record cannot overwrite it blindly.
 */
public class PreconditionRequiredException extends LocalizedException {

    public PreconditionRequiredException() {
        super(Msg.of("locking.required"), null);
    }
}
