package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One {@code docs/modules/<module>.md} per application module (a package directly under {@code org.yunjian} whose
 * {@code package-info.java} declares an {@code @ApplicationModule}, the set {@link ModularityTests} verifies), and no
 * doc for a module that does not exist. Each doc opens with a title naming its package and has an "At a glance" table
 * with one row for each of {@link #ROWS}: the next developer and the operator find the module's purpose, data, doors,
 * events, words and tests in the same place in every doc. The rows that name things are checked against the code: a
 * table in "Data" is created by a migration, a bundle in "Words" is a file of {@code messages/}, and every bundle of
 * {@code messages/} is named in the "Words" row of exactly one module doc (the module that owns those words), every
 * table the migrations leave in the "Data" row of exactly one (the module that owns and writes it).
 */
@org.yunjian.support.RunsBesideTheSuite
class ModuleDocsTests {

    static final Path MODULE_DOCS = Path.of("docs/modules");
    static final Path CODE = Path.of("src/main/java/org/yunjian");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path MESSAGES = Path.of("src/main/resources/messages");

    /**
     * The rows of the "At a glance" table: whom the module serves and for what (in the glossary's terms), the tables it
     * writes, its pages, its REST paths, its command-line group, the events it publishes or listens to, its message
     * bundles, and where its tests are. A row may say "none" — a module without pages says so.
     */
    static final List<String> ROWS = List.of("For", "Data", "Pages", "REST", "CLI", "Events", "Words", "Tests");

    static final String GLANCE = "## At a glance";

    private static final Pattern MODULE_DECLARATION =
            Pattern.compile("@org\\.springframework\\.modulith\\.ApplicationModule\\b|@ApplicationModule\\b");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([^|]+?)\\s*\\|(.*)\\|\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_TABLE =
            Pattern.compile("drop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_TABLE = Pattern.compile(
            "alter\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern BUNDLE_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    @Test
    @DisplayName("every application module has docs/modules/<module>.md with the rows every module doc has")
    void everyModuleHasItsDoc() {
        assertThat(problems(modules(CODE), MODULE_DOCS, tables(MIGRATIONS), bundles(MESSAGES)))
                .as("module docs (one per module, named after it, with an \"At a glance\" table of %s)", ROWS)
                .isEmpty();
    }

    @Test
    @DisplayName(
            "a missing doc, a doc of no module, a missing row, a table that does not exist, and a table or bundle nobody owns fail")
    void aBrokenSetOfDocsFails() throws IOException {
        Path root = org.yunjian.support.Scratch.directory("module-docs");
        Path code = root.resolve("code");
        for (String module : List.of("orders", "billing")) {
            Path pkg = Files.createDirectories(code.resolve(module));
            Files.writeString(
                    pkg.resolve("package-info.java"),
                    "@org.springframework.modulith.ApplicationModule(displayName = \"" + module + "\")\npackage "
                            + "org.yunjian." + module + ";\n");
        }
        Files.createDirectories(code.resolve("notamodule"));
        Path docs = Files.createDirectories(root.resolve("docs"));
        StringBuilder orders =
                new StringBuilder("# Orders (`org.yunjian.orders`)\n\n" + GLANCE + "\n\n| | |\n|---|---|\n");
        for (String row : ROWS) {
            if (!row.equals("Events")) {
                orders.append("| ").append(row).append(" | ");
                orders.append(
                        row.equals("Data") ? "`orders`, `order_lines`" : row.equals("Words") ? "`orders`" : "none");
                orders.append(" |\n");
            }
        }
        Files.writeString(docs.resolve("orders.md"), orders);
        Files.writeString(docs.resolve("shipping.md"), "# Shipping (`org.yunjian.shipping`)\n");
        List<String> found = problems(modules(code), docs, Set.of("orders", "invoices"), Set.of("orders", "billing"));
        assertThat(found)
                .hasSize(6)
                .anyMatch(p -> p.contains("table invoices") && p.contains("0 module docs"))
                .anyMatch(p -> p.contains("bundle billing") && p.contains("0 module docs"))
                .anyMatch(p -> p.contains("billing") && p.contains("no doc"))
                .anyMatch(p -> p.contains("shipping.md") && p.contains("no module"))
                .anyMatch(p -> p.contains("orders.md") && p.contains("Events"))
                .anyMatch(p -> p.contains("order_lines"));
    }

    /** The application modules: the folders under {@code code} whose package-info declares one. */
    static Set<String> modules(Path code) {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> folders = Files.list(code)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Path info = folder.resolve("package-info.java");
                if (Files.exists(info)
                        && MODULE_DECLARATION.matcher(Files.readString(info)).find()) {
                    out.add(folder.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The tables the migrations create (or rename to) and do not drop (or rename away). */
    static Set<String> tables(Path migrations) {
        Set<String> out = new TreeSet<>();
        Set<String> dropped = new TreeSet<>();
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(f);
                Matcher m = CREATE_TABLE.matcher(sql);
                while (m.find()) {
                    out.add(m.group(1).toLowerCase(Locale.ROOT));
                }
                Matcher d = DROP_TABLE.matcher(sql);
                while (d.find()) {
                    dropped.add(d.group(1).toLowerCase(Locale.ROOT));
                }
                Matcher r = RENAME_TABLE.matcher(sql); // a renamed table is the new name's, the old one is gone
                while (r.find()) {
                    dropped.add(r.group(1).toLowerCase(Locale.ROOT));
                    out.add(r.group(2).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.removeAll(dropped);
        return out;
    }

    /** The bundle base names of {@code messages/} ({@code lifecycle-calendar} for {@code lifecycle-calendar_en}). */
    static Set<String> bundles(Path messages) {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(messages)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties"))
                    .map(n -> n.replaceFirst("(_[a-zA-Z]{2}(_[A-Z]{2})?)?\\.properties$", ""))
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> problems(Set<String> modules, Path docs, Set<String> tables, Set<String> bundles) {
        List<String> out = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        try (Stream<Path> files = Files.list(docs)) {
            for (Path doc : files.sorted().toList()) {
                String name = doc.getFileName().toString();
                String module = name.replaceFirst("\\.md$", "");
                if (!name.endsWith(".md") || !modules.contains(module)) {
                    out.add(doc + ": names no module (docs/modules/ holds one <module>.md per application module)");
                    continue;
                }
                documented.add(module);
                out.addAll(problemsOf(doc, module, Files.readString(doc), tables, bundles));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String module : modules) {
            if (!documented.contains(module)) {
                out.add(module + ": no doc " + docs.resolve(module + ".md"));
            }
        }
        out.addAll(owners("table", "Data", TABLE_NAME, tables, documented, docs));
        out.addAll(owners("bundle", "Words", BUNDLE_NAME, bundles, documented, docs));
        return out;
    }

    static List<String> problemsOf(Path doc, String module, String text, Set<String> tables, Set<String> bundles) {
        List<String> out = new ArrayList<>();
        String title = text.lines().filter(l -> l.startsWith("# ")).findFirst().orElse("");
        if (!title.contains("`org.yunjian." + module + "`")) {
            out.add(doc + ": the title names `org.yunjian." + module + "`");
        }
        Map<String, String> rows = glance(text);
        for (String row : ROWS) {
            String value = rows.get(row);
            if (value == null || value.isBlank()) {
                out.add(doc + ": the \"At a glance\" table has no row " + row);
            }
        }
        for (String table : named(rows.get("Data"), TABLE_NAME)) {
            if (!tables.contains(table)) {
                out.add(doc + ": table " + table + " is created by no migration");
            }
        }
        for (String bundle : named(rows.get("Words"), BUNDLE_NAME)) {
            if (!bundles.contains(bundle)) {
                out.add(doc + ": bundle " + bundle + " is no file of messages/");
            }
        }
        return out;
    }

    /** The rows of the table under "## At a glance", first cell to second, up to the next heading. */
    static Map<String, String> glance(String text) {
        Map<String, String> rows = new LinkedHashMap<>();
        int start = text.indexOf("\n" + GLANCE + "\n");
        if (start < 0) {
            return rows;
        }
        for (String line : text.substring(start + GLANCE.length() + 2).lines().toList()) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.putIfAbsent(m.group(1).replace("*", "").strip(), m.group(2).strip());
            }
        }
        return rows;
    }

    /** The backticked names in a cell that have the shape of a table or bundle name. */
    static List<String> named(String cell, Pattern shape) {
        List<String> out = new ArrayList<>();
        if (cell == null) {
            return out;
        }
        Matcher m = CODE_SPAN.matcher(cell);
        while (m.find()) {
            if (shape.matcher(m.group(1)).matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Each of {@code things} named in the {@code row} of exactly one module doc, its owner's. */
    static List<String> owners(
            String kind, String row, Pattern shape, Set<String> things, Set<String> documented, Path docs) {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        for (String module : documented) {
            try {
                for (String name : named(
                        glance(Files.readString(docs.resolve(module + ".md"))).get(row), shape)) {
                    claims.computeIfAbsent(name, b -> new ArrayList<>()).add(module);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> out = new ArrayList<>();
        for (String thing : things) {
            List<String> owners = claims.getOrDefault(thing, List.of());
            if (owners.size() != 1) {
                out.add(kind + " " + thing + " is named in the " + row + " row of " + owners.size()
                        + " module docs (one owns it): " + owners);
            }
        }
        return out;
    }
}
