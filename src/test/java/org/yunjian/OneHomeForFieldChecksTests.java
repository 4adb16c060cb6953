package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One home for field checks (issue 37 point 2): whether a value was left blank, and the value stripped or as given
 * with blank as null, are {@code shared.FieldValues}' — a helper method of main code that re-states one of them
 * fails here, whatever its name ({@code blank}, {@code isBlank}, {@code blankToNull}, {@code trimToNull}, ...); a
 * length limit followed by the free-text rule is {@code TextRules.check(errors, field, value, max, kind, tooLongKey)}
 * — a {@code length() > max} test closed just before {@code textRules.check} fails here. Each rule also runs on the
 * shapes it replaced, so that it is seen to fail.
 */
class OneHomeForFieldChecksTests {

    static final Path MAIN = Path.of("src/main/java");
    static final Path HOME = Path.of("org/yunjian/shared/FieldValues.java");
    /** A method of one String parameter whose body is the blank check, or blank as null (stripped or not). */
    static final Pattern COPY = Pattern.compile(
            "\\b(?:boolean|String)\\s+(\\w+)\\s*\\(\\s*(?:final\\s+)?String\\s+(\\w+)\\s*\\)"
                    + "\\s*\\{\\s*return\\s+(?:\\(?\\s*\\2\\s*==\\s*null\\s*\\|\\|\\s*\\2\\s*\\.\\s*(?:isBlank\\(\\)|isEmpty\\(\\)"
                    + "|trim\\(\\)\\s*\\.\\s*isEmpty\\(\\)|strip\\(\\)\\s*\\.\\s*isEmpty\\(\\))\\s*\\)?\\s*"
                    + "(?:;|\\?\\s*null\\s*:\\s*\\2\\s*(?:\\.\\s*(?:strip|trim)\\(\\)\\s*)?;)"
                    + "|\\w*[bB]lank\\(\\s*\\2\\s*\\)\\s*\\?\\s*null\\s*:\\s*\\2\\s*(?:\\.\\s*(?:strip|trim)\\(\\)\\s*)?;)");
    /** A length test whose branch is closed just before the free-text rule runs. */
    static final Pattern LENGTH_BEFORE_TEXT = Pattern.compile("\\.length\\(\\)\\s*>\\s*[\\w.]+\\s*\\)\\s*\\{[^{}]*\\}"
            + "(?:\\s*else\\s*\\{)?\\s*(?:return\\s+|if\\s*\\(\\s*!\\s*)?textRules\\s*\\.\\s*check\\(");
    /**
     * The one home, and party's checks, which render their messages when they find them (the whole module does,
     * through its {@code Messages}), the too-long text with the value's length: they join when party's errors
     * become messages.
     */
    static final Set<Path> LENGTH_EXCEPTIONS =
            Set.of(Path.of("org/yunjian/shared/TextRules.java"), Path.of("org/yunjian/party/internal/Validation.java"));

    @Test
    void noMainClassRestatesABlankCheck() throws IOException {
        List<String> copies = new ArrayList<>();
        for (Path f : mainSources()) {
            Path rel = MAIN.relativize(f);
            if (!rel.equals(HOME)) {
                copies(Files.readString(f)).forEach(c -> copies.add(rel + ": " + c));
            }
        }
        assertThat(copies).as("use org.yunjian.shared.FieldValues").isEmpty();
    }

    @Test
    void noMainClassPutsItsOwnLengthLimitInFrontOfTheTextRule() throws IOException {
        List<String> copies = new ArrayList<>();
        for (Path f : mainSources()) {
            Path rel = MAIN.relativize(f);
            if (!LENGTH_EXCEPTIONS.contains(rel)
                    && LENGTH_BEFORE_TEXT.matcher(Files.readString(f)).find()) {
                copies.add(rel.toString());
            }
        }
        assertThat(copies)
                .as("use TextRules.check(errors, field, value, max, kind, tooLongKey)")
                .isEmpty();
    }

    @Test
    void theBlankRuleFindsTheCopiesItReplaced() {
        assertThat(copies("""
                private static boolean blank(String s) {
                    return s == null || s.isBlank();
                }
                static String trim(String s) {
                    return blank(s) ? null : s.strip();
                }
                private static String blankToNull(String s) {
                    return s == null || s.isBlank() ? null : s.trim();
                }
                private static String emptyToNull(String s) {
                    return s == null || s.isBlank() ? null : s;
                }
                private static boolean isBlank(final String value) { return value == null || value.trim().isEmpty(); }
                """)).containsExactly("blank", "trim", "blankToNull", "emptyToNull", "isBlank");
    }

    @Test
    void aDisplayDefaultIsNoFieldCheck() {
        assertThat(copies("""
                public static String nz(String s) {
                    return s == null || s.isBlank() ? "—" : s;
                }
                """)).isEmpty();
    }

    @Test
    void theLengthRuleFindsTheShapesItReplaced() {
        List<String> replaced = List.of("""
                if (value != null && value.length() > max) {
                    errors.add(field, TOO_LONG, max);
                } else {
                    textRules.check(errors, field, value, max <= 200 ? Text.Kind.LINE : Text.Kind.LINES);
                }
                """, """
                if (note != null && note.length() > 4000) {
                    errors.add("note", "exitproject.error.tooLong", 4000);
                }
                textRules.check(errors, "note", note, Text.Kind.LINES);
                """, """
                if (v.length() > max) {
                    errors.add(field, "lifecycle.ops.error.tooLong", max);
                    return null;
                }
                return textRules.check(errors, field, v, kind) ? v : null;
                """);
        assertThat(replaced).allMatch(s -> LENGTH_BEFORE_TEXT.matcher(s).find());
        assertThat(LENGTH_BEFORE_TEXT.matcher("""
                textRules.check(errors, "name", in.name(), 200, Text.Kind.LINE, TOO_LONG);
                """).find()).isFalse();
    }

    static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    static List<String> copies(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = COPY.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
