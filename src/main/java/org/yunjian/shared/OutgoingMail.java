package org.yunjian.shared;

import java.util.UUID;

/**
 * An e-mail already written for its reader (an invitation, a reminder, an address confirmation), handed to the
 * notification module's delivery rows: recorded before it is tried, tried once the current transaction commits (at
 * once without one), retried with doubling delays, and audited sent or failed like every notification. Implemented by
 * {@code notification}; the modules that write such mails sit below it and know only this port.
 */
public interface OutgoingMail {

    /** Where the notification module is not started (a lower module's test): no mail can be sent. */
    OutgoingMail NONE = new OutgoingMail() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public UUID queue(String to, String subject, String body, UUID organization) {
            throw new IllegalStateException("notification-module-not-started");
        }
    };

    /** The notification module's mail, or {@link #NONE} where it is not started. */
    static OutgoingMail of(org.springframework.beans.factory.ObjectProvider<OutgoingMail> provider) {
        return provider.getIfAvailable(() -> NONE);
    }

    /** Whether e-mail can be sent at all (an SMTP server is configured). */
    boolean configured();

    /**
     * Queues one mail to {@code to}; returns the delivery's id.
     *
     * @param organization whose administrators see the delivery in their list (may be null)
     */
    UUID queue(String to, String subject, String body, UUID organization);
}
