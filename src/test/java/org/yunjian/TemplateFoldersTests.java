package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A feature owns its pages: the templates a module renders live in {@code templates/<its module>/}. Two places name
 * a template: a string in main code that is a template's path ({@code "lifecycle/plan"}, or with a fragment,
 * {@code "lifecycle/plan :: row"}; the module is the package below {@code org.yunjian} of the class), and a fragment
 * expression in a template ({@code ~{lifecycle/plan :: row}}; the module is the folder of the including template).
 * The page frame is shared: {@code web/} (layout, pager, error page) and Spring's {@code error/}. A template may also
 * include a fragment of a module its module declares in {@code allowedDependencies} (the fragment is part of what that
 * module offers, as the people picker of {@code party}); a controller renders only its own module's templates. Today's
 * exceptions
 * are listed in {@link KnownViolations#FILE} under {@code template}, as {@code <module> <folder>/<name>}.
 */
class TemplateFoldersTests {

    static final String RULE = "template";

    static final Path JAVA = Path.of("src/main/java");

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    static final Set<String> SHARED = Set.of("web", "error");

    static final Pattern NAME = Pattern.compile("([a-z][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*)(\\s*::.*)?");

    static final Pattern FRAGMENT = Pattern.compile("~\\{\\s*([a-z][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*)");

    @Test
    @DisplayName(
            "a module renders and includes only templates of its own folder (or the shared page frame), but for the listed ones, and the list only shrinks")
    void templatesLiveInTheirModulesFolder() throws IOException {
        Predicate<String> exists = name -> Files.isRegularFile(TEMPLATES.resolve(name + ".html"));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String module =
                        KnownViolations.moduleOf(JAVA.relativize(p).toString().replace('\\', '/'));
                if (module != null) {
                    found.addAll(inJava(module, KnownViolations.read(p), exists));
                }
            });
        }
        int templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            var all = files.filter(p -> p.toString().endsWith(".html")).toList();
            templates = all.size();
            for (Path p : all) {
                Path relative = TEMPLATES.relativize(p);
                if (relative.getNameCount() == 2) {
                    String module = relative.getName(0).toString();
                    found.addAll(inTemplate(module, KnownViolations.read(p), exists, mayUse(module)));
                }
            }
        }
        assertThat(templates).as("the scan sees the templates").isGreaterThan(100);
        assertThat(KnownViolations.compare(RULE, found, KnownViolations.of(RULE)))
                .as("templates outside their module's folder")
                .isEmpty();
    }

    @Test
    @DisplayName(
            "the scan finds a controller rendering another module's template and a template including another's fragment")
    void theScanFindsAForeignFolder() {
        Set<String> templates = Set.of("billing/invoice", "billing/invoice-rows", "customers/card", "web/layout");
        String controller = """
                class InvoicePages {
                    String show() { return "customers/card"; }
                    String rows() { return "billing/invoice-rows :: rows"; }
                    String list() { return "billing/invoice"; }
                    String frame() { return "web/layout"; }
                    String url() { return "customers/nowhere"; }
                    // "customers/card" in a comment renders nothing
                }
                """;
        assertThat(inJava("billing", controller, templates::contains)).containsExactly("billing customers/card");
        assertThat(inJava("customers", controller, templates::contains))
                .containsExactly("customers billing/invoice", "customers billing/invoice-rows");

        String page = """
                <html th:replace="~{web/layout :: page(~{::main})}">
                <main><div th:replace="~{customers/card :: card}"></div>
                <div th:replace="~{ billing/invoice-rows :: rows}"></div></main></html>
                """;
        assertThat(inTemplate("billing", page, templates::contains, Set.of()))
                .containsExactly("billing customers/card");
        assertThat(inTemplate("billing", page, templates::contains, Set.of("customers")))
                .isEmpty();
        assertThat(allowedDependencies("""
                @org.springframework.modulith.ApplicationModule(
                        displayName = "Billing",
                        allowedDependencies = {"customers", "party :: people", "shared"})
                package fixtures.billing;
                """)).containsExactly("customers", "party", "shared");
        assertThat(allowedDependencies("@ApplicationModule(allowedDependencies = \"shared\") package x;"))
                .containsExactly("shared");
        assertThat(KnownViolations.compare(RULE, Set.of("billing customers/card"), Set.of()))
                .containsExactly("new violation: template billing customers/card");
    }

    /** {@code <module> <template>} for each template of another module's folder that a Java source names. */
    static Set<String> inJava(String module, String source, Predicate<String> exists) {
        Set<String> out = new TreeSet<>();
        for (SqlInRepositoriesTests.Literal l : SqlInRepositoriesTests.literals(source)) {
            Matcher m = NAME.matcher(l.text().trim());
            if (m.matches() && exists.test(m.group(1))) {
                foreign(module, m.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** {@code <module> <template>} for each template of another module's folder that a template includes. */
    static Set<String> inTemplate(String module, String html, Predicate<String> exists, Set<String> mayUse) {
        Set<String> out = new TreeSet<>();
        Matcher m = FRAGMENT.matcher(html);
        while (m.find()) {
            if (exists.test(m.group(1))
                    && !mayUse.contains(m.group(1).substring(0, m.group(1).indexOf('/')))) {
                foreign(module, m.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The modules {@code module} declares it may use (none when it has no package-info). */
    static Set<String> mayUse(String module) {
        Path info = JAVA.resolve("org/yunjian/" + module + "/package-info.java");
        return Files.isRegularFile(info) ? allowedDependencies(KnownViolations.read(info)) : Set.of();
    }

    static Set<String> allowedDependencies(String packageInfo) {
        Matcher m = ALLOWED.matcher(packageInfo);
        Set<String> out = new TreeSet<>();
        if (m.find()) {
            Matcher name =
                    Pattern.compile("\"\\s*([a-z][a-z0-9]*)").matcher(m.group(1) != null ? m.group(1) : m.group(2));
            while (name.find()) {
                out.add(name.group(1));
            }
        }
        return out;
    }

    static final Pattern ALLOWED = Pattern.compile("allowedDependencies\\s*=\\s*(?:\\{([^}]*)\\}|(\"[^\"]*\"))");

    private static java.util.Optional<String> foreign(String module, String template) {
        String folder = template.substring(0, template.indexOf('/'));
        return folder.equals(module) || SHARED.contains(folder)
                ? java.util.Optional.empty()
                : java.util.Optional.of(module + " " + template);
    }
}
