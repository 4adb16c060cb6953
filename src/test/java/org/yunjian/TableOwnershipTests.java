package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A feature owns its data: every table is written (INSERT, UPDATE, DELETE, MERGE, TRUNCATE) by the SQL of one module
 * only; another module that needs a change asks the owner's API. The writing module is the package below
 * {@code org.yunjian} of the class holding the statement; a table named in a {@code new VersionedRow("table", …)} is
 * written by the module naming it (the generic versioned-row repository writes on its behalf). Demo seeders count: the
 * demo rows of a feature are written by the feature. Tables written by several modules today are listed, one line per
 * writer, in {@link KnownViolations#FILE} under {@code table-writer}.
 */
class TableOwnershipTests {

    static final String RULE = "table-writer";

    static final List<Path> MAIN_SOURCES = List.of(Path.of("src/main/java"), Path.of("spark/src/main/java"));

    static final Pattern WRITE =
            Pattern.compile("\\b(?:INSERT\\s+INTO|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?)"
                    + "\\s+([a-z_][a-z0-9_]*)\\b|\\bUPDATE\\s+([a-z_][a-z0-9_]*)\\s+SET\\b");

    static final Pattern VERSIONED_ROW = Pattern.compile("new\\s+VersionedRow\\(\\s*\"([a-z_][a-z0-9_]*)\"");

    @Test
    @DisplayName("no table is written by two modules, but for the listed ones, and the list only shrinks")
    void everyTableHasOneWriter() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        for (Path root : MAIN_SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    String file = root.relativize(p).toString().replace('\\', '/');
                    String module = KnownViolations.moduleOf(file);
                    if (module != null) {
                        tablesWritten(KnownViolations.read(p))
                                .forEach(t -> writers.computeIfAbsent(t, k -> new TreeSet<>())
                                        .add(module));
                    }
                });
            }
        }
        assertThat(writers).as("the scan sees the tables of the house").containsKey("lifecycle_plan");
        assertThat(KnownViolations.compare(RULE, sharedWrites(writers), KnownViolations.of(RULE)))
                .as("tables written by two modules")
                .isEmpty();
    }

    @Test
    @DisplayName("the scan finds a table written from two modules, by SQL or a versioned row, and ignores reads")
    void theScanFindsASecondWriter() {
        String billing = """
                class InvoiceRepository {
                    // DELETE FROM ledger in a comment writes nothing
                    static final String ADD = \"""
                            INSERT INTO invoice (id) VALUES (?)\""";
                    static final String PAY = \"""
                            UPDATE invoice
                            SET paid = TRUE WHERE id = ?\""";
                    static final String UPSERT = \"""
                            MERGE INTO invoice_line KEY (id) VALUES (?)\""";
                    static final String READ = \"""
                            SELECT * FROM customer WHERE id = ? ON CONFLICT DO UPDATE SET x = 1\""";
                }
                """;
        String customers = """
                class CustomerRepository {
                    static final VersionedRow ROW = new VersionedRow("customer", "updated_at", "id");
                    void tidy() { jdbc.sql("DELETE FROM invoice WHERE customer_id = ?").update(); }
                }
                """;
        assertThat(tablesWritten(billing)).containsExactlyInAnyOrder("invoice", "invoice_line");
        assertThat(tablesWritten(customers)).containsExactlyInAnyOrder("customer", "invoice");

        Map<String, Set<String>> writers = new TreeMap<>();
        writers.put("invoice", new TreeSet<>(Set.of("billing", "customers")));
        writers.put("customer", new TreeSet<>(Set.of("customers")));
        assertThat(sharedWrites(writers)).containsExactly("billing invoice", "customers invoice");
        assertThat(KnownViolations.compare(RULE, sharedWrites(writers), Set.of()))
                .containsExactly(
                        "new violation: table-writer billing invoice", "new violation: table-writer customers invoice");
        assertThat(KnownViolations.compare(RULE, Set.of(), Set.of("billing invoice")))
                .singleElement()
                .asString()
                .startsWith("fixed, delete its line");
        assertThat(KnownViolations.of(RULE, List.of("table-writer billing  invoice   # why", "# table-writer x y")))
                .containsExactly("billing invoice");
    }

    /** The tables a source file writes. */
    static Set<String> tablesWritten(String source) {
        Set<String> tables = new TreeSet<>();
        for (SqlInRepositoriesTests.Literal l : SqlInRepositoriesTests.literals(source)) {
            Matcher m = WRITE.matcher(l.text());
            while (m.find()) {
                tables.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        Matcher v = VERSIONED_ROW.matcher(source);
        while (v.find()) {
            tables.add(v.group(1));
        }
        return tables;
    }

    /** {@code <module> <table>} for every writer of a table that more than one module writes. */
    static Set<String> sharedWrites(Map<String, Set<String>> writers) {
        Set<String> out = new TreeSet<>();
        writers.forEach((table, modules) -> {
            if (modules.size() > 1) {
                modules.forEach(m -> out.add(m + " " + table));
            }
        });
        return out;
    }
}
