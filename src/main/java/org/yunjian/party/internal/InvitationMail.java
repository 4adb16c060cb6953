package org.yunjian.party.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.OutgoingMail;
import org.yunjian.shared.PublicAddress;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * The invitation e-mail, through the notification module's delivery rows and the configured SMTP server, in Chinese and then English (the
 * invitee has no account, so no language, yet). The link, like every mailed link, is built on the platform's
 * configured address ({@link PublicAddress}), never on the inviter's request (a forged {@code Host} header cannot
 * put another address into it).
 */
@Component
public class InvitationMail {

    private final ObjectProvider<OutgoingMail> mail;
    private final PublicAddress address;

    InvitationMail(ObjectProvider<OutgoingMail> mail, PublicAddress address) {
        this.mail = mail;
        this.address = address;
    }

    /** Whether e-mail can be sent at all (an SMTP server is configured). */
    public boolean configured() {
        return OutgoingMail.of(mail).configured();
    }

    /** The link an invitee opens. */
    public String link(String token) {
        return address.link("/invitation/" + token);
    }

    /**
     * Queues the invitation on the notification module's delivery rows ({@link OutgoingMail}); returns whether it will
     * go out (not without an SMTP server; a refusing server is retried and shown in the organisation's deliveries).
     */
    boolean send(Invitation i, String token, String inviter, String organization, String system) {
        if (!OutgoingMail.of(mail).configured()) {
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
        // through the notification module's delivery rows: tried once the invitation commits, retried, audited
        OutgoingMail.of(mail)
                .queue(
                        i.email(),
                        Text.safeLine(subject.text(Texts.CHINESE) + " / " + subject.text(Texts.ENGLISH)),
                        Text.safe(body.text(Texts.CHINESE) + "\n\n----\n\n" + body.text(Texts.ENGLISH)),
                        i.organizationId() != null ? i.organizationId() : i.invitingOrgId());
        return true;
    }
}
