package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A feature owns its words. Two rules:
 *
 * <ul>
 *   <li><b>named after the module</b>: every bundle is {@code messages/<module>.properties} or
 *       {@code messages/<module>-<part>.properties} (with its {@code _en} twin), {@code <module>} being a package below
 *       {@code org.yunjian};
 *   <li><b>a module reads its own bundles and the shared ones</b>: a key a module names (a string in its main code
 *       that is a bundle key, or a {@code #{key}} in a template of its folder {@code templates/<module>/}) is defined
 *       in a bundle of that module or of the shared floor ({@code shared}, and {@code web} for the page frame;
 *       {@code templates/error/} counts as {@code web}). A key built at run time ({@code "enum." + name}) is not
 *       seen.
 * </ul>
 *
 * Today's exceptions are listed in {@link KnownViolations#FILE}: {@code bundle-name <bundle>} and
 * {@code bundle-read <module> <bundle>} (the first bundle in name order that holds the key, as {@code Texts} reads
 * them).
 */
class BundleNamesTests {

    static final Path JAVA = Path.of("src/main/java/org/yunjian");

    static final Path MESSAGES = Path.of("src/main/resources/messages");

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    static final Set<String> SHARED = Set.of("shared", "web");

    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)");

    @Test
    @DisplayName("every bundle is named after a module, but for the listed ones, and the list only shrinks")
    void bundlesAreNamedAfterAModule() throws IOException {
        Set<String> found = misnamed(bundles().keySet(), modules());
        assertThat(KnownViolations.compare("bundle-name", found, KnownViolations.of("bundle-name")))
                .as("bundles not named after a module")
                .isEmpty();
    }

    @Test
    @DisplayName(
            "a module reads only its own bundles and the shared ones, but for the listed ones, and the list only shrinks")
    void aModuleReadsItsOwnBundles() throws IOException {
        Map<String, Set<String>> bundleKeys = bundles();
        Map<String, List<String>> keyBundles = keyBundles(bundleKeys);
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                Path relative = JAVA.relativize(p);
                if (relative.getNameCount() > 1) {
                    found.addAll(foreignReads(
                            relative.getName(0).toString(), javaKeys(KnownViolations.read(p)), keyBundles));
                }
            });
        }
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            files.filter(p -> p.toString().endsWith(".html")).forEach(p -> {
                String folder = TEMPLATES.relativize(p).getName(0).toString();
                found.addAll(foreignReads(
                        folder.equals("error") ? "web" : folder, templateKeys(KnownViolations.read(p)), keyBundles));
            });
        }
        assertThat(keyBundles).as("the scan sees the bundles").containsKey("text.verbatim");
        assertThat(KnownViolations.compare("bundle-read", found, KnownViolations.of("bundle-read")))
                .as("modules reading another module's bundle")
                .isEmpty();
    }

    @Test
    @DisplayName("the scans find a bundle named after no module and a module reading another module's bundle")
    void theScansFindForeignWords() {
        assertThat(misnamed(Set.of("billing", "billing-invoice", "work-billing", "paging"), Set.of("billing")))
                .containsExactly("paging", "work-billing");

        Map<String, List<String>> keyBundles = keyBundles(Map.of(
                "billing", Set.of("billing.title", "billing.total"),
                "customers", Set.of("customers.name", "billing.total"),
                "shared", Set.of("shared.save")));
        String source = """
                class InvoicePages {
                    String title = "billing.title";
                    String who = "customers.name";
                    String save = "shared.save";
                    String total = "billing.total";
                    // "customers.name" in a comment reads nothing
                    String prose = "customers name";
                }
                """;
        Set<String> keys = javaKeys(source);
        assertThat(foreignReads("billing", keys, keyBundles)).containsExactly("billing customers");
        assertThat(foreignReads("customers", keys, keyBundles)).containsExactly("customers billing");
        assertThat(foreignReads("billing", templateKeys("<h1 th:text=\"#{customers.name(${n})}\">x</h1>"), keyBundles))
                .containsExactly("billing customers");
        assertThat(KnownViolations.compare("bundle-read", Set.of(), Set.of("billing customers")))
                .singleElement()
                .asString()
                .startsWith("fixed");
    }

    static Set<String> misnamed(Set<String> bundles, Set<String> modules) {
        Set<String> out = new TreeSet<>();
        bundles.stream()
                .filter(b -> !modules.contains(b.contains("-") ? b.substring(0, b.indexOf('-')) : b))
                .forEach(out::add);
        return out;
    }

    /** {@code <module> <bundle>} for each key the module names that only another module's bundles hold. */
    static Set<String> foreignReads(String module, Set<String> keys, Map<String, List<String>> keyBundles) {
        Set<String> out = new TreeSet<>();
        for (String key : keys) {
            List<String> holders = keyBundles.get(key);
            if (holders != null
                    && holders.stream()
                            .map(BundleNamesTests::moduleOf)
                            .noneMatch(m -> m.equals(module) || SHARED.contains(m))) {
                out.add(module + " " + holders.get(0));
            }
        }
        return out;
    }

    static Set<String> javaKeys(String source) {
        Set<String> out = new TreeSet<>();
        SqlInRepositoriesTests.literals(source).forEach(l -> out.add(l.text()));
        return out;
    }

    static Set<String> templateKeys(String html) {
        Set<String> out = new TreeSet<>();
        Matcher m = TEMPLATE_KEY.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String moduleOf(String bundle) {
        return bundle.contains("-") ? bundle.substring(0, bundle.indexOf('-')) : bundle;
    }

    /** Key → the bundles holding it, in name order (the order {@code Texts} reads them in). */
    static Map<String, List<String>> keyBundles(Map<String, Set<String>> bundleKeys) {
        Map<String, List<String>> out = new TreeMap<>();
        new TreeMap<>(bundleKeys)
                .forEach((bundle, keys) -> keys.forEach(k ->
                        out.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(bundle)));
        return out;
    }

    /** Bundle basename (the Chinese file, which holds every key) → its keys. */
    static Map<String, Set<String>> bundles() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .forEach(n -> {
                        Properties p = new Properties();
                        try {
                            p.load(new StringReader(KnownViolations.read(MESSAGES.resolve(n))));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        out.put(n.substring(0, n.length() - ".properties".length()), p.stringPropertyNames());
                    });
        }
        return out;
    }

    static Set<String> modules() throws IOException {
        try (Stream<Path> dirs = Files.list(JAVA)) {
            return dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
