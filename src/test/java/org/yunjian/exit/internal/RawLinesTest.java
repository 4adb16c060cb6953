package org.yunjian.exit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.extension.ExtendWith(org.yunjian.exit.InEnglish.class)
class RawLinesTest {

    @Test
    void splitsLinesAcrossBufferBoundariesAndKeepsTheRawBytes() throws Exception {
        String longLine = "x".repeat(200_000);
        byte[] data = ("a\n" + longLine + "\n\nlast").getBytes(StandardCharsets.UTF_8);
        try (RawLines r = new RawLines(new ByteArrayInputStream(data))) {
            assertThat(r.next()).isTrue();
            assertThat(r.text()).isEqualTo("a");
            assertThat(r.bytes()).containsExactly('a', '\n');
            assertThat(r.next()).isTrue();
            assertThat(r.text()).isEqualTo(longLine);
            assertThat(r.terminated()).isTrue();
            assertThat(r.next()).isTrue();
            assertThat(r.text()).isEmpty();
            assertThat(r.next()).isTrue();
            assertThat(r.text()).isEqualTo("last");
            assertThat(r.terminated()).isFalse();
            assertThat(r.number()).isEqualTo(4);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void rejectsInvalidUtf8AndOverlongLines() throws Exception {
        try (RawLines r = new RawLines(new ByteArrayInputStream(new byte[] {(byte) 0xc3, '\n'}))) {
            assertThat(r.next()).isTrue();
            assertThatThrownBy(r::text).isInstanceOf(java.nio.charset.CharacterCodingException.class);
        }
        try (RawLines r = new RawLines(new ByteArrayInputStream(new byte[(1 << 20) + 10]))) {
            assertThatThrownBy(r::next).hasMessageContaining("longer than");
        }
    }

    @Test
    void acceptsExactlyWhatTheJdksStrictDecoderAccepts() {
        java.util.Random r = new java.util.Random(32905);
        int[] interesting = {
            0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0,
            0x8f, 0x90
        };
        for (int k = 0; k < 200_000; k++) {
            byte[] b = new byte[r.nextInt(6)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : r.nextInt(256));
            }
            boolean jdk;
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(b));
                jdk = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                jdk = false;
            }
            assertThat(RawLines.malformedAt(b, b.length) < 0)
                    .as(java.util.HexFormat.of().formatHex(b))
                    .isEqualTo(jdk);
        }
        assertThat(RawLines.malformedAt("敏感 😀".getBytes(StandardCharsets.UTF_8), 11))
                .isEqualTo(-1);
    }
}
