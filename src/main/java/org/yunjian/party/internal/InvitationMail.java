package org.yunjian.party.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.yunjian.shared.Formats;
import org.yunjian.shared.MailServerState;
import org.yunjian.shared.Msg;
import org.yunjian.shared.PublicAddress;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * The invitation e-mail, through the configured SMTP server ({@code spring.mail.*}), in Chinese and then English (the
 * invitee has no account, so no language, yet). The link, like every mailed link, is built on the platform's
 * configured address ({@link PublicAddress}), never on the inviter's request (a forged {@code Host} header cannot
 * put another address into it).
 */
@Component
public class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final PublicAddress address;
    private final MailServerState server;

    InvitationMail(ObjectProvider<JavaMailSender> mail, PublicAddress address, MailServerState server) {
        this.mail = mail;
        this.server = server;
        this.address = address;
    }

    /** Whether e-mail can be sent at all (an SMTP server is configured). */
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    /** The link an invitee opens. */
    public String link(String token) {
        return address.link("/invitation/" + token);
    }

    /** Sends the invitation; returns whether it went out (not without an SMTP server, or if the server refused). */
    boolean send(Invitation i, String token, String inviter, String organization, String system) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        String link = link(token);
        String expires = Formats.minute(i.expiresAt());
        Msg subject = system == null
                ? Msg.of("party.invitation.mail.subjectStaff", organization)
                : Msg.of("party.invitation.mail.subject", system);
        Msg body = system == null
                ? Msg.of("party.invitation.mail.bodyStaff", i.displayName(), inviter, organization, link, expires)
                : Msg.of(
                        "party.invitation.mail.body",
                        i.displayName(),
                        inviter,
                        organization,
                        system,
                        i.role() == null ? Msg.of("party.invitation.role.existing") : Msg.of(i.role()),
                        link,
                        expires);
        try {
            MimeMessage message = address.message(sender);
            MimeMessageHelper m = new MimeMessageHelper(message, "UTF-8");
            m.setFrom(address.from());
            m.setTo(i.email());
            m.setSubject(Text.safeLine(subject.text(Texts.CHINESE) + " / " + subject.text(Texts.ENGLISH)));
            m.setText(Text.safe(body.text(Texts.CHINESE) + "\n\n----\n\n" + body.text(Texts.ENGLISH)));
            sender.send(message);
            server.sent();
            return true;
        } catch (MailException e) {
            server.failed(e);
            log.warn("Invitation {} not e-mailed: {}", i.id(), e.toString());
            return false;
        } catch (MessagingException e) {
            log.warn("Invitation {} not e-mailed: {}", i.id(), e.toString());
            return false;
        }
    }
}
