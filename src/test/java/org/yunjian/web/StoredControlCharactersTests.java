package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.obligations.OverdueDrill;
import org.yunjian.obligations.internal.ReminderService;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;

/**
 * Text that leaves the server as a page, as the iCalendar feed or as a reminder e-mail is under the documents' rule
 * ({@code Text.safe}; issue 33): a system name holding C0 controls, DEL, C1 controls (U+0085 among them) and — on H2,
 * which stores them — NUL and a lone surrogate, written straight into the database with JDBC past the input rule,
 * arrives with U+FFFD in their place and none of them; TAB/LF/CR only where the format has them (not in an e-mail
 * subject; in the feed LF as iCalendar's escape); the bidi control U+202E is kept, as documents keep it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class StoredControlCharactersTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = OverdueDrill.smtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        OverdueDrill.remindersThrough(SMTP, registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    ReminderService reminders;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.datasource.url}")
    String url;

    Fixtures.World w;
    CurrentUser customer;
    String address;

    @BeforeEach
    void world() throws Exception {
        w = fixtures.world();
        customer = OverdueDrill.arrange(
                mvc,
                users,
                w,
                "ctl",
                "控制字符用户",
                "Control-Chars-2026!",
                LocalDate.now(Formats.zone()).plusMonths(2));
        address = customer.username() + "@example.gov.cn";
        // straight into the database, past the input rule that refuses all of these
        jdbc.sql("UPDATE cloud_system SET name = ? WHERE id = ?")
                .params(poisoned(), w.system().id())
                .update();
    }

    /** 系统 + every C0 control, DEL, C1 controls, U+202E (+ NUL and a lone surrogate where the database stores them). */
    String poisoned() {
        StringBuilder b = new StringBuilder("系统");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        for (char c = (char) (postgres ? 1 : 0); c < 0x20; c++) {
            b.append(c);
        }
        b.append('\u007F').append('\u0080').append('\u0085').append('\u009F').append('\u202E');
        if (!postgres) {
            b.append('\uD800'); // PostgreSQL's driver cannot send it: UTF-8 has no form for it
        }
        return b.append("名").toString();
    }

    @Test
    void aPageShowsReplacementCharactersAndNoControlCharacterStoredInTheDatabase() throws Exception {
        for (String page : new String[] {
            "/systems/" + w.system().id(), "/systems", "/systems/" + w.system().id() + "/lifecycle/obligations"
        }) {
            String html = mvc.perform(get(page).with(as(customer)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(page).contains("系统\uFFFD").contains("\u202E");
            assertThat(refused(html, true)).as(page).isEmpty();
        }
    }

    @Test
    void theCalendarFeedHasReplacementCharactersAndNoControlCharacter() throws Exception {
        String body = mvc.perform(post("/api/lifecycle/calendar/feed").with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String feed = JsonPath.read(body, "$.url");
        String ics = mvc.perform(get(feed.substring(feed.indexOf("/lifecycle/calendar/"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics).contains("系统\uFFFD");
        // CR only in the CRLF that ends each line; LF only there too (a value's line break is the escape \n)
        String lines = ics.replace("\r\n", "");
        assertThat(lines).doesNotContain("\r", "\n");
        assertThat(refused(lines, true)).isEmpty();
        new CalendarBuilder().build(new StringReader(ics)); // still a calendar
    }

    @Test
    void aReminderMailHasReplacementCharactersAndNoControlCharacterInSubjectOrBody() throws Exception {
        mvc.perform(put("/api/lifecycle/calendar/reminder-address")
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + address + "\"}"))
                .andExpect(status().isOk());
        org.yunjian.obligations.OverdueDrill.confirm(mvc, SMTP, customer, address);
        reminders.sendDue();
        MimeMessage mail = null;
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                mail = m;
            }
        }
        assertThat(mail).as("a reminder was sent").isNotNull();
        assertThat(mail.getSubject()).contains("系统\uFFFD");
        assertThat(refused(mail.getSubject(), false)).as("subject").isEmpty();
        String text = mail.getContent().toString();
        assertThat(text).contains("系统\uFFFD");
        assertThat(refused(text, true)).as("body").isEmpty();
        for (var headers = mail.getAllHeaderLines(); headers.hasMoreElements(); ) {
            String unfolded = headers.nextElement().replaceAll("\r\n[ \t]", " "); // RFC 5322 folding
            assertThat(refused(unfolded, false)).as("header lines").isEmpty();
        }
    }

    /** The characters of {@code s} no output may carry, as U+XXXX (TAB/LF/CR allowed where {@code lines}). */
    static List<String> refused(String s, boolean lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
            boolean pair =
                    Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                i++;
            } else if (lineBreak ? !lines : Character.isISOControl(c) || Character.isSurrogate(c)) {
                found.add(String.format("U+%04X at %d", (int) c, i));
            }
        }
        return found;
    }
}
