package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Verification on Spark is its own Maven module ({@code spark/}, docs/spark.md): the application's class path — what
 * {@code target/yunjian.jar} packs — holds no Spark class, and the application's sources name none.
 */
class SparkStaysOutTest {

    @Test
    void applicationClassPathHasNoSpark() {
        assertThatThrownBy(() -> Class.forName("org.apache.spark.SparkContext"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.yunjian.spark.SparkVerify"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void applicationSourcesDoNotImportSpark() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> {
                                try {
                                    return Files.readString(p).contains("import org.apache.spark.");
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                            .toList())
                    .isEmpty();
        }
    }
}
