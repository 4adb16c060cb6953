package org.yunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.crypto.Sm3;
import org.yunjian.evidence.EvidenceVault.Sealed;
import org.yunjian.obligations.OverdueCount;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.support.TestDatabases;

/**
 * The evidence module started with only the modules it uses (not the workbench, lifecycle or the pages' layout): a
 * file sealed through {@link EvidenceVault} is stored encrypted, opens to its exact content, and is refused once its
 * stored blob is altered; an empty upload or a program is refused before anything is stored.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@org.springframework.context.annotation.Import(org.yunjian.assessment.AssessmentNeighbours.class)
// H2 only: a module test starts its module and those it uses, not audit, whose start grants the application role
// its privileges on PostgreSQL (the full-context tests of these modules run in the PostgreSQL pass)
@org.yunjian.support.JourneyBesideTheSuite
class EvidenceModuleTests {

    /**
     * The neighbour this test does not start: obligations' overdue count, which the shared web module's start page asks
     * for (the work queue and the risk module, which the services report to, come from {@code AssessmentNeighbours}).
     */
    @TestConfiguration
    static class Neighbours {
        @Bean
        OverdueCount overdueCount() {
            return () -> 0;
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.fresh("evidence-module", registry);
    }

    @Autowired
    EvidenceVault vault;

    @Autowired
    EvidenceStore store;

    @Test
    void aSealedFileIsStoredEncryptedOpensToItsContentAndIsRefusedOnceAltered() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        Sealed sealed = vault.seal("file", "../扫描件.pdf", pdf);

        assertThat(sealed.contentType()).isEqualTo("application/pdf");
        assertThat(sealed.size()).isEqualTo(pdf.length);
        assertThat(sealed.sm3()).isEqualTo(Sm3.digest(pdf).hex());
        assertThat(sealed.displayName()).doesNotContain("/").endsWith(".pdf");
        assertThat(EvidenceStore.isGeneratedName(sealed.blob())).isTrue();
        byte[] stored = store.get(sealed.blob());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(vault.open(sealed)).isEqualTo(pdf);

        stored[stored.length / 2] ^= 0x01;
        store.delete(sealed.blob());
        store.put(sealed.blob(), stored);
        assertThatThrownBy(() -> vault.open(sealed)).isInstanceOf(EvidenceVault.Unreadable.class);
    }

    @Test
    void anEmptyUploadOrAProgramIsRefusedNamingTheField() {
        assertThatThrownBy(() -> vault.seal("file", "empty.pdf", new byte[0]))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.errors()).containsKey("file"));
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        assertThatThrownBy(() -> vault.seal("upload", "setup.pdf", program))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.errors()).containsKey("upload"));
    }
}
