package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;

/**
 * The per-user iCalendar feed: created (and regenerated, revoked) by its owner, served without a session to the
 * token alone, parsed with ical4j: all-day events on the due dates with Chinese summaries, a stable UID and an
 * alarm seven days before; only the obligations the owner sees; unknown, replaced and revoked tokens 404; only the
 * token's hash stored; creation and revocation audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class CalendarFeedTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    CurrentUser customer;
    LocalDate today;

    @BeforeEach
    void world() throws Exception {
        w = fixtures.world();
        today = LocalDate.now(Formats.zone());
        customer = OverdueDrill.arrange(mvc, users, w, "cal", "日历用户", "Calendar-Feed-2026!", today.plusDays(60));
        // another customer's system with obligations, which must not appear
        CurrentUser stranger = user(w.stranger().id());
        mvc.perform(post("/api/systems/" + w.strangersSystem().id() + "/lifecycle/obligations/generate")
                        .with(as(stranger))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isCreated());
    }

    String createFeed() throws Exception {
        String body = mvc.perform(post("/api/lifecycle/calendar/feed").with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String url = JsonPath.read(body, "$.url");
        assertThat(url).endsWith(".ics");
        return url.substring(url.indexOf("/lifecycle/calendar/"));
    }

    String fetch(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theFeedParsesAndHoldsTheDueDatesOfWhatTheOwnerSees() throws Exception {
        String path = createFeed();
        String ics = fetch(path); // no session: the token alone
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(18); // issue 36: a drill per category and the guide's other periodic duties
        List<String> starts = events.stream()
                .map(e -> e.getProperty(Property.DTSTART).orElseThrow().getValue())
                .toList();
        assertThat(starts).contains(compact(today.plusDays(60)), compact(today.minusMonths(2)));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getProperty(Property.DTSTART).orElseThrow().getValue()).hasSize(8); // all-day (a DATE)
            assertThat(e.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                    .contains(w.system().name(), "负责单位");
            List<VAlarm> alarms = e.getAlarms();
            assertThat(alarms).singleElement().satisfies(a -> assertThat(
                            a.getProperty(Property.TRIGGER).orElseThrow().getValue())
                    .isIn("-P7D", "-P1W")); // 7 days before
        });
        assertThat(events.stream()
                        .map(e -> e.getProperty(Property.SUMMARY).orElseThrow().getValue()))
                .anySatisfy(s ->
                        assertThat(s).isEqualTo("应急演练：网络攻击事件到期：" + w.system().name()));
        // issue 36: the source quoted, and an interval the text does not state marked as a configurable default
        assertThat(events.stream().map(e -> e.getProperty(Property.DESCRIPTION)
                        .orElseThrow()
                        .getValue()))
                .anySatisfy(d -> assertThat(d)
                        .contains("依据：8.4.1.4 b)“定期对网站应用程序、操作系统及数据库进行脆弱性扫描；”", "周期为平台默认值，标准未规定具体周期；云服务客户可修改"))
                .anySatisfy(
                        d -> assertThat(d).contains("每两年至少开展各典型类别安全事件的应急演练一次").doesNotContain("周期为平台默认值"));
        assertThat(ics).doesNotContain(w.strangersSystem().name());
        // RFC 5545 3.1: lines of at most 75 octets (not characters), folded with CRLF and a space, never inside a
        // character; the Chinese descriptions are long enough to fold
        List<String> lines = List.of(ics.split("\r\n", -1));
        assertThat(lines).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(" "));
        assertThat(ics.replace("\r\n ", "")).contains("每两年至少开展各典型类别安全事件的应急演练一次");
        // stable UIDs: a second fetch gives the same events
        Calendar again = new CalendarBuilder().build(new StringReader(fetch(path)));
        assertThat(uids(again)).containsExactlyInAnyOrderElementsOf(uids(calendar));
        // only the hash is stored
        String token = path.substring(path.lastIndexOf('/') + 1, path.length() - 4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_calendar_feed WHERE token_hash = ?")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void unknownReplacedAndRevokedTokensAreNotFound() throws Exception {
        mvc.perform(get("/lifecycle/calendar/not-a-token.ics")).andExpect(status().isNotFound());
        String first = createFeed();
        String second = createFeed();
        mvc.perform(get(first)).andExpect(status().isNotFound());
        fetch(second);
        mvc.perform(delete("/api/lifecycle/calendar/feed").with(as(customer))).andExpect(status().isNoContent());
        mvc.perform(get(second)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/lifecycle/calendar/feed").with(as(customer))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_id = ? ORDER BY seq")
                        .param(customer.userId().toString())
                        .query(String.class)
                        .list())
                .containsSubsequence(
                        "lifecycle.obligation.feed-create",
                        "lifecycle.obligation.feed-create",
                        "lifecycle.obligation.feed-revoke");
    }

    @Test
    void aDisabledOwnersFeedIsNotFound() throws Exception {
        String path = createFeed();
        fetch(path);
        // disabled by the organisation's administrator (business accounts are their organisation's, issue 57)
        org.yunjian.security.TestAccounts.setEnabled(users, customer.userId(), false);
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    static String compact(LocalDate d) {
        return d.toString().replace("-", "");
    }

    static List<String> uids(Calendar c) {
        return c.<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getProperty(Property.UID).orElseThrow().getValue())
                .toList();
    }
}
