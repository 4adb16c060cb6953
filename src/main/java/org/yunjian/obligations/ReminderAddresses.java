package org.yunjian.obligations;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.obligations.internal.ReminderAddressBook;
import org.yunjian.obligations.internal.ReminderService;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserView;

/**
 * A person's e-mail address as the obligations calendar keeps it (its reminders), for other modules that write to
 * the same person (the notifications): one address per person, set on either page, and used only once its owner
 * confirmed the link mailed to it ({@link ReminderAddress}).
 */
@Component
public class ReminderAddresses {

    private final ReminderService reminders;
    private final ReminderAddressBook book;

    ReminderAddresses(ReminderService reminders, ReminderAddressBook book) {
        this.reminders = reminders;
        this.book = book;
    }

    /** The caller's confirmed and waiting addresses. */
    public ReminderAddress mine() {
        return book.of(CurrentUser.requireBusinessOrAdmin("reminders").userId());
    }

    /**
     * Asks for the caller's address (validated, audited; it waits for confirmation and a link is mailed to it), or
     * removes it when blank.
     */
    public ReminderAddress setMine(String email) {
        return book.set(CurrentUser.requireBusinessOrAdmin("reminders"), email);
    }

    /**
     * As {@link #setMine} for the signed-in security administrator: the notifications e-mail them the administrator
     * requests of the two-person rule. The calendar keeps none for them.
     */
    public ReminderAddress setMineAsSecurityAdministrator(String email) {
        return book.set(securityAdministrator(), email);
    }

    /** The caller's confirmed and waiting addresses, for a security administrator. */
    public ReminderAddress mineAsSecurityAdministrator() {
        return book.of(securityAdministrator().userId());
    }

    /** The confirmed address of {@code userId}, the only one mail goes to. */
    public Optional<String> of(UUID userId) {
        return Optional.ofNullable(book.of(userId).confirmed());
    }

    /** The confirmed and waiting addresses of {@code userId}. */
    public ReminderAddress stateOf(UUID userId) {
        return book.of(userId);
    }

    /** In demo mode, a demo account's seeded address, confirmed as set (refused for any other account). */
    public void seedDemo(UserView account, String email) {
        book.seedDemo(account, email);
    }

    /** Whether an SMTP server (or the demo's mail sink) is configured. */
    public boolean mailConfigured() {
        return reminders.mailConfigured();
    }

    private static CurrentUser securityAdministrator() {
        CurrentUser u = CurrentUser.require();
        if (!u.is(Role.SECURITY_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("security.error.businessOrAdmin");
        }
        return u;
    }
}
