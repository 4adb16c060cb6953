package org.yunjian.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * How many different Spring application contexts each test pass starts, and which classes force each one: every
 * distinct {@link MergedContextConfiguration} (the test context cache's key: configuration classes, properties,
 * profiles, {@code @MockitoBean}s, {@code @Import}s, the web environment, the slice) is one whole application start
 * with Flyway and a Hikari pool. The keys are built the way Spring's test framework builds them, without starting
 * anything (≈ 2 seconds for all classes).
 *
 * <p>The test fails when the H2 pass needs more contexts than {@link #H2_PASS_BUDGET}: a new test should join the
 * {@link CommonContext} or take a cheaper shape (docs/testing.md). It runs when asked, not in {@code ./mvnw verify}
 * (loading and bootstrapping every test class costs ≈ 10 CPU-seconds): {@code -Dyunjian.contextShapes=true}, and
 * {@code -Dyunjian.contextShapes=print} prints every context with the classes that use it (docs/performance.md,
 * "Cheaper test shapes").
 */
@EnabledIfSystemProperty(named = "yunjian.contextShapes", matches = "true|print")
class ContextShapesTests {

    /** Distinct contexts of the H2 pass on the last count (docs/testing.md): lower it when a change saves one. */
    static final int H2_PASS_BUDGET = 67;

    private static final Pattern SUREFIRE_NAMES = Pattern.compile("(Test[^$]*|[^$]*Test|[^$]*Tests|[^$]*TestCase)");

    @Test
    void theH2PassStartsNoMoreContextsThanItsBudget() {
        Shapes h2 = shapes(Pass.H2);
        Shapes postgres = shapes(Pass.POSTGRES);
        if ("print".equals(System.getProperty("yunjian.contextShapes"))) {
            System.out.println(h2.describe("H2 pass"));
            System.out.println(postgres.describe("PostgreSQL pass"));
        }
        assertThat(h2.contexts())
                .as(
                        "distinct Spring contexts the H2 pass starts (join a common one or use a slice: docs/testing.md)%n%s",
                        h2.describe("H2 pass"))
                .hasSizeLessThanOrEqualTo(H2_PASS_BUDGET);
    }

    enum Pass {
        H2,
        POSTGRES
    }

    record Shapes(Map<MergedContextConfiguration, List<Class<?>>> contexts, Set<String> dirtying) {

        String describe(String pass) {
            StringBuilder out = new StringBuilder();
            out.append(pass)
                    .append(": ")
                    .append(contexts.size())
                    .append(" distinct contexts, ")
                    .append(contexts.values().stream().mapToInt(List::size).sum())
                    .append(" classes; closed after their class (@DirtiesContext): ")
                    .append(dirtying)
                    .append('\n');
            contexts.entrySet().stream()
                    .sorted(Comparator.comparing(e -> -e.getValue().size()))
                    .forEach(e -> {
                        MergedContextConfiguration key = e.getKey();
                        out.append("- ")
                                .append(e.getValue().size())
                                .append(" classes: ")
                                .append(e.getValue().stream()
                                        .map(Class::getSimpleName)
                                        .sorted()
                                        .toList())
                                .append("\n    ")
                                .append(key.getClass().getSimpleName())
                                .append(" classes=")
                                .append(simpleNames(key.getClasses()))
                                .append(" properties=")
                                .append(List.of(key.getPropertySourceProperties()))
                                .append(" profiles=")
                                .append(List.of(key.getActiveProfiles()))
                                .append(" customizers=")
                                .append(key.getContextCustomizers().stream()
                                        .map(c -> c.getClass().getSimpleName())
                                        .sorted()
                                        .toList())
                                .append('\n');
                    });
            return out.toString();
        }

        private static List<String> simpleNames(Class<?>[] classes) {
            return Stream.of(classes).map(Class::getSimpleName).toList();
        }
    }

    static Shapes shapes(Pass pass) {
        Map<MergedContextConfiguration, List<Class<?>>> contexts = new LinkedHashMap<>();
        Set<String> dirtying = new TreeSet<>();
        for (Class<?> testClass : testClasses()) {
            Set<String> tags = tags(testClass);
            boolean runs =
                    switch (pass) {
                        case H2 -> !tags.contains("postgres");
                        case POSTGRES ->
                            (tags.contains("database") || tags.contains("postgres")) && !tags.contains(OnePass.TAG);
                    };
            if (!runs) {
                continue;
            }
            MergedContextConfiguration key =
                    BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
            contexts.computeIfAbsent(key, k -> new ArrayList<>()).add(testClass);
            if (MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(DirtiesContext.class)) {
                dirtying.add(testClass.getSimpleName());
            }
        }
        return new Shapes(contexts, dirtying);
    }

    /** The test classes Surefire runs that start a Spring context (the fuzz tests run in a JVM of their own). */
    static List<Class<?>> testClasses() {
        Path root = Path.of("target", "test-classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                String simple = name.substring(name.lastIndexOf('.') + 1);
                if (!SUREFIRE_NAMES.matcher(simple).matches() || simple.contains("Fuzz")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, ContextShapesTests.class.getClassLoader());
                if (!java.lang.reflect.Modifier.isAbstract(type.getModifiers()) && startsSpring(type)) {
                    found.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }

    private static boolean startsSpring(Class<?> type) {
        return MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY).stream(ExtendWith.class)
                .map(MergedAnnotation::synthesize)
                .anyMatch(extend -> List.of(extend.value()).contains(SpringExtension.class));
    }

    private static Set<String> tags(Class<?> type) {
        Set<String> tags = new TreeSet<>();
        MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY).stream(Tag.class)
                .forEach(tag -> tags.add(tag.getString("value")));
        return tags;
    }
}
