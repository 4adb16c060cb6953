package org.yunjian.notification.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.party.EmailAddresses;
import org.yunjian.party.PersonEmail;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;

/**
 * A person's notification choices: e-mail immediately, as a daily digest or not at all; the language of e-mails;
 * the address (the obligations calendar's, one per person). Without a choice: immediately, in Chinese.
 */
@Service
public class NotificationSettings implements org.yunjian.shared.ReaderLanguage {

    public static final List<String> LANGUAGES = List.of("zh-CN", "en");

    /**
     * The choices; {@code email} is the confirmed address, the only one mail goes to ({@code null} when none);
     * {@code pendingEmail} one waiting for its owner to confirm the link mailed to it, and {@code pendingExpired}
     * whether that link no longer works (the form sends a new one).
     */
    public record Settings(
            EmailMode emailMode, String language, String email, String pendingEmail, boolean pendingExpired) {
        public Locale locale() {
            return Locale.forLanguageTag(language);
        }
    }

    private final NotificationSettingRepository rows;
    private final EmailAddresses addresses;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationSettings(JdbcClient jdbc, EmailAddresses addresses, ApplicationEventPublisher events, Clock clock) {
        this.rows = new NotificationSettingRepository(jdbc);
        this.addresses = addresses;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's settings. */
    @Transactional(readOnly = true)
    public Settings mine() {
        return of(CurrentUser.require().userId());
    }

    /** Whether e-mail can be sent at all (an SMTP server or the demo's sink). */
    public boolean mailConfigured() {
        return addresses.mailConfigured();
    }

    /** The language {@code userId} chose for e-mails (Chinese without a choice). */
    @Override
    public Locale languageOf(UUID userId) {
        return rows.find(userId).map(r -> Locale.forLanguageTag(r.language())).orElse(org.yunjian.shared.Texts.CHINESE);
    }

    /** {@code userId}'s settings (the delivery side). */
    public Settings of(UUID userId) {
        Optional<NotificationSettingRepository.Row> row = rows.find(userId);
        PersonEmail address = addresses.stateOf(userId);
        return new Settings(
                row.map(r -> EmailMode.valueOf(r.mode())).orElse(EmailMode.IMMEDIATE),
                row.map(NotificationSettingRepository.Row::language).orElse("zh-CN"),
                address.confirmed(),
                address.pending(),
                address.pendingExpired(clock.instant()));
    }

    /**
     * Sets the caller's choices, all fields checked at once; the address is validated as the calendar validates it,
     * removed when blank, and a new one waits for confirmation (a link is mailed to it). Audited.
     */
    @Transactional
    public Settings update(String emailMode, String language, String email) {
        CurrentUser u = CurrentUser.require();
        FieldErrors errors = new FieldErrors();
        EmailMode mode = null;
        try {
            mode = EmailMode.valueOf(emailMode == null ? "" : emailMode.strip());
        } catch (IllegalArgumentException e) {
            errors.add("emailMode", "notification.error.emailMode");
        }
        String lang = language == null ? "" : language.strip();
        if (!LANGUAGES.contains(lang)) {
            errors.add("language", "notification.error.language");
        }
        if (email != null && !email.isBlank() && !org.yunjian.shared.EmailAddress.isValid(email.strip())) {
            errors.add("email", "notification.error.email");
        } else if (email != null
                && !email.isBlank()
                && !(u.is(Role.SYSTEM_ADMIN)
                        || u.is(Role.SECURITY_ADMIN)
                        || u.is(Role.USER) && u.organizationId() != null)) {
            // the address is the calendar's, kept for business users, system administrators and (for the
            // administrator requests they approve) security administrators
            errors.add("email", "notification.error.emailNotForRole");
        }
        errors.throwIfAny();
        Settings before = of(u.userId());
        // stored first: a confirmation link mailed below reads in the language chosen with it (the whole change rolls
        // back when the address is refused)
        rows.replace(u.userId(), mode.name(), lang, clock.instant());
        if (!java.util.Objects.equals(before.email(), email == null || email.isBlank() ? null : email.strip())
                || before.pendingEmail() != null) {
            if (u.is(Role.SECURITY_ADMIN)) {
                addresses.setMineAsSecurityAdministrator(email);
            } else {
                addresses.setMine(email);
            }
        }
        events.publishEvent(AuditableEvent.success(
                "notification.settings",
                "notification-settings",
                u.userId(),
                Msg.of(
                        "notification.audit.settings",
                        Msg.of("notification.mode." + mode.name()),
                        Msg.of("notification.language." + lang))));
        return of(u.userId());
    }
}
