package org.yunjian.shared.work;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.yunjian.shared.Msg;

/**
 * One action waiting for someone: a line of 我的待办 ({@code /my-work}, {@code GET /api/my-work}) and the subject of
 * the notifications sent when it opens.
 *
 * @param key  identifies the task within its {@link WorkSnapshot#scope() scope} and stays the same while it waits
 *             (e.g. {@code "review"}, {@code "request-line:" + lineId}); a task that closes and later waits again
 *             under the same key is a new task
 * @param kind the bundle key of the task's text (in {@code messages/work*.properties} of the publishing module or
 *             the shared bundles), e.g. {@code work.assessment.review} = "审核测评“{0}”（{1}）", with {@code args}
 *             as its arguments
 * @param args the values shown in the text (names, numbers, never UUIDs); each is shown as it is, except a value
 *             {@code "msg:<key>"}, which is read from the bundles in the reader's language (an enum's label), or a
 *             {@link #message(Msg) message} with arguments of its own (a clause label such as 5.4 第4段 / 5.4 ¶4)
 * @param href where to act: a path of the web application, starting with {@code /}
 * @param to   who must act
 * @param due  when it is due, or {@code null}
 * @param group the notifications' group of tasks alike (issue 58, "notifications that ask someone to act, once"), or
 *             {@code null}: a task of a group whose person still has an unread notification of it adds to that one
 *             ("另有 N 项") instead of notifying again; 我的待办 lists every task as before
 */
public record WorkTask(
        String key, String kind, List<String> args, String href, WorkAddressee to, LocalDate due, Group group) {

    /**
     * Tasks that reach a person as one notification while it is unread: e.g. the duties of one system awaiting
     * acceptance, the remediations of one assessment.
     *
     * @param key   names the group across scopes, {@code <kind>:<id>}, e.g. {@code "lifecycle-accept:" + systemId}
     * @param daily bulk work that can wait for the day: e-mailed in the person's daily digest, never at once (the
     *              group-chat robots hear of the first task of the group each day either way)
     */
    public record Group(String key, boolean daily) {

        public Group {
            Objects.requireNonNull(key, "key");
        }

        /** Grouped, e-mailed at once (the first of the group). */
        public static Group of(String key) {
            return new Group(key, false);
        }

        /** Grouped and e-mailed in the daily digest. */
        public static Group daily(String key) {
            return new Group(key, true);
        }
    }

    /** A task that is notified on its own. */
    public WorkTask(String key, String kind, List<String> args, String href, WorkAddressee to, LocalDate due) {
        this(key, kind, args, href, to, due, null);
    }

    /** This task, notified as one of {@code group}. */
    public WorkTask in(Group group) {
        return new WorkTask(key, kind, args, href, to, due, group);
    }

    public WorkTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        args = args == null ? List.of() : List.copyOf(args);
        if (href == null || !href.startsWith("/")) {
            throw misuse("href must be a path of the web application: " + href);
        }
    }

    private static final String KEY = "msg:";
    private static final String MESSAGE = "msg-json:";

    /** An argument read in the reader's language when the task is shown, arguments and all. */
    public static String message(Msg text) {
        return MESSAGE + text.encode();
    }

    /** An argument as the reader sees it: the bundle text for {@code msg:} and {@link #message} values, else itself. */
    public static Object shown(String arg) {
        if (arg == null) {
            return "";
        }
        if (arg.startsWith(MESSAGE)) {
            return Msg.decode(arg.substring(MESSAGE.length()));
        }
        return arg.startsWith(KEY) ? Msg.of(arg.substring(KEY.length())) : arg;
    }

    /** The task's text in the reader's language (for {@link Msg#text(java.util.Locale)} to render). */
    public static Msg text(String kind, List<String> args) {
        return Msg.of(kind, args.stream().map(WorkTask::shown).toArray());
    }

    /**
     * A publisher's programming error (the text is for its developer, never shown to a person: a task is built by
     * code, not from input).
     */
    static IllegalArgumentException misuse(String developerText) {
        return new IllegalArgumentException(developerText);
    }
}
