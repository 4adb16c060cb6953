package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.Texts;

/**
 * Issue 58 point 6: every audit action the code writes has its name in the Chinese and the English bundle, so the
 * audit page and the CSV never show an action's code. The actions are read from the main sources: the first argument
 * of every {@code AuditableEvent} factory (a literal, or each literal of a conditional such as {@code approved ?
 * "user.admin.approve" : "user.admin.reject"}), a {@code String action = …} and, where a method passes its
 * {@code String action} parameter on, the literals its callers in the same file pass in that place.
 */
class AuditActionKeysTest {

    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9.-]*\\.[A-Za-z0-9.-]+)\"");
    private static final Pattern FACTORY = Pattern.compile("AuditableEvent(?:\\.(?:success|failure|denied))?\\(");
    private static final Pattern ASSIGNED = Pattern.compile("String action = ([^;]+);");
    private static final Pattern DECLARED = Pattern.compile("\\b(\\w+)\\(([^()]*\\bString action\\b[^()]*)\\)\\s*\\{");

    @Test
    void everyActionTheCodeWritesIsNamedInChineseAndEnglish() throws IOException {
        Set<String> actions = actions();
        assertThat(actions)
                .contains(
                        "user.login",
                        "user.admin.approve",
                        "user.admin.reject",
                        "participation.accept",
                        "lifecycle.reminder.address",
                        "user.totp.enrol");
        for (Locale l : List.of(Texts.CHINESE, Texts.ENGLISH)) {
            List<String> missing = actions.stream()
                    .filter(a -> Texts.source().getMessage("audit.action." + a, null, null, l) == null)
                    .toList();
            assertThat(missing)
                    .as("audit actions without audit.action.<action> in %s", l)
                    .isEmpty();
        }
    }

    @Test
    void theCollectorReadsConditionalsAndActionsPassedThroughAParameter() {
        String source = """
                void approve(boolean ok) { String action = ok ? "a.approve" : "a.reject"; }
                void audit(UUID id, String action, Msg m) { events.publishEvent(AuditableEvent.success(action, "x", id, m)); }
                void run() { audit(id, "b.run", Msg.of("b.run.text")); events.publishEvent(new AuditableEvent(
                        flag ? "c.on" : "c.off", "c", null, Outcome.SUCCESS, null, null)); }
                """;
        Set<String> found = new TreeSet<>();
        collect(source, found);
        assertThat(found).containsExactly("a.approve", "a.reject", "b.run", "c.off", "c.on");
    }

    static Set<String> actions() throws IOException {
        Set<String> found = new TreeSet<>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (text.contains("AuditableEvent")) {
                    collect(text, found);
                }
            }
        }
        return found;
    }

    static void collect(String source, Set<String> found) {
        Matcher m = FACTORY.matcher(source);
        while (m.find()) {
            List<String> args = arguments(source, m.end());
            if (!args.isEmpty()) {
                literals(args.get(0), found);
            }
        }
        Matcher a = ASSIGNED.matcher(source);
        while (a.find()) {
            literals(a.group(1), found);
        }
        Matcher d = DECLARED.matcher(source);
        while (d.find()) {
            String[] params = d.group(2).split(",");
            int at = -1;
            for (int i = 0; i < params.length; i++) {
                if (params[i].strip().matches("(final )?String action")) {
                    at = i;
                }
            }
            Matcher call =
                    Pattern.compile("\\b" + Pattern.quote(d.group(1)) + "\\(").matcher(source);
            while (call.find()) {
                List<String> args = arguments(source, call.end());
                if (at >= 0 && args.size() == params.length && !args.get(at).contains("String action")) {
                    literals(args.get(at), found);
                }
            }
        }
    }

    private static void literals(String expression, Set<String> found) {
        if (expression.contains("Msg.of") || expression.contains("Texts.")) {
            return;
        }
        Matcher l = LITERAL.matcher(expression);
        while (l.find()) {
            found.add(l.group(1));
        }
    }

    /** The top-level arguments of the call whose opening parenthesis ends just before {@code from}. */
    private static List<String> arguments(String source, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder arg = new StringBuilder();
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                arg.append(c);
                if (c == '\\') {
                    arg.append(source.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    if (!arg.toString().isBlank()) {
                        args.add(arg.toString().strip());
                    }
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(arg.toString().strip());
                arg.setLength(0);
                continue;
            }
            arg.append(c);
        }
        return args;
    }
}
