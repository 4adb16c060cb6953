package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One home for field checks (issue 37 point 2): whether a value was left blank, and the value stripped or as given
 * with blank as null, are {@code shared.FieldValues}' — a helper method of main code that re-states one of them
 * fails here, whatever its name ({@code blank}, {@code isBlank}, {@code blankToNull}, {@code trimToNull}, ...).
 */
class OneHomeForFieldChecksTests {

    static final Path MAIN = Path.of("src/main/java");
    static final Path HOME = Path.of("org/yunjian/shared/FieldValues.java");
    /** A method of one String parameter whose body is the blank check, or blank as null (stripped or not). */
    static final Pattern COPY = Pattern.compile("\\b(?:boolean|String)\\s+(\\w+)\\s*\\(\\s*(?:final\\s+)?String\\s+(\\w+)\\s*\\)"
            + "\\s*\\{\\s*return\\s+(?:\\(?\\s*\\2\\s*==\\s*null\\s*\\|\\|\\s*\\2\\s*\\.\\s*(?:isBlank\\(\\)|isEmpty\\(\\)"
            + "|trim\\(\\)\\s*\\.\\s*isEmpty\\(\\)|strip\\(\\)\\s*\\.\\s*isEmpty\\(\\))\\s*\\)?\\s*"
            + "(?:;|\\?\\s*null\\s*:\\s*\\2\\s*(?:\\.\\s*(?:strip|trim)\\(\\)\\s*)?;)"
            + "|\\w*[bB]lank\\(\\s*\\2\\s*\\)\\s*\\?\\s*null\\s*:\\s*\\2\\s*(?:\\.\\s*(?:strip|trim)\\(\\)\\s*)?;)");

    @Test
    void noMainClassRestatesABlankCheck() throws IOException {
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(f);
                if (!rel.equals(HOME)) {
                    copies(Files.readString(f)).forEach(c -> copies.add(rel + ": " + c));
                }
            }
        }
        assertThat(copies).as("use org.yunjian.shared.FieldValues").isEmpty();
    }

    @Test
    void theRuleFindsTheCopiesItReplaced() {
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

    static List<String> copies(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = COPY.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
