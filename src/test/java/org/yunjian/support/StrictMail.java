package org.yunjian.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A received e-mail as a strict reader sees it: its raw bytes parsed again by Jakarta Mail with strict address and
 * parameter parsing, every header ASCII (encoded words for the rest), exactly one From and one Message-ID, both in
 * the expected domain, a valid Date, a text/plain UTF-8 body, and every link in the body absolute, starting with the
 * platform's base URL (no path without its host).
 */
public final class StrictMail {

    /** A link in a body: from its scheme to the next white space. */
    private static final Pattern LINK = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");

    /** A path standing alone (after a line start, white space or a colon), as a relative link would. */
    private static final Pattern RELATIVE = Pattern.compile("(?m)(?:^|[\\s:：])(/[A-Za-z][^\\s]*)");

    private StrictMail() {}

    /** What the strict reader found. */
    public record Parsed(String from, String to, String messageId, String subject, String body, List<String> links) {}

    /**
     * {@code received} parsed strictly; asserts the sender and the Message-ID in {@code domain}, the recipient
     * {@code to}, and every link starting with {@code base + "/"}.
     */
    public static Parsed check(MimeMessage received, String base, String domain, String to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        received.writeTo(out);
        byte[] raw = out.toByteArray();
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("a header block ending in an empty line").isPositive();
        String headers = text.substring(0, end);
        assertThat(headers.chars().allMatch(c -> c < 128))
                .as("every header is ASCII (RFC 5322; words in other scripts encoded):\n%s", headers)
                .isTrue();

        Properties strict = new Properties();
        strict.setProperty("mail.mime.address.strict", "true");
        strict.setProperty("mail.mime.parameters.strict", "true");
        strict.setProperty("mail.mime.decodetext.strict", "true");
        MimeMessage m = new MimeMessage(Session.getInstance(strict), new ByteArrayInputStream(raw));

        String[] fromHeaders = m.getHeader("From");
        assertThat(fromHeaders).as("one From header").hasSize(1);
        InternetAddress[] from = InternetAddress.parseHeader(fromHeaders[0], true);
        assertThat(from).hasSize(1);
        from[0].validate();
        assertThat(domainOf(from[0].getAddress())).as("the sender's domain").isEqualTo(domain);

        InternetAddress[] recipients = InternetAddress.parseHeader(m.getHeader("To", ","), true);
        assertThat(recipients).extracting(InternetAddress::getAddress).containsExactly(to);
        recipients[0].validate();

        String[] ids = m.getHeader("Message-ID");
        assertThat(ids).as("one Message-ID").hasSize(1);
        assertThat(ids[0]).matches("<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@" + Pattern.quote(domain) + ">");

        assertThat(m.getHeader("Date")).as("one Date").hasSize(1);
        assertThat(new MailDateFormat().parse(m.getHeader("Date")[0])).isNotNull();

        ContentType type = new ContentType(m.getContentType());
        assertThat(type.getBaseType()).isEqualToIgnoringCase("text/plain");
        assertThat(type.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        String body = m.getContent().toString();

        List<String> links = new ArrayList<>();
        Matcher l = LINK.matcher(body);
        while (l.find()) {
            links.add(l.group());
        }
        assertThat(links).as("links of:\n%s", body).isNotEmpty().allSatisfy(link -> assertThat(link)
                .startsWith(base + "/"));
        Matcher r = RELATIVE.matcher(body.replaceAll(LINK.pattern(), ""));
        assertThat(r.find()).as("a path without its host in:\n%s", body).isFalse();
        return new Parsed(from[0].getAddress(), to, ids[0], m.getSubject(), body, links);
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
