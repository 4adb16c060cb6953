package org.yunjian.party.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.party.PersonEmail;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;
import org.yunjian.security.UserView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.EmailAddress;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.OutgoingMail;
import org.yunjian.shared.PublicAddress;
import org.yunjian.shared.ReaderLanguage;
import org.yunjian.shared.Text;

/**
 * Reminder and notification addresses proven before mail goes to them (issue 56). Setting an address keeps it waiting
 * and mails a confirmation link to it: a 256-bit random token, of which only the SM3 hash is stored, working once and
 * for {@link PersonEmail#LINK_VALIDITY}. The link confirms only for the account that asked for it, signed in: the
 * token proves that the mailbox received it, the session proves who asked — so neither someone who typed another
 * person's address (they never see the token) nor that person clicking a link they did not ask for (they are signed
 * in as themselves, or not at all) makes the address someone else's. Until then mail keeps going to the previous
 * confirmed address, or nowhere. Each change and each confirmation is audited.
 */
@Service
public class EmailAddressBook {

    /** The audit log's object type of an address change (kept from when the calendar kept the address). */
    static final String OBJECT = "lifecycle-reminder";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** When each person was last sent a confirmation mail (this node; entries older than a minute are dropped). */
    private final java.util.concurrent.ConcurrentMap<UUID, Instant> lastMailed =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final EmailAddressRepository rows;
    private final ObjectProvider<OutgoingMail> mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PeopleNames people;
    private final PublicAddress publicAddress;
    private final ObjectProvider<ReaderLanguage> languages;
    private final boolean demo;

    EmailAddressBook(
            JdbcClient jdbc,
            ObjectProvider<OutgoingMail> mail,
            ApplicationEventPublisher events,
            Clock clock,
            PeopleNames people,
            PublicAddress publicAddress,
            ObjectProvider<ReaderLanguage> languages,
            @Value("${yunjian.demo:false}") boolean demo) {
        this.rows = new EmailAddressRepository(jdbc);
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.people = people;
        this.publicAddress = publicAddress;
        this.languages = languages;
        this.demo = demo;
    }

    /** {@code userId}'s confirmed and waiting addresses. */
    @Transactional(readOnly = true)
    public PersonEmail of(UUID userId) {
        return rows.state(userId);
    }

    /**
     * Asks for {@code email} as {@code u}'s address (whose right to keep one the caller checked), or removes the
     * address when blank: a new address waits and its confirmation link is mailed to it; the confirmed address asked
     * for again drops the waiting one. 400 for an invalid address, or for a second confirmation mail within
     * {@link PersonEmail#RESEND_AFTER}; the confirmation mail goes through the notification module's delivery rows (retried, audited).
     */
    @Transactional
    public PersonEmail set(CurrentUser u, String email) {
        String value = email == null ? "" : email.strip();
        String address =
                value.isEmpty() ? null : EmailAddress.parse("email", value).value();
        Instant now = clock.instant();
        PersonEmail before = rows.state(u.userId());
        switch (before.change(address, now)) {
            case UNCHANGED -> {
                return before;
            }
            case REMOVE -> {
                rows.deleteAddress(u.userId());
                rows.deletePending(u.userId());
                audit("lifecycle.reminder.address", u.userId(), Msg.of("lifecycle.cal.audit.addressRemoved"));
            }
            case CANCEL_PENDING -> {
                rows.deletePending(u.userId());
                audit(
                        "lifecycle.reminder.address",
                        u.userId(),
                        Msg.of("lifecycle.cal.audit.pendingCancelled", before.pending()));
            }
            case REQUEST_CONFIRMATION -> {
                lastMailed.values().removeIf(at -> !PersonEmail.tooSoonForAnotherMail(at, now));
                if (PersonEmail.tooSoonForAnotherMail(lastMailed.get(u.userId()), now)) {
                    FieldErrors errors = new FieldErrors();
                    errors.add("email", "lifecycle.cal.reminder.wait");
                    errors.throwIfAny();
                }
                byte[] raw = new byte[32];
                RANDOM.nextBytes(raw);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                Instant expires = now.plus(PersonEmail.LINK_VALIDITY);
                rows.deletePending(u.userId());
                rows.insertPending(u.userId(), address, hash(token), now, expires);
                audit(
                        "lifecycle.reminder.address",
                        u.userId(),
                        Msg.of("lifecycle.cal.audit.addressRequested", address));
                mailLink(u, address, token, expires);
                lastMailed.put(u.userId(), now);
            }
        }
        return rows.state(u.userId());
    }

    /** Every confirmed address: person → e-mail. */
    @Transactional(readOnly = true)
    public java.util.List<java.util.Map.Entry<UUID, String>> allConfirmed() {
        return rows.addresses();
    }

    /**
     * The address the caller's link {@code token} would confirm: present only while it waits for the caller and the
     * link still works (an unknown, used, expired link or one asked for by another account: empty, the same for all).
     */
    @Transactional(readOnly = true)
    public Optional<String> awaiting(CurrentUser u, String token) {
        return find(u, token).map(EmailAddressRepository.Pending::email);
    }

    /**
     * Confirms the caller's waiting address with the link's {@code token}: it becomes the address mail goes to (the
     * previous one stops receiving); the link is used up. Empty (nothing changes) for an unknown, used or expired link
     * or one another account asked for.
     */
    @Transactional
    public Optional<String> confirm(CurrentUser u, String token) {
        Optional<EmailAddressRepository.Pending> pending = find(u, token);
        if (pending.isEmpty() || !rows.takePending(u.userId(), pending.get().tokenHash(), clock.instant())) {
            return Optional.empty();
        }
        String address = pending.get().email();
        lastMailed.remove(u.userId()); // the link came back: the next address may be asked for at once
        rows.deleteAddress(u.userId());
        rows.insertAddress(u.userId(), address, clock.instant());
        audit(
                "lifecycle.reminder.address-confirm",
                u.userId(),
                Msg.of("lifecycle.cal.audit.addressConfirmed", address));
        return Optional.of(address);
    }

    /**
     * In demo mode, a demo account's seeded address ({@code <user name>@demo.example.gov.cn}, a domain no one owns)
     * counts as confirmed: set directly, audited. Refused outside demo mode and for any other account.
     */
    @Transactional
    public void seedDemo(UserView account, String email) {
        if (!demo || !account.demo()) {
            throw new IllegalStateException("demoOnly");
        }
        String address = EmailAddress.parse("email", email).value();
        rows.deletePending(account.id());
        rows.deleteAddress(account.id());
        rows.insertAddress(account.id(), address, clock.instant());
        events.publishEvent(AuditableEvent.success(
                        "lifecycle.reminder.address-confirm",
                        OBJECT,
                        account.id(),
                        Msg.of("lifecycle.cal.audit.addressSeeded", address))
                .withActor("system:demo"));
    }

    private Optional<EmailAddressRepository.Pending> find(CurrentUser u, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String presented = hash(token);
        Instant now = clock.instant();
        return rows.pendingWithHash(presented).stream()
                .filter(p -> MessageDigest.isEqual(
                        p.tokenHash().getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII)))
                .filter(p -> p.userId().equals(u.userId()) && p.expiresAt().isAfter(now))
                .findFirst();
    }

    private void mailLink(CurrentUser u, String address, String token, Instant expires) {
        if (!OutgoingMail.of(mail).configured()) {
            return; // the pages say that no mail server is configured: nothing is ever sent to any address
        }
        String link = publicAddress.link("/lifecycle/calendar/reminder/confirm/" + token);
        // the account's language: its owner asked for the address (the link confirms only for that account)
        Locale locale = ReaderLanguage.of(languages, u.userId());
        Msg subject = Msg.of("lifecycle.cal.confirm.mail.subject");
        Msg body = Msg.of(
                "lifecycle.cal.confirm.mail.body",
                Optional.ofNullable(people.byIds(java.util.List.of(u.userId())).get(u.userId()))
                        .map(PeopleNames.Person::displayName)
                        .orElse(u.username()),
                u.username(),
                link,
                Formats.minute(expires));
        // through the notification module's delivery rows: tried once the request commits, retried, audited
        OutgoingMail.of(mail).queue(address, Text.safeLine(subject.text(locale)), Text.safe(body.text(locale)), null);
    }

    private void audit(String action, UUID user, Msg text) {
        events.publishEvent(AuditableEvent.success(action, OBJECT, user, text));
    }

    /** SM3 of the link's token, hex (only the hash is stored). */
    static String hash(String token) {
        return org.yunjian.crypto.Sm3.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
