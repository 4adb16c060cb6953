package org.yunjian.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.yunjian.crypto.Sm3;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.support.Scratch;
import org.yunjian.vault.Vault.Sealed;

/**
 * The vault's beans started on their own (it uses only the shared kernel and the cryptography, no feature, so there is
 * nothing to stub and no database to start): a file sealed through {@link Vault} is stored encrypted, opens to its exact
 * content, and is refused once its stored blob is altered; an empty upload or a program is refused before anything is
 * stored.
 */
@SpringJUnitConfig(VaultModuleTests.VaultOnly.class)
class VaultModuleTests {

    /** The vault's own configuration and the key directory the application gives it. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan("org.yunjian.vault.internal")
    static class VaultOnly {
        @Bean
        KeyDirectory keyDirectory(VaultProperties properties) {
            return new KeyDirectory(properties.keyDir());
        }
    }

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        java.nio.file.Path root = Scratch.directory("vault-module");
        registry.add(
                "yunjian.assessment.evidence-dir", () -> root.resolve("blobs").toString());
        registry.add("yunjian.assessment.key-dir", () -> root.resolve("keys").toString());
    }

    @Autowired
    Vault vault;

    @Autowired
    BlobStore store;

    @Test
    void aSealedFileIsStoredEncryptedOpensToItsContentAndIsRefusedOnceAltered() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        Sealed sealed = vault.seal("file", "../扫描件.pdf", pdf);

        assertThat(sealed.contentType()).isEqualTo("application/pdf");
        assertThat(sealed.size()).isEqualTo(pdf.length);
        assertThat(sealed.sm3()).isEqualTo(Sm3.digest(pdf).hex());
        assertThat(sealed.displayName()).doesNotContain("/").endsWith(".pdf");
        assertThat(BlobStore.isGeneratedName(sealed.blob())).isTrue();
        byte[] stored = store.get(sealed.blob());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(vault.open(sealed)).isEqualTo(pdf);

        stored[stored.length / 2] ^= 0x01;
        store.delete(sealed.blob());
        store.put(sealed.blob(), stored);
        assertThatThrownBy(() -> vault.open(sealed)).isInstanceOf(Vault.Unreadable.class);
    }

    @Test
    void anEmptyUploadOrAProgramIsRefusedNamingTheField() {
        assertThatThrownBy(() -> vault.seal("file", "empty.pdf", new byte[0]))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get("file")).isIn("文件为空。", "The file is empty."));
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        assertThatThrownBy(() -> vault.seal("upload", "setup.pdf", program))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get("upload")).containsAnyOf("可执行程序", "an executable program"));
    }
}
