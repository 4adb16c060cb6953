package org.yunjian.web;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/**
 * People-facing formats for templates, as {@code ${@fmt.time(x)}}: times in the users' zone to the minute, sizes
 * in KB/MB, enum constants by their display name ({@code enum.<SimpleName>.<CONSTANT>} in the bundles).
 */
@Component("fmt")
public class TemplateFormats {

    public String time(Object t) {
        return Formats.minute(t);
    }

    public String seconds(Instant t) {
        return Formats.second(t);
    }

    public String date(Object t) {
        if (t instanceof Instant i) {
            return Formats.date(i);
        }
        return t instanceof java.time.LocalDate d ? Formats.date(d) : Formats.minute(t);
    }

    public String size(Long bytes) {
        return bytes == null ? "" : Formats.size(bytes);
    }

    /** The display name of an enum constant in the current language. */
    public String label(Enum<?> value) {
        return value == null ? "" : Msg.of(value).text();
    }

    /**
     * The text of {@code key} before and after its {@code {0}}, for a sentence that holds a command or a name the
     * template shows in its own element ({@code <code data-verbatim>}); the second part is empty if there is none.
     */
    public String[] around(String key) {
        String marker = "\u0000";
        String text = Msg.of(key, marker).text();
        int at = text.indexOf(marker);
        return at < 0 ? new String[] {text, ""} : new String[] {text.substring(0, at), text.substring(at + 1)};
    }

    /** A stored message (audit detail) or plain text, in the current language. */
    public String text(String stored) {
        return stored == null ? "" : Msg.decode(stored).text();
    }
}
