package org.yunjian.obligations;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.support.IfMatch;

/** The obligations calendar and reminder tests' starting point, through the real API. */
public final class OverdueDrill {

    private OverdueDrill() {}

    /** A GreenMail SMTP server in the test JVM, kept for the whole class (register it as an extension). */
    public static GreenMailExtension smtp() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    }

    /** Reminders go out through {@code smtp}, from yunjian@example.gov.cn. */
    public static void remindersThrough(GreenMailExtension smtp, DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("yunjian.mail.from", () -> "yunjian@example.gov.cn");
    }

    /**
     * A new user (named {@code prefix-<random>}) of the world's customer, whose system's obligations are first due on
     * {@code firstDue} — except the network-attack drill, last held 26 months ago and so overdue (政府网站指南 8.5 b): every 24 months).
     */
    public static CurrentUser arrange(
            MockMvc mvc,
            UserAdministration users,
            Fixtures.World w,
            String prefix,
            String displayName,
            String password,
            LocalDate firstDue)
            throws Exception {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        CurrentUser customer = SeedActor.of(org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        name, displayName, Role.USER, w.customer().id(), password)));
        String base = "/api/systems/" + w.system().id() + "/lifecycle/obligations";
        mvc.perform(post(base + "/generate")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startDate\":\"" + firstDue + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post(base + "/DRILL_NETWORK_ATTACK/completions")
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"doneOn\":\"" + LocalDate.now(Formats.zone()).minusMonths(26) + "\"}"))
                .andExpect(status().isOk());
        return customer;
    }

    /** The address's confirmation link's token in a mail body. */
    static final java.util.regex.Pattern CONFIRM_LINK =
            java.util.regex.Pattern.compile("/lifecycle/calendar/reminder/confirm/([A-Za-z0-9_-]{43})");

    /** The token of the newest confirmation link {@code smtp} received for {@code address}, or {@code null}. */
    public static String confirmationToken(GreenMailExtension smtp, String address) throws Exception {
        String token = null;
        for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                java.util.regex.Matcher t = CONFIRM_LINK.matcher(m.getContent().toString());
                if (t.find()) {
                    token = t.group(1);
                }
            }
        }
        return token;
    }

    /**
     * Asks for {@code address} as {@code u}'s reminder and notification address over REST, then confirms it as its
     * owner does: signed in as {@code u}, with the link mailed to it through {@code smtp} (issue 56).
     */
    public static void confirmedAddress(MockMvc mvc, GreenMailExtension smtp, CurrentUser u, String address)
            throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/lifecycle/calendar/reminder-address")
                        .with(as(u))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + address + "\"}"))
                .andExpect(status().isOk());
        confirm(mvc, smtp, u, address);
    }

    /** Confirms {@code u}'s waiting {@code address} with the link mailed to it through {@code smtp}. */
    public static void confirm(MockMvc mvc, GreenMailExtension smtp, CurrentUser u, String address) throws Exception {
        String token = confirmationToken(smtp, address);
        org.assertj.core.api.Assertions.assertThat(token)
                .as("a confirmation link mailed to %s", address)
                .isNotNull();
        mvc.perform(post("/lifecycle/calendar/reminder/confirm/" + token).with(as(u)))
                .andExpect(status().isOk());
    }
}
