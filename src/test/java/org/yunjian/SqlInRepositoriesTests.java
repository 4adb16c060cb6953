package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One way to write SQL: every statement of main code is a Java text block in a class named {@code *Repository} (it
 * reads and writes its tables) or {@code *Queries} (a read model over several modules' tables), with values bound as
 * parameters; optional filters, IN lists and ORDER BY clauses are composed from text-block fragments, not glued
 * together with {@code +}.
 *
 * <p>A string literal is SQL when it holds an upper-case SQL keyword (the house writes SQL keywords in capitals and
 * prose in sentences). Two findings: SQL in a class that is neither a repository nor a read model, and SQL joined
 * with {@code +}. The files that still do either are listed in {@link #NOT_YET} with their counts, which may only
 * shrink: a new file with SQL outside a repository, or one more concatenation anywhere, fails; so does a listed
 * count that is higher than the file's (lower it once a file is done).
 */
class SqlInRepositoriesTests {

    private static final List<Path> MAIN_SOURCES = List.of(Path.of("src/main/java"), Path.of("spark/src/main/java"));

    /**
     * File (below the source folder) → the counts of SQL literals still "outside a repository", "joined by +" and
     * "in a plain string, not a text block".
     */
    static final Map<String, int[]> NOT_YET = Map.ofEntries(
            Map.entry("org/yunjian/assessment/ScoringPolicies.java", new int[] {1, 0, 0}),
            Map.entry("org/yunjian/audit/internal/AppRolePrivileges.java", new int[] {8, 8, 8}),
            Map.entry("org/yunjian/backup/internal/DatabaseSnapshot.java", new int[] {1, 1, 1}),
            Map.entry("org/yunjian/party/internal/PrivateNotesSealing.java", new int[] {2, 0, 0}),
            Map.entry("org/yunjian/risk/RiskEntry.java", new int[] {1, 0, 0}),
            Map.entry("org/yunjian/storage/EmbeddedH2.java", new int[] {2, 2, 2}),
            Map.entry("org/yunjian/workbench/internal/Dashboards.java", new int[] {4, 0, 0}));

    static final Pattern SQL = Pattern.compile(
            "^\\s*(SELECT|INSERT INTO|UPDATE \\w+|DELETE FROM|MERGE INTO|WITH \\w+|CREATE|ALTER|DROP|GRANT|REVOKE"
                    + "|TRUNCATE|BACKUP TO|RUNSCRIPT|SCRIPT|SET|CALL)\\b"
                    + "|\\b(SELECT|FROM|WHERE|ORDER BY|GROUP BY|JOIN|VALUES|UNION|HAVING|LIMIT|OFFSET|ON CONFLICT|EXISTS"
                    + "|COALESCE|DISTINCT|INSERT INTO|DELETE FROM|IS NULL|IS NOT NULL|NOT NULL|AND|OR|SET|IN|AS|ASC"
                    + "|DESC|CASE WHEN|LOWER|COUNT)\\b");

    /** A single capitalised word ("AND", "IN") is a word, not SQL. */
    static final Pattern ONE_WORD = Pattern.compile("[A-Z]+");

    record Literal(String text, boolean textBlock, boolean joinedByPlus) {}

    record Finding(String file, int outside, int joined, int plain) {}

    @Test
    @DisplayName(
            "SQL lives in text blocks in *Repository and *Queries classes, never joined with +, and the list of files still to do only shrinks")
    void sqlLivesInTextBlocksInRepositories() throws IOException {
        Map<String, Finding> found = new TreeMap<>();
        for (Path root : MAIN_SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    Finding f = inspect(root.relativize(p).toString().replace('\\', '/'), read(p));
                    if (f.outside() + f.joined() + f.plain() > 0) {
                        found.put(f.file(), f);
                    }
                });
            }
        }
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        found.values().forEach(f -> {
            int[] allowed = NOT_YET.getOrDefault(f.file(), new int[] {0, 0, 0});
            if (f.outside() > allowed[0] || f.joined() > allowed[1] || f.plain() > allowed[2]) {
                worse.add(f.file() + ": " + f.outside() + " SQL literals outside a *Repository/*Queries class (allowed "
                        + allowed[0] + "), " + f.joined() + " joined with + (allowed " + allowed[1] + "), " + f.plain()
                        + " in a plain string, not a text block (allowed " + allowed[2] + ")");
            }
        });
        NOT_YET.forEach((file, allowed) -> {
            Finding f = found.getOrDefault(file, new Finding(file, 0, 0, 0));
            if (f.outside() < allowed[0] || f.joined() < allowed[1] || f.plain() < allowed[2]) {
                better.add(file + ": now " + f.outside() + " outside, " + f.joined() + " joined, " + f.plain()
                        + " plain; lower its entry");
            }
        });
        assertThat(worse).as("SQL outside repositories or built with +").isEmpty();
        assertThat(better).as("entries of NOT_YET to lower or remove").isEmpty();
    }

    @Test
    @DisplayName(
            "the scan finds SQL in a service, SQL built with + and SQL in a plain string, and accepts a text block in a repository")
    void theScanFindsTheOldWays() {
        String concatenated = """
                class Things {
                    // SELECT in a comment is no SQL
                    String q(String order) {
                        String sql = "SELECT id FROM thing " + "WHERE owner = ? ";
                        sql += "ORDER BY " + order;
                        return sql;
                    }
                    String message = "Pick a thing from the list";
                    java.util.Set<String> filler = java.util.Set.of("AND", "IN", "THE");
                    char c = '"';
                }
                """;
        assertThat(inspect("a/ThingService.java", concatenated)).isEqualTo(new Finding("a/ThingService.java", 3, 3, 3));
        assertThat(inspect("a/ThingRepository.java", concatenated))
                .isEqualTo(new Finding("a/ThingRepository.java", 0, 3, 3));
        assertThat(inspect("a/ThingRepository.java", "class ThingRepository { String q = \"DELETE FROM thing\"; }"))
                .isEqualTo(new Finding("a/ThingRepository.java", 0, 0, 1));

        String textBlock = "class ThingRepository {\n    static final String BY_OWNER = \"\"\"\n"
                + "            SELECT id FROM thing\n            WHERE owner = ?\"\"\";\n}\n";
        assertThat(inspect("a/ThingRepository.java", textBlock))
                .isEqualTo(new Finding("a/ThingRepository.java", 0, 0, 0));
        assertThat(inspect("a/ThingQueries.java", textBlock)).isEqualTo(new Finding("a/ThingQueries.java", 0, 0, 0));
        assertThat(inspect("a/Things.java", textBlock)).isEqualTo(new Finding("a/Things.java", 1, 0, 0));
    }

    static Finding inspect(String file, String source) {
        String name = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
        boolean repository = name.endsWith("Repository") || name.endsWith("Queries");
        int outside = 0;
        int joined = 0;
        int plain = 0;
        for (Literal l : literals(source)) {
            if (ONE_WORD.matcher(l.text()).matches() || !SQL.matcher(l.text()).find()) {
                continue;
            }
            if (!repository) {
                outside++;
            }
            if (l.joinedByPlus()) {
                joined++;
            }
            if (!l.textBlock()) {
                plain++;
            }
        }
        return new Finding(file, outside, joined, plain);
    }

    /** The string literals and text blocks of a Java source, outside comments, with whether a + touches them. */
    static List<Literal> literals(String s) {
        List<Literal> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                int j = s.indexOf('\n', i);
                i = j < 0 ? n : j;
            } else if (s.startsWith("/*", i)) {
                int j = s.indexOf("*/", i + 2);
                i = j < 0 ? n : j + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (!s.startsWith("\"\"\"", j)) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(literal(s, i, j + 3, s.substring(i + 3, j), true));
                i = j + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(literal(s, i, j + 1, s.substring(i + 1, j), false));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static Literal literal(String s, int start, int end, String text, boolean textBlock) {
        int b = start - 1;
        while (b >= 0 && Character.isWhitespace(s.charAt(b))) {
            b--;
        }
        int a = end;
        while (a < s.length() && Character.isWhitespace(s.charAt(a))) {
            a++;
        }
        boolean plus = (b >= 0 && s.charAt(b) == '+')
                || (b >= 1 && s.charAt(b) == '=' && s.charAt(b - 1) == '+')
                || (a < s.length() && s.charAt(a) == '+');
        return new Literal(text, textBlock, plus);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
