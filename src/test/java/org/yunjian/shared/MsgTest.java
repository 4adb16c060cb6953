package org.yunjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MsgTest {

    @Test
    void rendersInTheAskedLanguageAndFallsBackToTheKeyWhenMissing() {
        assertThat(Msg.of("error.not-found").text(Locale.ENGLISH)).startsWith("What you are looking for");
        assertThat(Msg.of("error.not-found").text(Locale.SIMPLIFIED_CHINESE)).startsWith("您要找的内容");
        assertThat(Msg.of("no.such.key").text(Locale.ENGLISH)).isEqualTo("no.such.key");
    }

    @Test
    void encodesAndDecodesNestedMessagesForStoredColumns() {
        Msg m = Msg.of("text.verbatim", Msg.of("error.not-found"));
        String stored = m.encode();
        assertThat(Msg.isEncoded(stored)).isTrue();
        assertThat(Msg.decode(stored)).isEqualTo(Msg.of("text.verbatim", Msg.of("error.not-found")));
        assertThat(Msg.decode(stored).text(Locale.ENGLISH)).startsWith("What you are looking for");
    }

    @Test
    void aPlainStoredTextReadsAsItIsEvenWithFormatCharacters() {
        assertThat(Msg.decode("it's {0} 'quoted'").text(Locale.ENGLISH)).isEqualTo("it's {0} 'quoted'");
        assertThat(Msg.decode(null).text(Locale.ENGLISH)).isEmpty();
    }

    @Test
    void formatsTimesInBeijingToTheMinuteAndSizesInUnits() {
        assertThat(Formats.minute(java.time.Instant.parse("2026-11-22T07:53:23.147409Z")))
                .isEqualTo("2026-11-22 15:53");
        assertThat(Formats.size(812)).isEqualTo("812 B");
        assertThat(Formats.size(1536)).isEqualTo("1.5 KB");
        assertThat(Formats.size(20L * 1024 * 1024)).isEqualTo("20.0 MB");
    }
}
