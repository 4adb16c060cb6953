package org.yunjian.shared;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The address people reach the platform at, and the one place that builds what leaves it by mail or robot: every
 * link of an e-mail or robot message is absolute ({@link #link}), every e-mail is sent from {@link #from()} and
 * carries a Message-ID in that address's domain ({@link #message}).
 *
 * <p>The base URL is {@code yunjian.notifications.base-url} (environment {@code YUNJIAN_BASE_URL}; the older
 * {@code yunjian.invitations.base-url} when only it is set), the sender {@code yunjian.mail.from} (environment
 * {@code YUNJIAN_MAIL_FROM}; the older per-module senders when only one of them is set; {@code yunjian@} the base
 * URL's host when none is). Production (profile {@code postgres})
 * refuses to start without an absolute http(s) base URL, or when the base URL's host or the sender's domain is
 * {@code localhost} or a loopback address — mail servers refuse such senders, and nobody can follow such a link.
 * Elsewhere an unset base URL is derived from {@code server.address} (else {@code localhost}), {@code server.port}
 * and the context path, and said once at start (WARN; INFO for the command line, whose commands send no mail).
 */
@Component
public class PublicAddress {

    /** The setting of the base URL, and its environment variable. */
    public static final String BASE_URL = "yunjian.notifications.base-url";

    public static final String BASE_URL_ENV = "YUNJIAN_BASE_URL";

    /** The setting of the sender address, and its environment variable. */
    public static final String FROM = "yunjian.mail.from";

    public static final String FROM_ENV = "YUNJIAN_MAIL_FROM";

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    private final Environment environment;
    /** Derived on a random port ({@code server.port=0}): the real one is known once the server listens. */
    private final boolean portUnknown;

    private volatile String base;
    private final String from;
    private final String domain;

    /** Reads and checks the settings of {@code environment}; a refused setting stops the start. */
    public PublicAddress(Environment environment) {
        this.environment = environment;
        boolean production = environment.acceptsProfiles(Profiles.of("postgres"))
                && !environment.getProperty("yunjian.demo", Boolean.class, false);
        String configured =
                firstSet(environment.getProperty(BASE_URL), environment.getProperty("yunjian.invitations.base-url"));
        String derived = null;
        if (configured == null) {
            if (production) {
                throw new IllegalStateException(text("shared.address.error.missing", BASE_URL, BASE_URL_ENV));
            }
            derived = derive(environment, environment.getProperty("server.port", Integer.class, 8080));
        }
        this.portUnknown = derived != null && environment.getProperty("server.port", Integer.class, 8080) == 0;
        this.base = normalized(configured == null ? derived : configured);
        String host = URI.create(base).getHost();
        if (production && local(host)) {
            throw new IllegalStateException(text("shared.address.error.local", base, BASE_URL, BASE_URL_ENV));
        }
        String sender = firstSet(
                environment.getProperty(FROM),
                environment.getProperty("yunjian.notifications.from"),
                environment.getProperty("yunjian.lifecycle.reminders.from"),
                environment.getProperty("yunjian.invitations.from"));
        this.from = sender == null ? "yunjian@" + host : address(sender);
        this.domain = from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (production && local(domain)) {
            throw new IllegalStateException(text("shared.address.error.localSender", from, FROM, FROM_ENV));
        }
        if (derived != null && !portUnknown) {
            sayDerived();
        }
    }

    /** A base URL derived on a random port takes the port the server listens on, and says so then. */
    @EventListener
    void listening(WebServerInitializedEvent event) {
        if (portUnknown && event.getApplicationContext().getServerNamespace() == null) {
            base = normalized(derive(environment, event.getWebServer().getPort()));
            sayDerived();
        }
    }

    private void sayDerived() {
        String line = text("shared.address.derived", base, from, BASE_URL, BASE_URL_ENV);
        if (environment.acceptsProfiles(Profiles.of("cli"))) {
            log.info(line);
        } else {
            log.warn(line);
        }
    }

    /** The base URL, without a trailing slash: {@code https://yunjian.example.gov.cn}. */
    public String base() {
        return base;
    }

    /** {@code path} (starting with {@code /}, as the application's own links do) as a link that works from outside. */
    public String link(String path) {
        if (path == null || path.isEmpty()) {
            return base + "/";
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(path); // a programming error: application paths start with a slash
        }
        return base + path;
    }

    /** The sender of every e-mail. */
    public String from() {
        return from;
    }

    /** The sender's domain, the right-hand side of every Message-ID. */
    public String domain() {
        return domain;
    }

    /**
     * A new message of {@code sender}'s session whose Message-ID ({@code <random@domain>}) stays what it is when the
     * message is saved and sent (Jakarta Mail would otherwise name the machine, often {@code localhost}).
     */
    public MimeMessage message(JavaMailSender sender) {
        Session session = sender.createMimeMessage().getSession();
        String id = "<" + UUID.randomUUID() + "@" + domain + ">";
        MimeMessage message = new FixedIdMessage(session, id);
        try {
            message.setHeader("Message-ID", id);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return message;
    }

    /** A message whose Message-ID saving does not replace. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String derive(Environment environment, int port) {
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false);
        String address = firstSet(environment.getProperty("server.address"));
        String host = address == null || address.equals("0.0.0.0") || address.equals("::") ? "localhost" : address;
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String context = firstSet(environment.getProperty("server.servlet.context-path"));
        boolean defaultPort = port <= 0 || port == (tls ? 443 : 80);
        return (tls ? "https://" : "http://")
                + host
                + (defaultPort ? "" : ":" + port)
                + (context == null ? "" : context);
    }

    /** {@code value} as a base URL: absolute http(s), with a host, without query or fragment; refused otherwise. */
    static String normalized(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalStateException(text("shared.address.error.invalid", value, BASE_URL, BASE_URL_ENV));
            }
            return value.replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(text("shared.address.error.invalid", value, BASE_URL, BASE_URL_ENV), e);
        }
    }

    private static String address(String value) {
        try {
            InternetAddress a = new InternetAddress(value, true);
            a.validate();
            if (a.getPersonal() != null || !a.getAddress().contains("@")) {
                throw new AddressException(value);
            }
            return a.getAddress();
        } catch (AddressException e) {
            throw new IllegalStateException(text("shared.address.error.sender", value, FROM, FROM_ENV), e);
        }
    }

    /** Whether {@code host} names this machine only: {@code localhost}, a name under it, or a loopback address. */
    static boolean local(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        return h.isEmpty()
                || h.equals("localhost")
                || h.endsWith(".localhost")
                || h.equals("localhost.localdomain")
                || h.startsWith("127.")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1")
                || h.equals("0.0.0.0");
    }

    /** A start-up message in the JVM's language (Chinese for a Chinese locale, else English): no request has one. */
    private static String text(String key, Object... args) {
        Locale locale = "zh".equals(Locale.getDefault().getLanguage()) ? Texts.CHINESE : Texts.ENGLISH;
        return Msg.of(key, args).text(locale);
    }
}
