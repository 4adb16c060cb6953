package org.yunjian.obligations;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.obligations.internal.CalendarRepository;
import org.yunjian.obligations.internal.ReminderService;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

/**
 * A person's e-mail address as the obligations calendar keeps it (its reminders), for other modules that write to
 * the same person (the notifications): one address per person, set on either page.
 */
@Component
public class ReminderAddresses {

    private final ReminderService reminders;
    private final CalendarRepository rows;

    ReminderAddresses(ReminderService reminders, JdbcClient jdbc) {
        this.reminders = reminders;
        this.rows = new CalendarRepository(jdbc);
    }

    /** The caller's address, if set. */
    public Optional<String> mine() {
        return reminders.address();
    }

    /** Sets the caller's address (validated, audited), or removes it when blank. */
    public Optional<String> setMine(String email) {
        return reminders.setAddress(email);
    }

    /**
     * Sets the address of the signed-in security administrator (validated, audited), or removes it when blank: the
     * notifications e-mail them the administrator requests of the two-person rule. The calendar keeps none for them.
     */
    public Optional<String> setMineAsSecurityAdministrator(String email) {
        CurrentUser u = CurrentUser.require();
        if (!u.is(Role.SECURITY_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("security.error.businessOrAdmin");
        }
        return reminders.setAddress(u, email);
    }

    /** The address of {@code userId}, if set. */
    @Transactional(readOnly = true)
    public Optional<String> of(UUID userId) {
        return rows.address(userId);
    }

    /** Whether an SMTP server (or the demo's mail sink) is configured. */
    public boolean mailConfigured() {
        return reminders.mailConfigured();
    }
}
