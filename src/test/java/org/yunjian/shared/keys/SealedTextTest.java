package org.yunjian.shared.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.crypto.DecryptionFailedException;

/** A text sealed under a key file of the key directory, bound to its row and purpose. */
class SealedTextTest {

    @TempDir
    Path dir;

    SealedText notes(boolean nothingSealed) {
        return new SealedText(
                new KeyDirectory(dir, () -> false, false, false),
                "notes.key",
                "yunjian.test-note",
                () -> nothingSealed);
    }

    @Test
    void sealsWithoutTheClearTextAndOpensForTheSameRowOnly() {
        UUID row = UUID.randomUUID();
        String sealed = notes(true).seal(row, "采购预算 MARKER");
        assertThat(sealed).startsWith(SealedText.PREFIX).doesNotContain("MARKER");
        assertThat(new String(
                        Base64.getDecoder().decode(sealed.substring(SealedText.PREFIX.length())),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("MARKER");
        assertThat(notes(false).open(row, sealed)).isEqualTo("采购预算 MARKER");
        assertThat(notes(false).seal(row, "采购预算 MARKER"))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);

        assertThatThrownBy(() -> notes(false).open(UUID.randomUUID(), sealed))
                .isInstanceOf(DecryptionFailedException.class);
        assertThat(notes(false).openIfIntact(UUID.randomUUID(), sealed)).isEmpty();
        SealedText otherPurpose = new SealedText(new KeyDirectory(dir), "notes.key", "yunjian.other", () -> false);
        assertThat(otherPurpose.openIfIntact(row, sealed))
                .as("another purpose under the same key")
                .isEmpty();
    }

    @Test
    void anAlteredOrUnsealedValueReadsAsEmptyNeverAsAnError() {
        UUID row = UUID.randomUUID();
        byte[] raw = Base64.getDecoder().decode(notes(true).seal(row, "备注").substring(SealedText.PREFIX.length()));
        raw[raw.length / 2] ^= 1;
        String altered = SealedText.PREFIX + Base64.getEncoder().encodeToString(raw);
        assertThat(notes(false).openIfIntact(row, altered)).isEmpty();
        assertThat(notes(false).openIfIntact(row, "明文备注")).isEmpty();
        assertThat(notes(false).openIfIntact(row, SealedText.PREFIX + "!!")).isEmpty();
        assertThat(notes(false).openIfIntact(row, null)).isEmpty();
    }

    @Test
    void aMissingKeyIsCreatedOnlyWhileNothingIsSealedAndOtherwiseNamed() throws Exception {
        UUID row = UUID.randomUUID();
        String sealed = notes(true).seal(row, "备注");
        Files.delete(dir.resolve("notes.key"));
        assertThat(notes(false).openIfIntact(row, sealed)).as("fails closed").isEmpty();
        assertThatThrownBy(() -> notes(false).seal(row, "新备注"))
                .isInstanceOf(KeyDirectory.MissingKeyException.class)
                .hasMessageContaining("notes.key");
        assertThat(Files.exists(dir.resolve("notes.key"))).isFalse();

        Files.writeString(dir.resolve("notes.key"), "0011\n");
        assertThatThrownBy(() -> notes(false).seal(row, "新备注"))
                .isInstanceOf(KeyDirectory.KeyDirectoryException.class)
                .hasMessageContaining("notes.key");
    }
}
