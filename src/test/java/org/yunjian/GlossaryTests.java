package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles and templates use the display terms of {@code docs/glossary.md}: no variant from its
 * "Do not use" table occurs in a message value or a template, except the verbatim quotations it lists.
 */
class GlossaryTests {

    private static final Path GLOSSARY = Path.of("docs/glossary.md");
    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** A "do not use" variant: a literal in backticks or a {@code /regex/}. */
    record Variant(String written, Pattern pattern) {
        static Variant of(String cell) {
            String s = cell.strip();
            assertThat(s)
                    .as("a do-not-use cell is in backticks: %s", cell)
                    .startsWith("`")
                    .endsWith("`");
            s = s.substring(1, s.length() - 1);
            if (s.length() > 2 && s.startsWith("/") && s.endsWith("/")) {
                return new Variant(s, Pattern.compile(s.substring(1, s.length() - 1)));
            }
            return new Variant(s, Pattern.compile(Pattern.quote(s)));
        }

        boolean foundIn(String text) {
            return pattern.matcher(text).find();
        }
    }

    /** Where a text was found (bundle key or template line) and the text itself. */
    record Place(String where, String key, String text) {}

    @Test
    void bundlesAndTemplatesUseNoTermTheGlossaryRejects() throws IOException {
        Glossary g = Glossary.read(GLOSSARY);
        List<String> offences = new ArrayList<>();
        for (Place p : places()) {
            for (Variant v : g.rejected()) {
                if (v.foundIn(p.text()) && !g.allowed(p.key(), v)) {
                    offences.add(
                            p.where() + " uses " + v.written() + ": " + p.text().strip());
                }
            }
        }
        assertThat(offences)
                .as("terms docs/glossary.md rejects (use its display term, or list a verbatim quote)")
                .isEmpty();
    }

    @Test
    void glossaryRejectsTheVariantsTheIssueFound() throws IOException {
        Glossary g = Glossary.read(GLOSSARY);
        for (String bad :
                List.of("公共云", "获取与迁移", "网站开发者", "软件合作伙伴", "第3级", "第{0,number,#}级", "等保三级", "3 级", "等保 3", "介质清除")) {
            assertThat(g.rejected()).as(bad).anyMatch(v -> v.foundIn(bad));
        }
        for (String good : List.of(
                "公有云",
                "选择服务商与部署",
                "网站开发商",
                "软件提供者",
                "第三级",
                "等保 2.0",
                "等保 2.0 第三级",
                "上级",
                "下级",
                "{0,choice,1#第一级|3#第三级}",
                "{0} 个测评项",
                "20MB")) {
            assertThat(g.rejected()).as(good).noneMatch(v -> v.foundIn(good));
        }
    }

    @Test
    void everyAllowedQuotationIsStillNeeded() throws IOException {
        Glossary g = Glossary.read(GLOSSARY);
        Map<String, String> texts = new LinkedHashMap<>();
        for (Place p : places()) {
            texts.merge(p.key(), p.text(), (a, b) -> a + "\n" + b);
        }
        g.allowedQuotes().forEach((key, variants) -> {
            assertThat(texts).as("allowed quotation %s exists", key).containsKey(key);
            for (String v : variants) {
                assertThat(g.rejected().stream()
                                .filter(r -> r.written().equals(v))
                                .findFirst())
                        .as("%s is a do-not-use variant", v)
                        .isPresent()
                        .get()
                        .matches(r -> r.foundIn(texts.get(key)), "found in " + key);
            }
        });
    }

    private static List<Place> places() throws IOException {
        List<Place> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                Properties props = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    props.load(r);
                }
                for (String k : new TreeSet<>(props.stringPropertyNames())) {
                    out.add(new Place(f.getFileName() + " " + k, k, props.getProperty(k)));
                }
            }
        }
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String rel = TEMPLATES.relativize(f).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    out.add(new Place("templates/" + rel + ":" + (i + 1), "templates/" + rel, lines.get(i)));
                }
            }
        }
        return out;
    }

    /** The two machine-read tables of the glossary. */
    record Glossary(List<Variant> rejected, Map<String, Set<String>> allowedQuotes) {

        private static final Pattern CELL_SPLIT = Pattern.compile("(?<!\\\\)\\|");

        static Glossary read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Variant> rejected = new ArrayList<>();
            for (List<String> row : table(lines, "## Do not use")) {
                rejected.add(Variant.of(row.get(0)));
            }
            Map<String, Set<String>> allowed = new LinkedHashMap<>();
            for (List<String> row : table(lines, "## Verbatim quotations allowed")) {
                allowed.computeIfAbsent(unquote(row.get(0)), k -> new TreeSet<>())
                        .add(unquote(row.get(1)));
            }
            assertThat(rejected).as("do-not-use rows in " + file).hasSizeGreaterThan(10);
            return new Glossary(List.copyOf(rejected), allowed);
        }

        boolean allowed(String key, Variant v) {
            return allowedQuotes.getOrDefault(key, Set.of()).contains(v.written());
        }

        /** The data rows of the first table after the heading, cells unescaped ({@code \|} → {@code |}). */
        private static List<List<String>> table(List<String> lines, String heading) {
            int start = lines.indexOf(heading);
            assertThat(start).as("heading %s in the glossary", heading).isNotNegative();
            List<List<String>> rows = new ArrayList<>();
            boolean inTable = false;
            for (int i = start + 1; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith("## ")) {
                    break;
                }
                if (!l.startsWith("|")) {
                    if (inTable) {
                        break;
                    }
                    continue;
                }
                boolean header = !inTable;
                inTable = true;
                if (header || l.matches("\\|[\\s|:-]+\\|")) {
                    continue;
                }
                String inner = l.substring(1, l.length() - 1);
                List<String> cells = new ArrayList<>();
                for (String c : CELL_SPLIT.split(inner, -1)) {
                    cells.add(c.replace("\\|", "|").strip());
                }
                rows.add(cells);
            }
            return rows;
        }

        private static String unquote(String cell) {
            Matcher m = Pattern.compile("^`(.*)`$").matcher(cell.strip());
            return m.matches() ? m.group(1) : cell.strip();
        }
    }
}
