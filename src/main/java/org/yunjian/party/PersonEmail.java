package org.yunjian.party;

import java.time.Duration;
import java.time.Instant;

/**
 * A person's e-mail address for reminders and notifications (issue 56): the confirmed one, the only one mail goes to,
 * and one asked for and waiting for its owner to confirm the link mailed to it. Setting an address never makes it
 * the address: it only asks for confirmation.
 *
 * @param confirmed          the address mail goes to, or {@code null}
 * @param pending            the address waiting for confirmation, or {@code null}
 * @param pendingRequestedAt when the confirmation link was asked for
 * @param pendingExpiresAt   until when the link works (in the past for an expired link, or for an address stored
 *                           before confirmation existed, which never had one)
 */
public record PersonEmail(String confirmed, String pending, Instant pendingRequestedAt, Instant pendingExpiresAt) {

    /** How long a confirmation link works. */
    public static final Duration LINK_VALIDITY = Duration.ofHours(24);

    /** The shortest time between two confirmation mails for one person (each goes to an address they typed). */
    public static final Duration RESEND_AFTER = Duration.ofMinutes(1);

    public static final PersonEmail NONE = new PersonEmail(null, null, null, null);

    public PersonEmail {
        if (pending != null && (pendingRequestedAt == null || pendingExpiresAt == null)) {
            throw new IllegalArgumentException("pendingTimes");
        }
    }

    /** What setting an address does to this one. */
    public enum Change {
        /** nothing to do: the address is already the confirmed one, or already waiting with a working link */
        UNCHANGED,
        /** remove both the confirmed and the waiting address */
        REMOVE,
        /** the confirmed address asked for again: the waiting one is dropped */
        CANCEL_PENDING,
        /** a new address (or one whose link expired): it waits, and a confirmation link is mailed to it */
        REQUEST_CONFIRMATION
    }

    /** Whether an address waits for confirmation with a link that still works at {@code now}. */
    public boolean awaitingConfirmation(Instant now) {
        return pending != null && pendingExpiresAt.isAfter(now);
    }

    /** Whether an address waits for confirmation whose link no longer works (or never had one). */
    public boolean pendingExpired(Instant now) {
        return pending != null && !awaitingConfirmation(now);
    }

    /**
     * What asking for {@code requested} (already validated; {@code null} or blank to remove) does at {@code now}.
     * A new confirmation mail within {@link #RESEND_AFTER} of the previous one is refused
     * ({@link #tooSoonForAnotherMail}).
     */
    public Change change(String requested, Instant now) {
        if (requested == null || requested.isBlank()) {
            return confirmed == null && pending == null ? Change.UNCHANGED : Change.REMOVE;
        }
        if (requested.equals(confirmed)) {
            return pending == null ? Change.UNCHANGED : Change.CANCEL_PENDING;
        }
        if (requested.equals(pending) && awaitingConfirmation(now)) {
            return Change.UNCHANGED;
        }
        return Change.REQUEST_CONFIRMATION;
    }

    /** Whether a confirmation mail last sent at {@code lastMailed} ({@code null}: none) forbids another at {@code now}. */
    public static boolean tooSoonForAnotherMail(Instant lastMailed, Instant now) {
        return lastMailed != null && lastMailed.plus(RESEND_AFTER).isAfter(now);
    }
}
