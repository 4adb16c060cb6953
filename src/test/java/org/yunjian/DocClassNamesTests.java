package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.util.ClassUtils;

/**
 * Every Java class a document under {@code docs/} names exists: a backticked {@code UpperCamelCase} identifier, a
 * {@code Foo.bar} or {@code Foo#bar} reference (and then {@code bar} occurs in {@code Foo}'s source), an
 * {@code org.yunjian....} package or class, a link to a {@code src/} file and a backticked path of the repository
 * ({@code src/main/…}, {@code docs/…}); and every link from a doc to another file or to a heading leads somewhere. A name resolves to a type declared in
 * {@code src/main/java} or {@code src/test/java}, to one of the few library classes in {@link #LIBRARY}, or to a name
 * the main code spells as a string (a Word style such as {@code YunjianTable}, an algorithm); a name written as a
 * fragment ({@code …Tail}, {@code *Suffix}) is not checked.
 *
 * <p>{@code docs/performance.md} is a log: each of its sections records a run as it happened, with the classes of the
 * day, so it is read as history and not checked. {@code docs/standards/} holds the standards' own text.
 */
@org.yunjian.support.RunsBesideTheSuite
class DocClassNamesTests {

    static final Path DOCS = Path.of("docs");
    /** The application's sources, and the Spark job's (docs/spark.md), which lives beside the application build. */
    static final List<Path> SOURCES = List.of(
            Path.of("src/main/java"),
            Path.of("src/test/java"),
            Path.of("spark/src/main/java"),
            Path.of("spark/src/test/java"));

    /**
     * Library and JDK classes the docs name, each with its full name so that {@link #theLibraryClassesExist} can load
     * it: short on purpose, every entry is a deliberate mention of a class Yunjian uses.
     */
    static final Map<String, String> LIBRARY = Map.ofEntries(
            Map.entry("ApiResponse", "io.swagger.v3.oas.annotations.responses.ApiResponse"),
            Map.entry("ApplicationModuleTest", "org.springframework.modulith.test.ApplicationModuleTest"),
            Map.entry(
                    "AutoConfigureMockMvc", "org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc"),
            Map.entry("DirtiesContext", "org.springframework.test.annotation.DirtiesContext"),
            Map.entry("DynamicPropertySource", "org.springframework.test.context.DynamicPropertySource"),
            Map.entry("EnableScenarios", "org.springframework.modulith.test.EnableScenarios"),
            Map.entry("MockMvcBuilders", "org.springframework.test.web.servlet.setup.MockMvcBuilders"),
            Map.entry("MockitoBean", "org.springframework.test.context.bean.override.mockito.MockitoBean"),
            Map.entry("SpringBootTest", "org.springframework.boot.test.context.SpringBootTest"),
            Map.entry("ApplicationEventPublisher", "org.springframework.context.ApplicationEventPublisher"),
            Map.entry("AwsV4HttpSigner", "software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner"),
            Map.entry("BindAuthenticator", "org.springframework.security.ldap.authentication.BindAuthenticator"),
            Map.entry("EventListener", "org.springframework.context.event.EventListener"),
            Map.entry("ExceptionHandler", "org.springframework.web.bind.annotation.ExceptionHandler"),
            Map.entry("FormContentFilter", "org.springframework.web.filter.FormContentFilter"),
            Map.entry("HandlerExceptionResolver", "org.springframework.web.servlet.HandlerExceptionResolver"),
            Map.entry("Http11InputBuffer", "org.apache.coyote.http11.Http11InputBuffer"),
            Map.entry("HttpStatus", "org.springframework.http.HttpStatus"),
            Map.entry("IllegalArgumentException", "java.lang.IllegalArgumentException"),
            Map.entry("InetSocketAddress", "java.net.InetSocketAddress"),
            Map.entry("InputStream", "java.io.InputStream"),
            Map.entry("JdbcClient", "org.springframework.jdbc.core.simple.JdbcClient"),
            Map.entry("Math", "java.lang.Math"),
            Map.entry("MessageDigest", "java.security.MessageDigest"),
            Map.entry("MessageFormat", "java.text.MessageFormat"),
            Map.entry("MultipartFile", "org.springframework.web.multipart.MultipartFile"),
            Map.entry("PathPatternParser", "org.springframework.web.util.pattern.PathPatternParser"),
            Map.entry(
                    "PathPatternRequestMatcher",
                    "org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher"),
            Map.entry("PreAuthorize", "org.springframework.security.access.prepost.PreAuthorize"),
            Map.entry(
                    "RequestMappingHandlerMapping",
                    "org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping"),
            Map.entry("RequestRejectedHandler", "org.springframework.security.web.firewall.RequestRejectedHandler"),
            Map.entry("ResourceBundle", "java.util.ResourceBundle"),
            Map.entry("ResponseStatus", "org.springframework.web.bind.annotation.ResponseStatus"),
            Map.entry("S3Client", "software.amazon.awssdk.services.s3.S3Client"),
            Map.entry("S3Exception", "software.amazon.awssdk.services.s3.model.S3Exception"),
            Map.entry("SmartInitializingSingleton", "org.springframework.beans.factory.SmartInitializingSingleton"),
            Map.entry("SpringApplication", "org.springframework.boot.SpringApplication"),
            Map.entry(
                    "TransactionSynchronization", "org.springframework.transaction.support.TransactionSynchronization"),
            Map.entry("ZipSecureFile", "org.apache.poi.openxml4j.util.ZipSecureFile"));

    /**
     * Backticked words in UpperCamelCase that are not Java: names of S3 operations and error codes (the exit's object
     * store), and PDF dictionary keys (the PDF/UA checks).
     */
    static final Set<String> NOT_JAVA = Set.of(
            "ListMultipartUploads",
            "ListObjectVersions",
            "ListObjects",
            "NoSuchKey",
            "SignatureDoesNotMatch",
            "DisplayDocTitle",
            "MarkInfo");

    /** What follows a class name as a file's ending, not a member ({@code ModularityTests.java}). */
    private static final Set<String> FILE_ENDINGS = Set.of(
            "java", "class", "html", "md", "properties", "pdf", "docx", "xlsx", "json", "xml", "csv", "sql", "txt");

    /** Documents read as history (see the class comment). */
    static final Set<String> HISTORY = Set.of("performance.md");

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    /**
     * An UpperCamelCase identifier with two humps at least ({@code "GOV"} or {@code "Model"} alone are not taken for
     * classes), or one hump with a member ({@code Msg.of}).
     */
    private static final Pattern CAMEL =
            Pattern.compile("(?<![\\w.$/*…-])([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)*)(?:[.#]([A-Za-z_]\\w*))?(?![\\w-])");

    private static final Pattern ONE_HUMP_OR_MORE = Pattern.compile("[A-Z][a-z0-9]+[A-Z].*");
    private static final Pattern QUALIFIED = Pattern.compile("org\\.yunjian((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");
    private static final Pattern SOURCE_LINK = Pattern.compile("\\((?:\\.\\./)*(src/[^)\\s#]+)[^)]*\\)");
    /** A path of this repository in a code span; one with a wildcard or a placeholder is a pattern, not checked. */
    private static final Pattern REPOSITORY_PATH =
            Pattern.compile("^(?:src/main|src/test|spark|docs|bench|bin|tools)/[^\\s*{<…$]+$");

    private static final Pattern DOC_LINK = Pattern.compile("\\]\\(([^)\\s#]*)(?:#([^)\\s]+))?\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#+\\s+(.*)$");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z0-9]+)\"");
    private static final Pattern DECLARATION =
            Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z]\\w*)");

    @Test
    @DisplayName("every class, member, package and source file a doc names exists")
    void everyNameInTheDocsResolves() {
        assertThat(offences(DOCS, Sources.read(SOURCES), Path.of(".")))
                .as("names in docs/ that no class in src/main or src/test declares (rename them, or remove them)")
                .isEmpty();
    }

    @Test
    @DisplayName("the library classes the docs may name are on the class path")
    void theLibraryClassesExist() {
        LIBRARY.forEach((name, className) -> {
            assertThat(className).endsWith("." + name);
            assertThat(ClassUtils.isPresent(className, getClass().getClassLoader()))
                    .as(className)
                    .isTrue();
        });
    }

    @Test
    @DisplayName("a doc naming a class that is gone fails the check")
    void aDocNamingAGoneClassFails() throws IOException {
        Path root = org.yunjian.support.Scratch.directory("doc-names");
        Path docs = Files.createDirectories(root.resolve("docs"));
        Path code = Files.createDirectories(root.resolve("src/main/java/org/yunjian/shop"));
        Files.writeString(
                code.resolve("Orders.java"), "package org.yunjian.shop;\nclass Orders { void markPaid() {} }\n");
        Files.writeString(
                docs.resolve("shop.md"),
                "# Shop\n`Orders.markPaid` and `org.yunjian.shop.Orders`, `JdbcClient` and [code](src/main/java/org/yunjian"
                        + "/shop/Orders.java) are fine;\n`OrderRepository`, `Orders.cancel`, `org.yunjian.till.Till` and"
                        + " [gone](src/main/java/org/yunjian/shop/Gone.java), `docs/gone.md`, [till](till.md) and [the shop's"
                        + " till](#till) are not.\n");
        Files.writeString(docs.resolve("performance.md"), "`LongGoneClass` is history.\n");
        List<String> found = offences(docs, Sources.read(List.of(root.resolve("src/main/java"))), root);
        assertThat(found)
                .hasSize(7)
                .anyMatch(o -> o.contains("docs/gone.md"))
                .anyMatch(o -> o.contains("till.md (no such file)"))
                .anyMatch(o -> o.contains("#till (no such heading)"))
                .anyMatch(o -> o.contains("OrderRepository"))
                .anyMatch(o -> o.contains("Orders.cancel"))
                .anyMatch(o -> o.contains("org.yunjian.till.Till"))
                .anyMatch(o -> o.contains("Gone.java"));
    }

    /** The declared types of the source roots: simple name to the files declaring it, and the package folders. */
    record Sources(Map<String, List<Path>> types, Set<String> packages, Set<String> literals, List<Path> roots) {

        static Sources read(List<Path> roots) {
            Map<String, List<Path>> types = new HashMap<>();
            Set<String> packages = new TreeSet<>();
            Set<String> literals = new TreeSet<>();
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.toList()) {
                        if (Files.isDirectory(f)) {
                            packages.add(root.relativize(f).toString().replace('/', '.'));
                        } else if (f.toString().endsWith(".java")) {
                            String source = Files.readString(f);
                            Matcher m = DECLARATION.matcher(source);
                            while (m.find()) {
                                types.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                                        .add(f);
                            }
                            if (root.endsWith(Path.of("main/java"))) {
                                Matcher l = LITERAL.matcher(source);
                                while (l.find()) {
                                    literals.add(l.group(1));
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Sources(types, packages, literals, roots);
        }

        boolean declares(String type) {
            return types.containsKey(type)
                    || LIBRARY.containsKey(type)
                    || NOT_JAVA.contains(type)
                    || literals.contains(type);
        }

        /** Whether {@code member} occurs in a source declaring {@code type} (library types are taken on trust). */
        boolean hasMember(String type, String member) {
            if (!types.containsKey(type)) {
                return true;
            }
            Pattern word = Pattern.compile("\\b" + Pattern.quote(member)); // a prefix: "aTestName…"
            return types.get(type).stream().anyMatch(f -> {
                try {
                    return word.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /** {@code org.yunjian.a.b} is a package, or {@code org.yunjian.a.B(.C)} a type in package a. */
        boolean resolvesQualified(String name) {
            String[] parts = name.split("\\.");
            StringBuilder pkg = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (Character.isUpperCase(part.charAt(0))) {
                    String pkgPath = pkg.toString().replace('.', '/');
                    boolean file = roots.stream()
                            .anyMatch(r -> Files.exists(r.resolve(pkgPath).resolve(part + ".java")));
                    return file
                            && (i + 1 == parts.length
                                    || declares(parts[parts.length - 1])
                                    || hasMember(part, parts[parts.length - 1]));
                }
                if (pkg.length() > 0) {
                    pkg.append('.');
                }
                pkg.append(part);
            }
            return packages.contains(pkg.toString());
        }
    }

    static List<String> offences(Path docs, Sources sources, Path repository) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(docs)) {
            for (Path doc :
                    files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                if (HISTORY.contains(doc.getFileName().toString()) || doc.startsWith(docs.resolve("standards"))) {
                    continue;
                }
                String text = Files.readString(doc);
                for (String problem : problems(text, sources, repository)) {
                    out.add(doc + ": " + problem);
                }
                for (String problem : brokenLinks(doc, text)) {
                    out.add(doc + ": " + problem);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Set<String> problems(String text, Sources sources, Path repository) {
        Set<String> out = new TreeSet<>();
        Matcher q = QUALIFIED.matcher(text);
        while (q.find()) {
            String name = "org.yunjian" + q.group(1);
            if (!sources.resolvesQualified(name)) {
                out.add(name);
            }
        }
        Matcher span = CODE_SPAN.matcher(text);
        while (span.find()) {
            if (REPOSITORY_PATH.matcher(span.group(1)).matches()
                    && !Files.exists(repository.resolve(span.group(1).replaceAll("[/.,:]+$", "")))) {
                out.add(span.group(1));
            }
            String code = span.group(1).replaceAll("org\\.yunjian(?:\\.[A-Za-z_][A-Za-z0-9_]*)+", " ");
            Matcher c = CAMEL.matcher(code);
            while (c.find()) {
                String type = c.group(1);
                String member = c.group(2);
                if (member == null && !ONE_HUMP_OR_MORE.matcher(type).matches()) {
                    continue;
                }
                if (!sources.declares(type)) {
                    out.add(type);
                } else if (member != null && !FILE_ENDINGS.contains(member) && !sources.hasMember(type, member)) {
                    out.add(type + "." + member);
                }
            }
        }
        Matcher link = SOURCE_LINK.matcher(text);
        while (link.find()) {
            if (!Files.exists(repository.resolve(link.group(1)))) {
                out.add(link.group(1));
            }
        }
        return out;
    }

    /**
     * The links of a doc (outside code spans) to another file of the repository, or to a heading of a doc, that lead
     * nowhere; a heading's anchor is GitHub's: lower case, punctuation dropped, spaces as hyphens.
     */
    static List<String> brokenLinks(Path doc, String text) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher link = DOC_LINK.matcher(CODE_SPAN.matcher(text).replaceAll(" "));
        while (link.find()) {
            String target = link.group(1);
            String anchor = link.group(2);
            if (target.matches("^[a-z]+:.*") || target.contains("src/")) {
                continue; // a web address, or a source file (checked above)
            }
            Path file = target.isEmpty() ? doc : doc.getParent().resolve(target).normalize();
            if (!Files.exists(file)) {
                out.add("link to " + target + " (no such file)");
            } else if (anchor != null
                    && file.toString().endsWith(".md")
                    && !anchors(Files.readString(file)).contains(anchor)) {
                out.add("link to " + target + "#" + anchor + " (no such heading)");
            }
        }
        return out;
    }

    static Set<String> anchors(String markdown) {
        Set<String> out = new TreeSet<>();
        Matcher h = HEADING.matcher(markdown);
        while (h.find()) {
            out.add(h.group(1)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\- _]", "")
                    .replace(' ', '-'));
        }
        return out;
    }
}
