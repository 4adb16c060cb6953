package org.yunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The display name an evidence upload is kept under: the last path segment, without controls or quotes. */
class EvidenceNamesTest {

    @Test
    void sanitisesDisplayNames() {
        assertThat(EvidenceService.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceService.sanitise("C:\\Users\\a\\截图.png")).isEqualTo("截图.png");
        assertThat(EvidenceService.sanitise("report\u202Efdp.exe")).isEqualTo("reportfdp.exe");
        assertThat(EvidenceService.sanitise("a\"b\r\n.pdf")).isEqualTo("ab.pdf");
        assertThat(EvidenceService.sanitise("...")).isEqualTo("evidence");
        assertThat(EvidenceService.sanitise(null)).isEqualTo("evidence");
    }
}
