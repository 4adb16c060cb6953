package org.yunjian.exit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

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
}
