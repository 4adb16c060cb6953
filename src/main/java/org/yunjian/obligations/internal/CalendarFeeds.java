package org.yunjian.obligations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * Each user's secret iCalendar feed of obligations: a random token shown once (only its SM3 hash is kept), revoked
 * or replaced at will, and the feed itself — served without a session, because calendar applications cannot log
 * in — holding exactly the obligations the token's owner would see when logged in, as all-day events on their due
 * dates in Chinese, each with an alarm seven days before.
 */
@Service
@Transactional
public class CalendarFeeds {

    static final String OBJECT = "lifecycle-calendar-feed";
    /** How many years ahead the feed looks. */
    static final int FEED_YEARS = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarRepository rows;
    private final ObligationService obligations;
    private final ObligationQueries queries;
    private final UserAdministration users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarFeeds(
            JdbcClient jdbc,
            ObligationService obligations,
            ObligationQueries queries,
            UserAdministration users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = new CalendarRepository(jdbc);
        this.obligations = obligations;
        this.queries = queries;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's feed, if one exists: when its token was created. */
    @Transactional(readOnly = true)
    public Optional<Instant> created() {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("calendar feeds");
        return rows.feedCreated(u.userId());
    }

    /** Creates the caller's feed token, replacing any earlier one (which stops working); returns the token. */
    public String create() {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("calendar feeds");
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        boolean replaced = rows.deleteFeed(u.userId()) > 0;
        rows.insertFeed(u.userId(), hash(token), clock.instant());
        events.publishEvent(AuditableEvent.success(
                "lifecycle.obligation.feed-create",
                OBJECT,
                u.userId(),
                Msg.of(replaced ? "lifecycle.cal.audit.feedReplaced" : "lifecycle.cal.audit.feedCreated")));
        return token;
    }

    /** Revokes the caller's feed token; 404 if there is none. */
    public void revoke() {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("calendar feeds");
        if (rows.deleteFeed(u.userId()) == 0) {
            throw new NotFoundException(OBJECT, u.userId());
        }
        events.publishEvent(AuditableEvent.success(
                "lifecycle.obligation.feed-revoke", OBJECT, u.userId(), Msg.of("lifecycle.cal.audit.feedRevoked")));
    }

    /**
     * The feed of the token's owner as iCalendar text; 404 for an unknown or revoked token, or an owner who is
     * disabled or no longer works with systems.
     */
    @Transactional(readOnly = true)
    public String feed(String token) {
        String presented = hash(token == null ? "" : token);
        List<Owner> found = rows.feedsWithHash(presented).stream()
                .map(f -> new Owner(f.getKey(), f.getValue()))
                .toList();
        Owner owner = found.stream()
                .filter(o -> MessageDigest.isEqual(
                        o.hash().getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII)))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(OBJECT, "token"));
        UserView account = users.list().stream()
                .filter(v -> v.id().equals(owner.userId()))
                .findFirst()
                .filter(v -> v.enabled()
                        && (v.role() == Role.USER && v.organizationId() != null || v.role() == Role.SYSTEM_ADMIN))
                .orElseThrow(() -> new NotFoundException(OBJECT, "token"));
        String[] out = new String[1];
        // the feed holds what its owner would see when logged in: the same visibility rules, as that user
        SeedActor.run(
                SeedActor.of(account),
                () -> out[0] = render(queries.visibleDue(null, queries.today().plusYears(FEED_YEARS))));
        return out[0];
    }

    private record Owner(UUID userId, String hash) {}

    String render(List<ObligationService.Row> rows) {
        Calendar calendar = new Calendar()
                .withProdId("-//Yunjian//Obligations//ZH")
                .withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", text(Msg.of("lifecycle.cal.feed.name"))))
                .getFluentTarget();
        for (ObligationService.Row r : rows) {
            if (r.due() == null) { // done once for all, or no request open: nothing to put in a calendar
                continue;
            }
            String kind = Msg.of(r.obligation().kind()).text(Texts.CHINESE);
            VEvent event = new VEvent(
                    r.due(),
                    r.due().plusDays(1),
                    text(Msg.of("lifecycle.cal.feed.summary", kind, r.system().name())));
            event.add(new Uid(r.obligation().id() + "-" + r.due() + "@yunjian"));
            StringBuilder description = new StringBuilder(text(Msg.of(
                    "lifecycle.cal.feed.description",
                    r.system().name(),
                    r.responsible(),
                    r.obligation().intervalMonths(),
                    r.obligation().lastDone() == null
                            ? Msg.of("lifecycle.cal.never")
                            : Formats.date(r.obligation().lastDone()))));
            if (r.obligation().validity() != null) { // JR/T 6.3.4 / 6.4.4: due before the NDA runs out
                description
                        .append('\n')
                        .append(text(Msg.of(
                                "lifecycle.cal.validity",
                                Formats.date(r.obligation().validity().until()),
                                r.obligation().validity().leadDays())))
                        .append('\n')
                        .append(text(Msg.of("lifecycle.cal.leadDefault")));
            } else if (r.intervalDefault()) {
                description.append('\n').append(text(Msg.of("lifecycle.cal.feed.intervalDefault")));
            }
            for (ObligationService.Source x : r.sources()) {
                description.append('\n').append(text(Msg.of("lifecycle.cal.feed.source", x.clause(), x.text())));
            }
            event.add(new Description(description.toString()));
            VAlarm alarm = new VAlarm(Duration.ofDays(-7));
            alarm.add(new Action(Action.VALUE_DISPLAY));
            alarm.add(new Description(
                    text(Msg.of("lifecycle.cal.feed.alarm", kind, r.system().name()))));
            event.add(alarm);
            calendar.add(event);
        }
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            // unfolded by ical4j (it folds by characters), folded by octets as RFC 5545 asks
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, w);
            return OctetFolding.fold(w.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A text value of the feed, in Chinese, under {@link Text#safe} (what documents, JSON and pages do); line ends become
     * LF, which ical4j writes as the escape iCalendar TEXT has for it — a CR has none.
     */
    private static String text(Msg message) {
        return Text.safe(message.text(Texts.CHINESE)).replace("\r\n", "\n").replace('\r', '\n');
    }

    /** SM3 of the token, hex. */
    static String hash(String token) {
        SM3Digest d = new SM3Digest();
        byte[] in = token.getBytes(StandardCharsets.UTF_8);
        d.update(in, 0, in.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
