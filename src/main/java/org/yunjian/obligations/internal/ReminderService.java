package org.yunjian.obligations.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.party.EmailAddresses;
import org.yunjian.security.Role;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.EmailAddress;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.OutgoingMail;
import org.yunjian.shared.PublicAddress;
import org.yunjian.shared.ReaderLanguage;
import org.yunjian.shared.Text;

/**
 * E-mail reminders about overdue obligations: each user may give an address (confirmed before it is used:
 * {@link EmailAddressBook}); the reminder job queues, on the notification module's delivery rows ({@link OutgoingMail}:
 * sent through the configured SMTP server, retried, audited; nothing without one), one e-mail per overdue obligation
 * per due date per address — recorded as it is queued, so later runs never queue it again — about exactly the
 * obligations that user sees, in the language that user chose ({@link ReaderLanguage}), linking to the system's
 * overdue obligations.
 */
@Service
public class ReminderService {

    static final String OBJECT = "lifecycle-reminder";
    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

    private final CalendarRepository rows;
    private final ObligationService obligations;
    private final ObligationQueries queries;
    private final UserAdministration users;
    private final ObjectProvider<OutgoingMail> mail;
    private final EmailAddresses addresses;
    private final PublicAddress address;
    private final ObjectProvider<ReaderLanguage> languages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReminderService(
            JdbcClient jdbc,
            ObligationService obligations,
            ObligationQueries queries,
            UserAdministration users,
            ObjectProvider<OutgoingMail> mail,
            EmailAddresses addresses,
            PublicAddress address,
            ObjectProvider<ReaderLanguage> languages,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.rows = new CalendarRepository(jdbc);
        this.obligations = obligations;
        this.queries = queries;
        this.users = users;
        this.mail = mail;
        this.addresses = addresses;
        this.address = address;
        this.languages = languages;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether an SMTP server is configured (without one, reminders are never sent). */
    public boolean mailConfigured() {
        return OutgoingMail.of(mail).configured();
    }

    private record Recipient(UUID userId, String email) {}

    /**
     * Sends the reminders not sent yet: for every user with a confirmed address, every overdue obligation that user sees,
     * once per due date. Returns how many e-mails were sent (none without an SMTP server).
     */
    public int sendDue() {
        if (!OutgoingMail.of(mail).configured()) {
            return 0;
        }
        List<Recipient> recipients = addresses.allConfirmed().stream()
                .map(a -> new Recipient(a.getKey(), a.getValue()))
                .toList();
        List<UserView> accounts = users.list();
        int sent = 0;
        for (Recipient r : recipients) {
            Optional<UserView> account = accounts.stream()
                    .filter(a -> a.id().equals(r.userId()))
                    .findFirst()
                    .filter(a -> a.enabled()
                            && (a.role() == Role.USER && a.organizationId() != null || a.role() == Role.SYSTEM_ADMIN));
            if (account.isEmpty()) {
                continue;
            }
            if (!EmailAddress.isValid(r.email())) {
                // stored before the address rule (issue 33): never sent to; the user sets it again on the calendar
                log.warn("Reminder address of user {} is no longer accepted; no reminders sent to it", r.userId());
                continue;
            }
            List<ObligationService.Row> overdue = new ArrayList<>();
            SeedActor.run(
                    SeedActor.of(account.get()),
                    () -> overdue.addAll(
                            queries.visibleDue(null, queries.today().minusDays(1))));
            Locale locale = overdue.isEmpty() ? null : ReaderLanguage.of(languages, r.userId()); // once per reader
            for (ObligationService.Row row : overdue) {
                try {
                    Boolean done = tx.execute(status -> send(r, account.get(), row, locale));
                    sent += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn(
                            "Reminder for obligation {} to user {} not sent; will retry: {}",
                            row.obligation().id(),
                            r.userId(),
                            e.toString());
                }
            }
        }
        return sent;
    }

    private boolean send(Recipient r, UserView account, ObligationService.Row row, Locale locale) {
        if (rows.sent(row.obligation().id(), row.due(), r.email())) {
            return false;
        }
        // recorded first: if the insert loses a race with another run, the unique key stops this one
        rows.recordSent(row.obligation().id(), row.due(), r.email(), r.userId(), clock.instant());
        String kind = Msg.of(row.obligation().kind()).text(locale);
        // where to act: the system's overdue obligations, where the completion is recorded
        String link = address.link("/systems/" + row.system().id() + "/lifecycle/obligations?status=OVERDUE");
        // stored names reach the reader under the documents' rule: U+FFFD for a control character (the subject is
        // one line, so TAB/LF/CR too)
        String subject = Text.safeLine(
                Msg.of("lifecycle.cal.mail.subject", kind, row.system().name()).text(locale));
        String body = Text.safe(Msg.of(
                        "lifecycle.cal.mail.body",
                        account.displayName(),
                        row.system().name(),
                        kind,
                        Formats.date(row.due()),
                        row.daysOverdue(),
                        row.responsible(),
                        row.obligation().lastDone() == null
                                ? Msg.of("lifecycle.cal.never")
                                : Formats.date(row.obligation().lastDone()),
                        link,
                        address.link("/lifecycle/calendar"))
                .text(locale));
        // through the notification module's delivery rows: tried once this transaction commits, retried, audited
        OutgoingMail.of(mail).queue(r.email(), subject, body, account.organizationId());
        events.publishEvent(AuditableEvent.success(
                        "lifecycle.reminder.send",
                        OBJECT,
                        row.obligation().id(),
                        Msg.of(
                                "lifecycle.cal.audit.reminderSent",
                                Msg.of(row.obligation().kind()),
                                row.system().name(),
                                Formats.date(row.due()),
                                account.displayName()))
                .withActor("system:reminders"));
        return true;
    }
}
