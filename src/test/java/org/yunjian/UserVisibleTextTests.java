package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads comes from the message bundles: a Java string literal that holds Chinese, or an English
 * sentence where it would reach a person (an exception, a field error, a problem, an audit detail, a CLI line, a
 * model attribute), fails the build. Log lines, comments and OpenAPI annotations (read by developers) are not
 * user text. Files still to be converted are listed in {@code src/test/resources/i18n/not-yet-converted.txt};
 * the list may only shrink: a listed file that has become clean fails too, so it is taken off.
 */
@org.yunjian.support.RunsBesideTheSuite
class UserVisibleTextTests {

    static final Path MAIN = Path.of("src/main/java");
    static final Path PENDING = Path.of("src/test/resources/i18n/not-yet-converted.txt");

    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");
    /** Three or more words: "not a date", "Request body is not valid JSON". */
    static final Pattern SENTENCE = Pattern.compile("[A-Za-z][a-z]+(?:[,;:()'-]*\\s+[('\\-]?[A-Za-z0-9]+){2,}");

    static final Pattern USER_FACING_CALL = Pattern.compile(
            "Exception\\(|\\.add\\(|forStatusAndDetail|setDetail|AuditableEvent\\.|\\.print(?:ln|f)?\\(|"
                    + "description\\s*=|addFlashAttribute|addAttribute|Problem\\(|Refusal\\(|error\\(|rejected\\(");
    static final Pattern DEVELOPER_TEXT = Pattern.compile(
            "^\\s*(?://|\\*|/\\*|@Operation|@Schema|@Parameter|@Tag|@ApiResponse)|\\b(?:log|LOG|logger|LOGGER)\\.");

    /**
     * Files whose literals are not texts for a person to read: {@code crypto} is a library whose exceptions name
     * programming errors (odd hex length, a key of the wrong size) for logs, and every caller that can meet bad
     * input (an uploaded key, a tampered ciphertext) catches them and answers from its own bundle; {@code demo}
     * holds the demo organisations, systems and people — data in the users' language, like anything a user enters;
     * {@code shared/outbound} is the outbound address policy, whose exceptions name a refused address and the registry
     * entry for logs and operators (a configuration that stops the start), while every refusal a person reads comes
     * from the caller's bundle ({@code monitoring.error.address}, {@code notification.webhook.error.privateTarget}).
     */
    static final List<String> NOT_USER_TEXT =
            List.of("org/yunjian/crypto/", "org/yunjian/demo/", "org/yunjian/shared/outbound/");

    record Violation(String file, int line, String text) {}

    @Test
    void noUserVisibleStringLiteralBypassesTheBundles() throws IOException {
        Set<String> pending = pending();
        TreeMap<String, List<Violation>> byFile = violations();
        List<String> unlisted = byFile.entrySet().stream()
                .filter(e -> !pending.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .map(v -> v.file() + ":" + v.line() + "  " + v.text())
                .toList();
        assertThat(unlisted)
                .as("user-visible literals outside the message bundles (use a Msg key)")
                .isEmpty();
        List<String> cleaned =
                pending.stream().filter(f -> !byFile.containsKey(f)).toList();
        assertThat(cleaned)
                .as("converted files still listed in " + PENDING + " (take them off)")
                .isEmpty();
    }

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /**
     * Latin punctuation a template glues to translated words: "当前结论: 符合", "(云计算平台)", "吴工 (approver)". The
     * bundles carry the punctuation of each language ({@code web.labelled}, {@code web.labelledValue},
     * {@code web.parenthesised}, {@code web.personWithLogin}).
     */
    static final Pattern GLUED_PUNCTUATION = Pattern.compile(
            "</span>:(?:\\s|$)|\\+\\s*': '\\s*\\+|'\\('\\s*\\+\\s*\\$\\{@fmt\\.label|\\.displayName\\(\\)} \\+ ' \\('");

    /** A choice whose words are written in the template: "<option value="敏感">敏感</option>" reads so in English. */
    static final Pattern FIXED_OPTION = Pattern.compile("<option\\b(?![^>]*th:u?text)[^>]*>[^<]*\\p{IsHan}");

    /** An element shown only to English readers may use English punctuation. */
    static final String ENGLISH_ONLY = "th:if=\"${#locale.language == 'en'}\"";

    @Test
    void noTemplateGluesLatinPunctuationToTranslatedWordsOrFixesTheWordsOfAChoice() throws IOException {
        List<String> glued = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if ((GLUED_PUNCTUATION.matcher(line).find() && !line.contains(ENGLISH_ONLY))
                            || FIXED_OPTION.matcher(line).find()) {
                        glued.add(TEMPLATES.relativize(f) + ":" + (i + 1) + "  " + line.trim());
                    }
                }
            }
        }
        assertThat(glued)
                .as("Latin punctuation glued to translated words (use web.labelled and friends), "
                        + "or an option's words outside the bundles")
                .isEmpty();
    }

    static Set<String> pending() throws IOException {
        if (!Files.exists(PENDING)) {
            return Set.of();
        }
        return Files.readAllLines(PENDING, StandardCharsets.UTF_8).stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static TreeMap<String, List<Violation>> violations() throws IOException {
        TreeMap<String, List<Violation>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = MAIN.relativize(f).toString().replace('\\', '/');
                if (NOT_USER_TEXT.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                boolean inJavadoc = false;
                // a call spans lines: the developer's (a log line, an OpenAPI annotation) or a user-facing one holds
                // until its parentheses close
                int developerOpen = 0;
                int userFacingOpen = 0;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String trimmed = line.trim();
                    if (trimmed.startsWith("/*")) {
                        inJavadoc = !trimmed.contains("*/");
                        continue;
                    }
                    if (inJavadoc) {
                        inJavadoc = !trimmed.contains("*/");
                        continue;
                    }
                    String code = stripTrailingComment(line);
                    if (developerOpen > 0 || DEVELOPER_TEXT.matcher(line).find()) {
                        developerOpen = Math.max(0, developerOpen + openParentheses(code));
                        continue;
                    }
                    boolean userFacing = userFacingOpen > 0
                            || USER_FACING_CALL.matcher(code).find()
                            || (i > 0
                                    && USER_FACING_CALL
                                            .matcher(lines.get(i - 1))
                                            .find());
                    userFacingOpen =
                            userFacingOpen > 0 || USER_FACING_CALL.matcher(code).find()
                                    ? Math.max(0, userFacingOpen + openParentheses(code))
                                    : 0;
                    Matcher m = LITERAL.matcher(code);
                    while (m.find()) {
                        String text = m.group(1);
                        if (CJK.matcher(text).find()
                                || (userFacing && SENTENCE.matcher(text).find())) {
                            out.computeIfAbsent(name, k -> new ArrayList<>()).add(new Violation(name, i + 1, text));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Parentheses a line opens less those it closes, outside string and character literals. */
    static int openParentheses(String code) {
        String bare = LITERAL.matcher(code).replaceAll("\"\"").replaceAll("'(?:[^'\\\\]|\\\\.)'", "' '");
        int open = 0;
        for (char c : bare.toCharArray()) {
            open += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return open;
    }

    private static String stripTrailingComment(String line) {
        int at = line.indexOf(" // ");
        return at < 0 ? line : line.substring(0, at);
    }
}
