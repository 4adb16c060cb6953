package org.yunjian.party;

import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yunjian.party.internal.EmailAddressBook;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserView;
import org.yunjian.shared.OutgoingMail;

/**
 * A person's e-mail address, kept with the person (issue 61; the obligations calendar kept it before), for every module
 * that writes to the person (the calendar's reminders, the notifications): one address per person, set on either page, and used only once its owner
 * confirmed the link mailed to it ({@link PersonEmail}).
 */
@Component
public class EmailAddresses {

    private final ObjectProvider<OutgoingMail> mail;
    private final EmailAddressBook book;

    EmailAddresses(ObjectProvider<OutgoingMail> mail, EmailAddressBook book) {
        this.mail = mail;
        this.book = book;
    }

    /** The caller's confirmed and waiting addresses. */
    public PersonEmail mine() {
        return book.of(CurrentUser.requireBusinessOrAdmin("reminders").userId());
    }

    /**
     * Asks for the caller's address (validated, audited; it waits for confirmation and a link is mailed to it), or
     * removes it when blank.
     */
    public PersonEmail setMine(String email) {
        return book.set(CurrentUser.requireBusinessOrAdmin("reminders"), email);
    }

    /**
     * As {@link #setMine} for the signed-in security administrator: the notifications e-mail them the administrator
     * requests of the two-person rule. The calendar keeps none for them.
     */
    public PersonEmail setMineAsSecurityAdministrator(String email) {
        return book.set(securityAdministrator(), email);
    }

    /** The caller's confirmed and waiting addresses, for a security administrator. */
    public PersonEmail mineAsSecurityAdministrator() {
        return book.of(securityAdministrator().userId());
    }

    /** The confirmed address of {@code userId}, the only one mail goes to. */
    public Optional<String> of(UUID userId) {
        return Optional.ofNullable(book.of(userId).confirmed());
    }

    /** The confirmed and waiting addresses of {@code userId}. */
    public PersonEmail stateOf(UUID userId) {
        return book.of(userId);
    }

    /** Every confirmed address: person → e-mail (for the reminder job, which checks each person's account). */
    public java.util.List<java.util.Map.Entry<UUID, String>> allConfirmed() {
        return book.allConfirmed();
    }

    /**
     * The address the caller's link {@code token} would confirm: present only while it waits for the caller and the
     * link still works.
     */
    public Optional<String> awaiting(String token) {
        return book.awaiting(CurrentUser.require(), token);
    }

    /** Confirms the caller's waiting address with the link's {@code token}; empty when the link does not work. */
    public Optional<String> confirm(String token) {
        return book.confirm(CurrentUser.require(), token);
    }

    /** In demo mode, a demo account's seeded address, confirmed as set (refused for any other account). */
    public void seedDemo(UserView account, String email) {
        book.seedDemo(account, email);
    }

    /** Whether an SMTP server (or the demo's mail sink) is configured. */
    public boolean mailConfigured() {
        return OutgoingMail.of(mail).configured();
    }

    private static CurrentUser securityAdministrator() {
        CurrentUser u = CurrentUser.require();
        if (!u.is(Role.SECURITY_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("security.error.businessOrAdmin");
        }
        return u;
    }
}
