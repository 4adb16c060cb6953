package org.yunjian.notification.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's mail server: keeps the last {@value #KEEP} messages in memory instead of sending them, so a newcomer
 * sees the notification e-mails (and the calendar's reminders, and invitations) on the demo-only page "演示邮箱".
 */
public class DemoMailSink extends JavaMailSenderImpl {

    static final int KEEP = 200;

    /** One kept message. */
    public record Kept(Instant sentAt, String to, String subject, String body) {}

    private final Deque<Kept> kept = new ArrayDeque<>();
    private final Clock clock;

    DemoMailSink(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
        for (MimeMessage m : messages) {
            try {
                Address[] to = m.getAllRecipients();
                Object content = m.getContent();
                Kept k = new Kept(
                        clock.instant(),
                        to == null
                                ? ""
                                : String.join(
                                        ", ",
                                        Arrays.stream(to).map(Address::toString).toList()),
                        m.getSubject(),
                        content instanceof String s ? s : String.valueOf(content));
                synchronized (kept) {
                    kept.addFirst(k);
                    while (kept.size() > KEEP) {
                        kept.removeLast();
                    }
                }
            } catch (MessagingException | java.io.IOException e) {
                throw new MailSendException(e.getMessage(), e);
            }
        }
    }

    /** The kept messages, newest first. */
    public List<Kept> kept() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
