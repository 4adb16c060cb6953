package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.shared.keys.KeyDirectory;

/**
 * Production keeps a second copy of the anchors where the key directory's writers cannot cut it: the {@code postgres}
 * profile refuses to start without an anchor export, or with one inside the key or the data directory (issue 33: a
 * key-directory writer cut the log, the anchors and the export together and verification said OK).
 */
class AnchorExportLocationTest {

    @TempDir
    Path tmp;

    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void productionRefusesNoExportOrOneBesideTheKeysOrTheData() throws Exception {
        Path keys = Files.createDirectories(tmp.resolve("keys"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        assertThatThrownBy(() -> AnchorExport.requireSecondLocation(null, keys, data, true))
                .isInstanceOf(KeyDirectory.KeyDirectoryException.class)
                .hasMessageContaining("YUNJIAN_AUDIT_ANCHOR_EXPORT")
                .hasMessageContaining("refuses to start");
        assertThatThrownBy(
                        () -> AnchorExport.requireSecondLocation(keys.resolve("audit-anchors.jsonl"), keys, data, true))
                .isInstanceOf(KeyDirectory.KeyDirectoryException.class)
                .hasMessageContaining(keys.resolve("audit-anchors.jsonl").toString());
        assertThatThrownBy(() -> AnchorExport.requireSecondLocation(data.resolve("a/anchors.jsonl"), keys, data, true))
                .isInstanceOf(KeyDirectory.KeyDirectoryException.class);
        // a symbolic link from elsewhere into the key directory is inside it
        Path link = Files.createSymbolicLink(tmp.resolve("witness-mount"), keys);
        assertThatThrownBy(() -> AnchorExport.requireSecondLocation(link.resolve("anchors.jsonl"), keys, data, true))
                .isInstanceOf(KeyDirectory.KeyDirectoryException.class);
        assertThatCode(() -> AnchorExport.requireSecondLocation(tmp.resolve("mnt/anchors.jsonl"), keys, data, true))
                .doesNotThrowAnyException();
    }

    @Test
    void developmentAndDemoOnlyWarn() throws Exception {
        Path keys = Files.createDirectories(tmp.resolve("keys"));
        assertThatCode(() -> AnchorExport.requireSecondLocation(
                        keys.resolve("audit-anchors.jsonl"), keys, tmp.resolve("data"), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> AnchorExport.requireSecondLocation(null, keys, tmp.resolve("data"), false))
                .doesNotThrowAnyException();
    }
}
