package org.yunjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * {@link Texts}' one table per language answers every key as Spring's {@link ResourceBundleMessageSource} over the
 * same bundles did (the application's message source until issue 37's fifteenth session): with and without
 * arguments, in the languages the application speaks and in others a browser may ask for.
 */
class TextsBundlesTest {

    private static final List<Locale> ASKED = List.of(
            Locale.SIMPLIFIED_CHINESE,
            Locale.ENGLISH,
            Locale.US,
            Locale.UK,
            Locale.TRADITIONAL_CHINESE,
            Locale.CHINESE,
            Locale.FRENCH,
            Locale.ROOT);

    @Test
    void everyKeyReadsAsTheBundleSourceReadIt() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames(Texts.basenames());
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        Texts.Bundles table = new Texts.Bundles(Texts.basenames());
        // text arguments, and numbers for the {0,number} and {0,choice} ones (a wrong kind throws alike on both)
        List<Object[]> argumentSets = List.of(new Object[] {"甲", "<b>", "it's", "3"}, new Object[] {12345, 1.5, 0, 2});
        assertThat(table.keys()).hasSizeGreaterThan(3000);
        int compared = 0;
        for (String key : table.keys()) {
            for (Locale locale : ASKED) {
                assertThat(table.getMessage(key, null, locale))
                        .as("%s in %s", key, locale)
                        .isEqualTo(bundles.getMessage(key, null, locale));
                for (Object[] args : argumentSets) {
                    assertThat(outcome(() -> table.getMessage(key, args, locale)))
                            .as("%s with arguments %s in %s", key, List.of(args), locale)
                            .isEqualTo(outcome(() -> bundles.getMessage(key, args, locale)));
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(table.keys().size() * ASKED.size());
        assertThat(table.getMessage("no.such.key", null, null, Locale.ENGLISH)).isNull();
        assertThat(Texts.keys("text.")).contains(Texts.VERBATIM);
    }

    @Test
    void bundlesReadOnDemandAnswerAsAllReadAtOnce() {
        Texts.Bundles all = new Texts.Bundles(Texts.basenames());
        List<String> keys = new java.util.ArrayList<>(all.keys());
        java.util.Collections.shuffle(keys, new java.util.Random(61));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            // a key first from a later bundle, then from an earlier one: each table reads only as far as it must
            Texts.Bundles onDemand = new Texts.Bundles(Texts.basenames());
            for (String key : keys) {
                assertThat(onDemand.getMessage(key, null, locale))
                        .as("%s in %s", key, locale)
                        .isEqualTo(all.getMessage(key, null, locale));
            }
            assertThat(onDemand.getMessage("no.such.key", null, null, locale)).isNull();
        }
    }

    @Test
    void theIndexesNameEveryBundleOnTheClassPathAndNothingElse() {
        assertThat(Texts.basenames())
                .as("messages/bundles.index of src/main/resources (or src/test/resources) names every bundle there")
                .containsExactly(Texts.found())
                .contains("messages/web", "messages/notification-test");
    }

    private static String outcome(java.util.function.Supplier<String> message) {
        try {
            return message.get();
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }
}
