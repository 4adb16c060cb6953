package org.yunjian.notification.internal;

import java.util.List;
import java.util.Locale;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A task's text as the {@link org.yunjian.shared.work.WorkTask} contract defines it: the bundle key {@code kind} with its
 * arguments, each shown as it is except {@code "msg:<key>"}, read from the bundles in the reader's language.
 */
public final class TaskText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private TaskText() {}

    public static String encode(List<String> args) {
        return JSON.writeValueAsString(args);
    }

    public static List<String> decode(String args) {
        return args == null || args.isBlank() ? List.of() : JSON.readValue(args, STRINGS);
    }

    public static Msg message(String kind, List<String> args) {
        return org.yunjian.shared.work.WorkTask.text(kind, args);
    }

    /** The text in {@code locale}, one line (a stored name's control characters become U+FFFD). */
    public static String render(String kind, String argsJson, Locale locale) {
        return Text.safeLine(message(kind, decode(argsJson)).text(locale));
    }

    /**
     * The text of a notification that stands for {@code tasks} tasks of one group: the first's text and how many
     * more wait ("另有 N 项同类待办").
     */
    public static String render(String kind, String argsJson, int tasks, Locale locale) {
        String first = render(kind, argsJson, locale);
        return tasks <= 1
                ? first
                : Msg.of("notification.group.more", first, tasks - 1).text(locale);
    }
}
