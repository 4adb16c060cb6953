package org.yunjian.exitproject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.internal.CatalogLoading;

/**
 * Issue 36 fin-small: the exit project names a clause only through {@link ExitClauses}, that is {@link ClauseLabel} on
 * its catalog item. Before, its bundles, certificate and page spelled the clauses by hand — "GB/T 31167-2014 9.4 c) 3)"
 * for the item the standard prints as "6.  存放敏感信息的介质清理后不能用于存放公开信息。" under "3.  要求云服务商安全处置
 * 存放客户数据的存储介质，涉及以下方面：" of 9.4 (ClauseLabel: 9.4 3. 6.), "9.1 " + the catalog's letter for the printed
 * "1." … "7.", "JR/T 8.1.3" without the standard's name.
 */
class ExitClausesTest {

    private static final Catalog CATALOG = CatalogLoading.fromClasspath();
    private static final ExitClauses CLAUSES = new ExitClauses(CATALOG);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    /** A clause of GB/T 31167 or JR/T written into a text: where a label must start. */
    private static final Pattern REFERENCE = Pattern.compile("GB/T ?31167|JR/T");
    /** What must not follow a label: a letter or number marker ClauseLabel does not print ("9.1 a", "9.4 c) 3)"). */
    private static final Pattern HAND_MARKER = Pattern.compile("^(?:-\\d{4}| ?[a-z](?:\\)|\\b)| ?\\d+\\))");
    /** Kept to show audit entries recorded before issue 36 (their argument is the item's letter). */
    private static final String LEGACY_AUDIT_KEY = "exitproject.audit.checklist=";

    @Test
    @DisplayName("every clause ExitClauses names is an item of the shipped catalog")
    void everyClauseIsACatalogItem() throws IllegalAccessException {
        List<String> ids = new ArrayList<>();
        for (Field f : ExitClauses.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == RequirementId.class) {
                RequirementId id = (RequirementId) f.get(null);
                ids.add(id.value());
                assertThat(CATALOG.requirement(id)).as(f.getName()).isPresent();
            }
        }
        assertThat(ids).hasSize(12);
    }

    @Test
    @DisplayName("GB/T 31167 9.4 3. 6. 存放敏感信息的介质清理后不能用于存放公开信息: cited as the standard prints it, in both languages")
    void labelsAreClauseLabels() {
        assertThat(CLAUSES.cited(ExitClauses.SENSITIVE_MEDIA).text(ZH)).isEqualTo("GB/T 31167 9.4 3. 6.");
        assertThat(CLAUSES.requirement(ExitClauses.SENSITIVE_MEDIA).text()).isEqualTo("存放敏感信息的介质清理后不能用于存放公开信息。");
        assertThat(CLAUSES.cited(ExitClauses.RETENTION).text(Locale.ENGLISH)).isEqualTo("GB/T 31167 9.4 1.");
        assertThat(CLAUSES.label(ExitClauses.MEDIA).text(ZH)).isEqualTo("9.4 3.");
        assertThat(CLAUSES.cited(ExitClauses.DATA_LIST_APPROVAL).text(ZH)).isEqualTo("JR/T 证券期货业云技术应用安全规范 8.1.3 第2段");
        assertThat(CLAUSES.find("GBT31167-9.1-g").map(r -> ClauseLabel.text(r))).contains("9.1 7.");
        assertThat(CLAUSES.find("not an id")).isEmpty();
    }

    @Test
    @DisplayName(
            "no exit-project bundle text, template or string literal of exitproject/exit spells a GB/T 31167 or JR/T clause by hand")
    void noTextSpellsAClauseByHand() throws IOException {
        List<String> labels = new ArrayList<>();
        for (Requirement r : CATALOG.find(RequirementFilter.any())) {
            if (r.standardCode().equals("GBT31167") || r.standardCode().equals("JRT-SF")) {
                for (Locale l : List.of(ZH, Locale.ENGLISH)) {
                    labels.add(ClauseLabel.cited(r).text(l));
                }
            }
        }
        labels.sort(Comparator.comparingInt(String::length).reversed()); // the longest label that starts there
        List<String> wrong = new ArrayList<>();
        for (String bundle : List.of("exitproject.properties", "exitproject_en.properties")) {
            for (String line :
                    Files.readAllLines(Path.of("src/main/resources/messages", bundle), StandardCharsets.UTF_8)) {
                if (!line.startsWith("#")
                        && !line.startsWith(LEGACY_AUDIT_KEY)
                        && REFERENCE.matcher(line).find()) {
                    wrong.add(bundle + ": " + line); // a bundle text takes the clause as an argument
                }
            }
        }
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/exitproject"))) {
            for (Path t : templates.toList()) {
                String html = Files.readString(t);
                if (REFERENCE.matcher(html).find() || html.contains("'9.1 '")) {
                    wrong.add(t + ": names a clause by hand");
                }
            }
        }
        for (String module : List.of("exitproject", "exit")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/yunjian", module))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        String code = line.strip();
                        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                            continue;
                        }
                        Matcher literal =
                                Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"").matcher(code);
                        while (literal.find()) {
                            check(literal.group(), labels).ifPresent(w -> wrong.add(f.getFileName() + ": " + w));
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A clause written into {@code text} that is not a ClauseLabel label, or is followed by a hand-written marker. */
    private static java.util.Optional<String> check(String text, List<String> labels) {
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String rest = text.substring(m.start());
            String label = labels.stream().filter(rest::startsWith).findFirst().orElse(null);
            if (label == null
                    || HAND_MARKER.matcher(rest.substring(label.length())).find()) {
                return java.util.Optional.of(text);
            }
        }
        return java.util.Optional.empty();
    }
}
