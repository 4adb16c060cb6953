package org.yunjian.obligations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 5545 3.1 folding by octets: at most 75 a line, continuations after CRLF and a space, characters kept whole. */
class OctetFoldingTest {

    @Test
    void foldsAt75OctetsWithoutSplittingACharacter() {
        String chinese = "DESCRIPTION:" + "每两年至少开展各典型类别安全事件的应急演练一次".repeat(3) + "😀x";
        String folded = OctetFolding.fold("BEGIN:VEVENT\r\n" + chinese + "\r\nEND:VEVENT\r\n");
        String[] lines = folded.split("\r\n");
        for (String l : lines) {
            assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        // 12 ASCII octets then 3-octet characters: 21 of them fill 75, the next line starts with a space
        assertThat(lines[1].getBytes(StandardCharsets.UTF_8)).hasSize(75);
        assertThat(lines[2]).startsWith(" ");
        assertThat(folded.replace("\r\n ", "")).isEqualTo("BEGIN:VEVENT\r\n" + chinese + "\r\nEND:VEVENT\r\n");
        // a short line and ASCII are left as they are
        assertThat(OctetFolding.fold("A:b\r\n")).isEqualTo("A:b\r\n");
        String ascii = "X:" + "a".repeat(100);
        assertThat(OctetFolding.fold(ascii)).isEqualTo(ascii.substring(0, 75) + "\r\n " + ascii.substring(75));
    }
}
