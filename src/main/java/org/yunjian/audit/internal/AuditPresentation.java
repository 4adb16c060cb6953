package org.yunjian.audit.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * An audit entry as a person reads it, in the reader's language: the action and object kind by name, the outcome
 * by name, the detail decoded from its stored message (older plain-text details read as stored), the time in the
 * reader's zone to the minute, people by display name, the loopback address as "this computer". The stored values
 * stay as they are (the MACs cover them); REST and CSV keep them next to the rendered text.
 */
@Component
public class AuditPresentation {

    static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private final PeopleNames people;

    AuditPresentation(PeopleNames people) {
        this.people = people;
    }

    /** One entry rendered; {@code names} from {@link #names(Collection)} for the page's entries. */
    public Rendered render(AuditEntry e, Map<String, String> names) {
        return render(e, names, Texts.locale());
    }

    /** One entry rendered in {@code locale} (the CSV export's {@code lang}, else the reader's language). */
    public Rendered render(AuditEntry e, Map<String, String> names, Locale locale) {
        return new Rendered(
                e,
                Formats.minute(e.occurredAt()),
                person(e.username(), names, locale),
                address(e.sourceAddress(), locale),
                action(e.action(), locale),
                object(e.objectType(), locale),
                text(Msg.of("audit.outcome." + e.outcome()), locale),
                detail(e.detail(), locale),
                token(e, locale));
    }

    public Map<String, String> names(Collection<AuditEntry> entries) {
        return people.displayNames(entries.stream()
                .map(AuditEntry::username)
                .filter(u -> u != null)
                .toList());
    }

    /**
     * The action's display name ({@code audit.action.<action>}); an action the bundles lack (an entry written by a
     * newer or older version) reads "其他操作（code）", never as a bare code.
     */
    public static String action(String action) {
        return action(action, Texts.locale());
    }

    public static String action(String action, Locale locale) {
        if (action == null || action.isBlank()) {
            return "";
        }
        String named = named("audit.action." + action, locale);
        return named != null ? named : text(Msg.of("audit.action.unknown", action), locale);
    }

    public static String object(String objectType) {
        return object(objectType, Texts.locale());
    }

    public static String object(String objectType, Locale locale) {
        if (objectType == null) {
            return "";
        }
        String named = named("audit.object." + objectType, locale);
        return named != null ? named : objectType;
    }

    /** The stored detail in the reader's language; a refused request names the part of the product in words. */
    public static String detail(String stored) {
        return detail(stored, Texts.locale());
    }

    /**
     * The stored detail in {@code locale}: the sentence its message names; a message the bundles lack reads as its
     * arguments in words ("未登记的详情（key）：a, b"), never as the stored JSON; a legacy plain text as stored.
     */
    public static String detail(String stored, Locale locale) {
        if (stored == null) {
            return "";
        }
        Msg m = Msg.decode(stored);
        if (m.key().startsWith("audit.detail.notPermitted.") || m.key().equals("audit.detail.notVisible")) {
            Object[] args = m.args();
            if (args.length == 1 && args[0] instanceof String where) {
                return text(Msg.of(m.key(), request(where, locale)), locale);
            }
        }
        return text(m, locale);
    }

    /** {@code m} in {@code locale}; a message (or nested one) the bundles lack as its key and its arguments. */
    static String text(Msg m, Locale locale) {
        if (m.key().equals(Texts.VERBATIM) || named(m.key(), locale) != null) {
            Object[] args = m.args();
            Object[] rendered = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                rendered[i] = args[i] instanceof Msg nested ? text(nested, locale) : args[i];
            }
            return Texts.render(Msg.of(m.key(), rendered), locale);
        }
        java.util.List<String> args = new java.util.ArrayList<>();
        for (Object a : m.args()) {
            args.add(a instanceof Msg nested ? text(nested, locale) : String.valueOf(a));
        }
        return Texts.render(Msg.of("audit.detail.unknown", m.key(), String.join(", ", args)), locale);
    }

    /**
     * The detail as HTML for the audit page: the sentence in the reader's language, escaped, with the names and
     * texts it quotes (an assessment called 2026 年度等保测评, a user name) marked {@code data-verbatim} — data as the
     * users wrote it, not words of the page. A stored plain text is escaped and not marked.
     */
    public static String detailHtml(String stored) {
        if (stored == null) {
            return "";
        }
        Msg m = Msg.decode(stored);
        if (m.key().equals(Texts.VERBATIM)
                || named(m.key(), Texts.locale()) == null
                || m.key().startsWith("audit.detail.notPermitted.")
                || m.key().equals("audit.detail.notVisible")) {
            return HtmlUtils.htmlEscape(detail(stored));
        }
        java.util.List<String> quoted = new java.util.ArrayList<>();
        String html = HtmlUtils.htmlEscape(marked(m, quoted).text());
        for (int i = 0; i < quoted.size(); i++) {
            html = html.replace(
                    MARK + i + END, "<span data-verbatim>" + HtmlUtils.htmlEscape(quoted.get(i)) + "</span>");
        }
        return html;
    }

    /** {@code m} with every quoted string — its own or a nested message's — replaced by a numbered mark. */
    private static Msg marked(Msg m, java.util.List<String> quoted) {
        Object[] args = m.args();
        Object[] marked = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String text) {
                marked[i] = MARK + quoted.size() + END;
                quoted.add(text);
            } else if (args[i] instanceof Msg nested) {
                marked[i] = marked(nested, quoted);
            } else {
                marked[i] = args[i];
            }
        }
        return Msg.of(m.key(), marked);
    }

    /** Private-use characters around an argument's index while the sentence is rendered and escaped. */
    private static final String MARK = "\uE000";

    private static final String END = "\uE001";

    public static String address(String address) {
        return address(address, Texts.locale());
    }

    public static String address(String address, Locale locale) {
        if (address == null || address.isBlank()) {
            return "";
        }
        return LOOPBACK.contains(address) ? text(Msg.of("audit.address.local", address), locale) : address;
    }

    /** "through API token “nightly” (id)", or {@code null} for an entry made without a token. */
    static String token(AuditEntry e, Locale locale) {
        if (e.apiTokenId() == null && e.apiTokenName() == null) {
            return null;
        }
        return text(
                Msg.of(
                        "audit.person.token",
                        e.apiTokenName() == null ? "" : e.apiTokenName(),
                        e.apiTokenId() == null ? "" : e.apiTokenId().toString()),
                locale);
    }

    static String person(String username, Map<String, String> names) {
        return person(username, names, Texts.locale());
    }

    static String person(String username, Map<String, String> names, Locale locale) {
        if (username == null || username.isBlank()) {
            return text(Msg.of("audit.person.none"), locale);
        }
        String display = names.get(username);
        return display == null ? username : text(Msg.of("audit.person", display, username), locale);
    }

    /** The bundles' text of {@code key} in {@code locale}, or {@code null} if they lack it. */
    private static String named(String key, Locale locale) {
        String text = Texts.source().getMessage(key, null, null, Texts.supported(locale));
        return text == null || text.equals(key) ? null : text;
    }

    /** Where a request went, in words: "审计日志（GET /audit）" rather than the bare method and path. */
    public static String request(String methodAndPath) {
        return request(methodAndPath, Texts.locale());
    }

    static String request(String methodAndPath, Locale locale) {
        if (methodAndPath == null || methodAndPath.isBlank()) {
            return "";
        }
        String path = methodAndPath.substring(methodAndPath.indexOf(' ') + 1);
        String area = path.startsWith("/api/") ? path.substring(4) : path;
        for (Map.Entry<String, String> a : AREAS.entrySet()) {
            if (area.equals(a.getKey()) || area.startsWith(a.getKey() + "/") || area.startsWith(a.getKey() + "?")) {
                return text(
                        Msg.of("audit.request.area", Texts.render(Msg.of(a.getValue()), locale), methodAndPath),
                        locale);
            }
        }
        return methodAndPath;
    }

    /** Path prefixes and the name of the part of the product they belong to (the menu's words). */
    static final Map<String, String> AREAS = Map.ofEntries(
            Map.entry("/audit", "web.nav.audit"),
            Map.entry("/admin/users", "web.nav.users"),
            Map.entry("/users", "web.nav.users"),
            Map.entry("/admin/backups", "backup.nav"),
            Map.entry("/backups", "backup.nav"),
            Map.entry("/organizations", "web.nav.organizations"),
            Map.entry("/systems", "web.nav.systems"),
            Map.entry("/engagements", "web.nav.engagements"),
            Map.entry("/assessments", "assessment.nav"),
            Map.entry("/assessment-items", "assessment.nav"),
            Map.entry("/evidence", "assessment.nav"),
            Map.entry("/dashboard", "dashboard.nav"),
            Map.entry("/exit-projects", "exitproject.nav"),
            Map.entry("/catalog", "web.nav.catalog"),
            Map.entry("/search", "web.search.title"));

    /** The texts of one entry in the reader's language; {@code token}: the API token it was made through, or null. */
    public record Rendered(
            AuditEntry entry,
            String time,
            String person,
            String address,
            String action,
            String object,
            String outcome,
            String detail,
            String token) {

        /** {@link #detail} as HTML, quoted names marked as data ({@link #detailHtml(String)}). */
        public String detailHtml() {
            return AuditPresentation.detailHtml(entry.detail());
        }
    }
}
