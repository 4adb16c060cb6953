package org.yunjian.exit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.extension.ExtendWith(org.yunjian.exit.InEnglish.class)
class ManifestPathsTest {

    /** The definition of the canonical order: UTF-8 bytes, '/' below every other byte. */
    private static int byUtf8Bytes(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int p = x[i] == '/' ? 0 : x[i] & 0xff;
            int q = y[i] == '/' ? 0 : y[i] & 0xff;
            if (p != q) {
                return p - q;
            }
        }
        return x.length - y.length;
    }

    private static final char[] ALPHABET = {
        'a', 'b', 'z', '/', '.', '-', ' ', '~', 0x7f, 0xe9, 0x7ff, 0x800, 0x654f, 0xfffd, 0xffff, 0xd83d, 0xde00,
        0xdbff, 0xdfff, 0xd800, 0xdc00
    };

    private static String random(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    @Test
    void comparesExactlyAsTheUtf8BytesWouldWithoutEncoding() {
        Random r = new Random(20261121);
        for (int k = 0; k < 300_000; k++) {
            String a = random(r);
            String b = r.nextInt(4) == 0 ? a + random(r) : random(r);
            assertThat(Integer.signum(ManifestPaths.compare(a, b)))
                    .as("'%s' vs '%s'", a, b)
                    .isEqualTo(Integer.signum(byUtf8Bytes(a, b)));
        }
    }

    @Test
    void orderPutsADirectoryBeforeSiblingsThatContinueItsNameAndSortsBeyondTheBasicPlane() {
        assertThat(ManifestPaths.compare("a/b", "a-b")).isNegative();
        assertThat(ManifestPaths.compare("a/b", "a")).isPositive();
        assertThat(ManifestPaths.compare("\uffff", "\ud83d\ude00"))
                .isNegative(); // U+FFFF < U+1F600, unlike UTF-16 order
        assertThat(ManifestPaths.compare("数据", "数据")).isZero();
    }

    @Test
    void checkNamesEveryKindOfBadPath() {
        assertThat(ManifestPaths.check("a/.b/c..d/...")).isEqualTo("a/.b/c..d/...");
        assertThatThrownBy(() -> ManifestPaths.check("a/../b")).hasMessageContaining("climbs out");
        assertThatThrownBy(() -> ManifestPaths.check("..")).hasMessageContaining("climbs out");
        assertThatThrownBy(() -> ManifestPaths.check("a/./b")).hasMessageContaining("not normalised");
        assertThatThrownBy(() -> ManifestPaths.check("a//b")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> ManifestPaths.check("a/")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> ManifestPaths.check("/etc/passwd")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> ManifestPaths.check("C:x")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> ManifestPaths.check("a\\b")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> ManifestPaths.check("a\u0000b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> ManifestPaths.check("")).hasMessageContaining("empty path");
    }
}
