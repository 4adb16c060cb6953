package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Jazzer {@code @FuzzTest} has a seed corpus where Jazzer's regression mode reads it
 * ({@code src/test/resources/<package>/<Class>Inputs/<method>/}), with several inputs, so the normal suite
 * runs real cases and not only the empty input. Written by {@code tools/fuzz-seeds.py}.
 */
class SeedCorporaTests {

    private static final Pattern FUZZ_TEST = Pattern.compile("@FuzzTest(\\([^)]*\\))?\\s+void\\s+(\\w+)\\s*\\(");
    private static final int MIN_INPUTS = 5;

    @Test
    void everyFuzzTestHasASeedCorpusOfSeveralInputs() throws IOException {
        Path root = Path.of("src/test/java");
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = FUZZ_TEST.matcher(Files.readString(f));
                String cls = root.relativize(f).toString().replace('\\', '/').replaceAll("\\.java$", "");
                while (m.find()) {
                    Path corpus = Path.of("src/test/resources", cls + "Inputs", m.group(2));
                    long n = Files.isDirectory(corpus) ? count(corpus) : 0;
                    found.add(cls + "." + m.group(2));
                    if (n < MIN_INPUTS) {
                        missing.add(corpus + " has " + n + " inputs");
                    }
                }
            }
        }
        assertThat(found).as("fuzz tests found").hasSizeGreaterThanOrEqualTo(6);
        assertThat(missing)
                .as("seed corpora with fewer than %d inputs", MIN_INPUTS)
                .isEmpty();
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
