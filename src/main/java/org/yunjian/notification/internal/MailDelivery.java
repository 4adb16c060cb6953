package org.yunjian.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.MailServerState;
import org.yunjian.shared.Msg;
import org.yunjian.shared.PublicAddress;
import org.yunjian.shared.Text;

/**
 * Notification e-mails through the configured SMTP server ({@code spring.mail.*}) or the demo's sink: one per
 * notification, or the daily digest of what opened since the last one — in the language the person chose, naming
 * what waits and linking to it.
 */
@Component
class MailDelivery {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationSettings settings;
    private final PeopleNames people;
    private final PublicAddress address;
    private final JdbcClient jdbc;
    private final NotificationRepository notifications;
    private final Clock clock;
    private final MailServerState server;

    MailDelivery(
            ObjectProvider<JavaMailSender> mail,
            NotificationSettings settings,
            PeopleNames people,
            PublicAddress address,
            JdbcClient jdbc,
            Clock clock,
            MailServerState server) {
        this.mail = mail;
        this.server = server;
        this.settings = settings;
        this.people = people;
        this.address = address;
        this.jdbc = jdbc;
        this.notifications = new NotificationRepository(jdbc);
        this.clock = clock;
    }

    void send(Deliveries.Row row) throws Deliveries.DeliveryFailure {
        NotificationSettings.Settings s = settings.of(row.userId());
        Locale locale = s.locale();
        String text = TaskText.render(row.kind(), row.args(), locale);
        String subject = Msg.of("notification.mail.subject", text).text(locale);
        String body = Msg.of(
                        "notification.mail.body",
                        name(row.userId()),
                        text,
                        address.link(row.href()),
                        address.link("/notifications/settings"))
                .text(locale);
        deliver(s, subject, body);
    }

    void sendDigest(Deliveries.Row row) throws Deliveries.DeliveryFailure {
        NotificationSettings.Settings s = settings.of(row.userId());
        Locale locale = s.locale();
        List<String> lines = new ArrayList<>();
        notifications
                .ofDigest(row.id(), (rs, n) -> Msg.of(
                                "notification.mail.digestLine",
                                TaskText.render(rs.getString(1), rs.getString(2), rs.getInt(4), locale),
                                address.link(rs.getString(3)))
                        .text(locale))
                .forEach(lines::add);
        String subject = Msg.of("notification.mail.digestSubject", lines.size()).text(locale);
        String body = Msg.of(
                        "notification.mail.digestBody",
                        name(row.userId()),
                        lines.size(),
                        String.join("\n", lines),
                        address.link("/notifications"),
                        address.link("/notifications/settings"))
                .text(locale);
        deliver(s, subject, body);
    }

    /** A mail its module wrote (invitation, reminder, confirmation): sent as written, to the address it names. */
    void sendPrepared(Deliveries.Row row) throws Deliveries.DeliveryFailure {
        if (row.body() == null) {
            throw new Deliveries.DeliveryFailure("mail body no longer kept");
        }
        deliver(row.recipient(), row.subject(), row.body());
    }

    /**
     * Starts a digest for everyone who chose it — their notifications not yet in a digest (and not yet read) become
     * one digest delivery each — and for everyone who gets e-mail at once and has unread bulk ({@code daily}) ones,
     * which are never e-mailed at once.
     */
    int openDigests() {
        List<UUID> users = notifications.awaitingDigest();
        int opened = 0;
        for (UUID user : users) {
            NotificationSettings.Settings s = settings.of(user);
            if (s.email() == null) {
                continue;
            }
            UUID delivery =
                    Deliveries.enqueue(jdbc, Deliveries.Channel.DIGEST, user, null, null, null, null, clock.instant());
            notifications.gatherIntoDigest(user, delivery, s.emailMode() == EmailMode.IMMEDIATE);
            opened++;
        }
        return opened;
    }

    private void deliver(NotificationSettings.Settings s, String subject, String body)
            throws Deliveries.DeliveryFailure {
        deliver(s.email(), subject, body);
    }

    private void deliver(String to, String subject, String body) throws Deliveries.DeliveryFailure {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new Deliveries.DeliveryFailure("no SMTP server configured (spring.mail.host)");
        }
        if (to == null) {
            throw new Deliveries.DeliveryFailure("no e-mail address");
        }
        try {
            MimeMessage message = address.message(sender);
            MimeMessageHelper m = new MimeMessageHelper(message, "UTF-8");
            m.setFrom(address.from());
            m.setTo(to);
            m.setSubject(Text.safeLine(subject));
            m.setText(Text.safe(body));
            send(sender, message);
        } catch (MessagingException | MailException e) {
            throw new Deliveries.DeliveryFailure(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void send(JavaMailSender sender, MimeMessage message) {
        try {
            sender.send(message);
            server.sent();
        } catch (MailException e) {
            server.failed(e);
            throw e;
        }
    }

    private String name(UUID user) {
        PeopleNames.Person p = people.byIds(List.of(user)).get(user);
        return p == null ? "" : p.displayName();
    }
}
