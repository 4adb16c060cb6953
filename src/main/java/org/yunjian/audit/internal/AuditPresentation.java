package org.yunjian.audit.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
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
        return new Rendered(e, Formats.minute(e.occurredAt()), person(e.username(), names),
                address(e.sourceAddress()), action(e.action()), object(e.objectType()),
                Texts.get("audit.outcome." + e.outcome()), detail(e.detail()));
    }

    public Map<String, String> names(Collection<AuditEntry> entries) {
        return people.displayNames(entries.stream().map(AuditEntry::username).filter(u -> u != null).toList());
    }

    /** The action's display name ({@code audit.action.<action>}), or the stored code if the bundles lack it. */
    public static String action(String action) {
        return named("audit.action." + action, action);
    }

    public static String object(String objectType) {
        return objectType == null ? "" : named("audit.object." + objectType, objectType);
    }

    public static String detail(String stored) {
        return stored == null ? "" : Msg.decode(stored).text();
    }

    public static String address(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        return LOOPBACK.contains(address) ? Texts.get("audit.address.local", address) : address;
    }

    static String person(String username, Map<String, String> names) {
        if (username == null || username.isBlank()) {
            return Texts.get("audit.person.none");
        }
        String display = names.get(username);
        return display == null ? username : Texts.get("audit.person", display, username);
    }

    private static String named(String key, String fallback) {
        String text = Texts.source().getMessage(key, null, null, Texts.locale());
        return text == null ? fallback : text;
    }

    /** The texts of one entry in the reader's language. */
    public record Rendered(AuditEntry entry, String time, String person, String address, String action,
                           String object, String outcome, String detail) {
    }
}
