package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Chinese message has an English twin and vice versa, none is left empty, and none with arguments loses its text
 * to a lone apostrophe.
 */
class MessageBundlesTests {

    static Stream<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void chineseAndEnglishBundlesHaveTheSameKeys(String bundle) throws IOException {
        Properties zh = load("messages/" + bundle + ".properties");
        Properties en = load("messages/" + bundle + "_en.properties");
        assertThat(en.stringPropertyNames())
                .as("keys of %s_en vs %s", bundle, bundle)
                .containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
        zh.forEach((k, v) -> assertThat(v.toString()).as("zh %s", k).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("en %s", k).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyBundleIsFoundByTheMessageSource(String bundle) {
        assertThat(org.yunjian.shared.Texts.source()
                        .getMessage("text.verbatim", new Object[] {"x"}, java.util.Locale.ENGLISH))
                .isEqualTo("x");
        assertThat(TextsBasenames.get()).contains("messages/" + bundle);
    }

    /**
     * A message with arguments goes through {@link java.text.MessageFormat}, where a lone apostrophe opens a quoted
     * section: "the provider's {0}" printed "the providers {0}" with the placeholder left unfilled. Such messages write
     * ’ (or '').
     */
    @ParameterizedTest
    @MethodSource("bundles")
    void noMessageWithArgumentsHasALoneApostrophe(String bundle) throws IOException {
        for (String resource : new String[] {bundle + ".properties", bundle + "_en.properties"}) {
            Properties p = load("messages/" + resource);
            p.forEach((k, v) -> {
                String text = v.toString();
                if (ARGUMENT.matcher(text).find()) {
                    assertThat(LONE_APOSTROPHE.matcher(text).find())
                            .as("%s %s: %s", resource, k, text)
                            .isFalse();
                }
            });
        }
    }

    static final java.util.regex.Pattern ARGUMENT = java.util.regex.Pattern.compile("\\{\\d");
    static final java.util.regex.Pattern LONE_APOSTROPHE = java.util.regex.Pattern.compile("(?<!')'(?!')");

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
