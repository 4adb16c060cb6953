package org.yunjian.exit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class ManifestEntries {
    private ManifestEntries() {}

    static List<FileEntry> files(Path manifest) {
        List<FileEntry> all = new ArrayList<>();
        try (ManifestReader r = ManifestReader.open(manifest)) {
            ManifestEntry e;
            while ((e = r.next()) != null) {
                if (e instanceof FileEntry f) {
                    all.add(f);
                }
            }
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return all;
    }
}
