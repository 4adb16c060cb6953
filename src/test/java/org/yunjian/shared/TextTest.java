package org.yunjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yunjian.shared.Text.Kind;
import org.yunjian.shared.Text.Problem;

class TextTest {

    /** Rows: the value as Java escapes, the field kind, the expected problem (or none), its 1-based position. */
    @ParameterizedTest(name = "{0} as {1} -> {2} at {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            示例市人民政府               | LINE  | none           | 0
            a\\u0000b                    | LINES | CONTROL        | 2
            a\\u0007                     | LINES | CONTROL        | 2
            \\u007f                      | LINES | CONTROL        | 1
            x\\u0085                     | LINES | CONTROL        | 2
            第一行\\n第二行\\t缩进\\r      | LINES | none           | 0
            名称\\n                       | LINE  | LINE_BREAK     | 3
            名\\t称                       | LINE  | LINE_BREAK     | 2
            ab\\ud800                    | LINES | LONE_SURROGATE | 3
            \\udc00ab                    | LINES | LONE_SURROGATE | 1
            😀\\ud800                     | LINES | LONE_SURROGATE | 2
            😀\\uffff                     | LINES | NONCHARACTER   | 2
            \\ufffe                      | LINES | NONCHARACTER   | 1
            \\ufdd0                      | LINES | NONCHARACTER   | 1
            \\ud83f\\udffe               | LINES | NONCHARACTER   | 1
            \\udbff\\udfff               | LINES | NONCHARACTER   | 1
            ab\\u202ecba                 | LINE  | BIDI_CONTROL   | 3
            \\u2066x                     | LINE  | BIDI_CONTROL   | 1
            ab\\u202ecba                 | LINES | none           | 0
            \\ufffd 𠀀 \\u200d            | LINE  | none           | 0
            """)
    void findsTheFirstRefusedCharacterAndItsPosition(String escaped, Kind kind, Problem problem, int position) {
        String value = unescape(escaped.strip());
        var violation = Text.violation(value, kind);
        if (problem == null) {
            assertThat(violation).isEmpty();
        } else {
            assertThat(violation).hasValueSatisfying(v -> {
                assertThat(v.problem()).isEqualTo(problem);
                assertThat(v.position()).isEqualTo(position);
            });
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a\\u0000b                 | a\\ufffdb
            \\ud800x\\udc00           | \\ufffdx\\ufffd
            行一\\n行二\\t             | 行一\\n行二\\t
            😀\\uffff\\u0085           | 😀\\ufffd\\ufffd
            ab\\u202ecba              | ab\\u202ecba
            """)
    void safeReplacesWhatNoDocumentCanCarryWithTheReplacementCharacter(String in, String out) {
        String safe = Text.safe(unescape(in.strip()));
        assertThat(safe).isEqualTo(unescape(out.strip()));
        assertThat(Text.isAcceptable(safe, Kind.LINES)).isTrue();
        assertThat(new String(
                        safe.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(safe);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            主题\\n第二行\\r\\n        | 主题\\ufffd第二行\\ufffd\\ufffd
            a\\tb\\u0000c             | a\\ufffdb\\ufffdc
            ab\\u202ecba              | ab\\u202ecba
            """)
    void safeLineAlsoReplacesTabsAndLineBreaksButKeepsBidiControlsLikeSafe(String in, String out) {
        assertThat(Text.safeLine(unescape(in.strip()))).isEqualTo(unescape(out.strip()));
    }

    /** Decodes \\uXXXX, \\n, \\t and \\r escapes, so that rows can show invisible characters. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && s.charAt(i + 1) == 'u') {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\') {
                char e = s.charAt(++i);
                b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
