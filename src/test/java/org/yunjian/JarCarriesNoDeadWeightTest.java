package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code target/yunjian.jar} packs the runtime class path and nothing it does not use (issue 37): no Netty (only the
 * synchronous S3 client is used, over Apache HttpClient 5), no Hibernate Validator (no bean validation anywhere), no
 * Spring Modulith module model or ArchUnit (only the annotations at run time; ModularityTests has them in test scope).
 * Like {@code exit.SparkStaysOutTest}, the classes must be absent from the class path; and the list of jars the build
 * packs ({@code target/runtime-classpath.txt}, written by maven-dependency-plugin before the tests) names none of them.
 */
class JarCarriesNoDeadWeightTest {

    @Test
    void jarCarriesNoNetty() throws IOException {
        assertThatThrownBy(() -> Class.forName("io.netty.channel.Channel")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(packedJars()).noneMatch(jar -> jar.startsWith("netty-"));
    }

    @Test
    void jarCarriesNoHibernateValidator() throws IOException {
        assertThatThrownBy(() -> Class.forName("org.hibernate.validator.HibernateValidator"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(packedJars()).noneMatch(jar -> jar.startsWith("hibernate-validator-"));
    }

    @Test
    void applicationDeclaresNoBeanValidation() throws IOException {
        // web.ApiDocsConfig skips springdoc's copying of constraints, which needs Hibernate Validator: none to copy
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> {
                                try {
                                    String source = Files.readString(p);
                                    return source.contains("jakarta.validation")
                                            || source.contains("org.hibernate.validator");
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                            .toList())
                    .isEmpty();
        }
    }

    @Test
    void jarCarriesModulithAnnotationsOnlyAndNoArchUnit() throws IOException {
        assertThat(packedJars())
                .anyMatch(jar -> jar.startsWith("spring-modulith-api-"))
                .noneMatch(jar -> jar.startsWith("spring-modulith-core-") || jar.startsWith("archunit-"));
    }

    @Test
    void jarCarriesTheOscalConstraintsButNotWhatMetaschemaListsForItsOwnBuild() throws IOException {
        // issue 60: imports evaluate NIST's Metaschema constraints (liboscal-java over metaschema-databind); the JUnit,
        // source generator and static-analysis annotations metaschema's poms list are not packed
        assertThat(packedJars())
                .anyMatch(jar -> jar.startsWith("liboscal-java-"))
                .anyMatch(jar -> jar.startsWith("metaschema-databind-"))
                .noneMatch(jar -> jar.startsWith("junit-")
                        || jar.startsWith("javapoet-")
                        || jar.startsWith("org.eclipse.jdt.annotation-")
                        || jar.startsWith("everit-json-schema-")
                        || jar.startsWith("json-20"));
    }

    /** File names of the jars on the runtime class path, as the build resolved it for this run. */
    private static List<String> packedJars() throws IOException {
        Path list = Path.of("target/runtime-classpath.txt");
        assertThat(list)
                .as("written by maven-dependency-plugin (build-classpath) in generate-test-resources")
                .exists();
        return Arrays.stream(Files.readString(list).trim().split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName().toString())
                .toList();
    }
}
