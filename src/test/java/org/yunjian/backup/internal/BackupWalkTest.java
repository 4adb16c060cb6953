package org.yunjian.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.support.VanishingFiles;

/**
 * Backups are taken while uploads go on: an upload writes {@code <name>.part} and renames it once complete, so a walk
 * that lists a directory and then reads each entry's attributes can find a listed {@code .part} gone. Before commit
 * 6a5a387 the backup walked with {@code Files.walk}, which threw that {@code NoSuchFileException} out of the whole
 * backup (the full run's BackupRestoreDrillTests got a 500 from it, by chance). Here the rename happens, every time, at
 * the moment the walk reads the listed file's attributes ({@link VanishingFiles}); the backup skips what is gone and the
 * next pass copies the file under its final name.
 */
class BackupWalkTest {

    @TempDir
    Path tmp;

    /** Renames an upload's {@code .part} to its final name when something first reads its attributes. */
    static VanishingFiles uploadsCompleting() {
        return new VanishingFiles(real -> real.getFileName().toString().endsWith(".part")
                ? real.resolveSibling(real.getFileName().toString().replaceFirst("\\.part$", ""))
                : null);
    }

    @Test
    @DisplayName(
            "a temporary upload renamed between the directory's listing and the look at its attributes is skipped, not a failed backup")
    void aFileThatVanishesBetweenListingAndAttributesIsSkipped() throws IOException {
        Path evidence = Files.createDirectories(tmp.resolve("evidence/assessment-1"));
        Files.writeString(evidence.resolve("report.pdf"), "kept");
        Files.writeString(evidence.resolve("upload.bin.part"), "uploaded while the backup ran");
        Files.writeString(
                Files.createDirectories(tmp.resolve("evidence/assessment-2")).resolve("log.txt"), "kept too");
        Path staging = tmp.resolve("backup/evidence");
        VanishingFiles files = uploadsCompleting();

        BackupService.copyNew(files.path(tmp.resolve("evidence")), staging, List.of());

        assertThat(files.vanished())
                .as("the rename happened between the listing and the attributes")
                .containsExactly("upload.bin.part");
        assertThat(staging.resolve("assessment-1/report.pdf")).hasContent("kept");
        assertThat(staging.resolve("assessment-2/log.txt")).hasContent("kept too");
        assertThat(staging.resolve("assessment-1/upload.bin")).doesNotExist();
        assertThat(staging.resolve("assessment-1/upload.bin.part")).doesNotExist();

        // the second pass (after the database snapshot) finds the upload under its final name
        BackupService.copyNew(tmp.resolve("evidence"), staging, List.of());
        assertThat(staging.resolve("assessment-1/upload.bin")).hasContent("uploaded while the backup ran");
    }
}
