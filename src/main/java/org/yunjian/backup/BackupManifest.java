package org.yunjian.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yunjian.crypto.Sm3;

/**
 * {@code MANIFEST.sm3} of a backup (or {@code KEYS.sm3} of a key copy): header lines {@code # name: value}, then
 * one line {@code <sm3 hex> <size> <relative path>} per file, sorted by path. Restore checks every file against it
 * before writing anything; a file not listed, a missing file, another size or another digest refuses the backup.
 */
public record BackupManifest(Map<String, String> header, List<Entry> entries) {

    public static final String FILE = "MANIFEST.sm3";
    public static final String KEYS_FILE = "KEYS.sm3";
    public static final String FORMAT = "yunjian-backup 1";
    /**
     * Header naming the installation a backup was taken from: the SM3 of its audit anchor public key
     * ({@code audit-anchor.pub.pem}, created once at first set-up and never secret), so a restore can refuse a key
     * copy of another installation.
     */
    public static final String INSTALLATION = "installation";

    static final String INSTALLATION_KEY_FILE = "audit-anchor.pub.pem";

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) ([0-9]{1,19}) (\\S+)");

    public BackupManifest {
        header = Map.copyOf(header);
        entries = List.copyOf(entries);
    }

    /** One file: its path relative to the backup, with {@code /} separators. */
    public record Entry(String sm3, long size, String path) {
        public Entry {
            if (!safe(path)) {
                throw new BackupException("backup.error.unsafe-path", path);
            }
        }
    }

    /** A relative path without {@code ..}, {@code .}, empty or unusual segments. */
    public static boolean safe(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches()) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public String get(String name) {
        return header.get(name);
    }

    public long bytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    /** Hashes every regular file under {@code root} (except the manifest files themselves). */
    public static BackupManifest of(Path root, Map<String, String> header) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files(root)) {
            entries.add(new Entry(Sm3.digest(file).hex(), Files.size(file), relative(root, file)));
        }
        return new BackupManifest(header, entries);
    }

    public String text() {
        StringBuilder b = new StringBuilder("# ").append(FORMAT).append('\n');
        header.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append("# ")
                .append(e.getKey())
                .append(": ")
                .append(e.getValue())
                .append('\n'));
        entries.stream().sorted(java.util.Comparator.comparing(Entry::path)).forEach(e -> b.append(e.sm3())
                .append(' ')
                .append(e.size())
                .append(' ')
                .append(e.path())
                .append('\n'));
        return b.toString();
    }

    public void write(Path file) throws IOException {
        org.yunjian.shared.keys.OwnerOnlyFiles.createOwnerOnly(file, text());
    }

    /** Reads a manifest; a line that is neither a header nor an entry refuses it. */
    public static BackupManifest read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.no-manifest", file);
        }
        if (lines.isEmpty() || !lines.get(0).equals("# " + FORMAT)) {
            throw new BackupException("backup.error.not-a-backup", file);
        }
        Map<String, String> header = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# ")) {
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    throw new BackupException("backup.error.manifest-line", file, i + 1);
                }
                header.put(line.substring(2, colon), line.substring(colon + 2));
                continue;
            }
            var m = LINE.matcher(line);
            if (!m.matches() || !safe(m.group(3))) {
                throw new BackupException("backup.error.manifest-line", file, i + 1);
            }
            entries.add(new Entry(m.group(1), Long.parseLong(m.group(2)), m.group(3)));
        }
        return new BackupManifest(header, entries);
    }

    /**
     * Checks the files under {@code root} against this manifest: every listed file present with its size and
     * SM3, no other file. Throws naming the first difference.
     */
    public void check(Path root, String manifestName) {
        Set<String> listed = new TreeSet<>();
        for (Entry e : entries) {
            listed.add(e.path());
            Path file = root.resolve(e.path());
            try {
                if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new BackupException("backup.error.missing-file", e.path());
                }
                if (Files.size(file) != e.size()) {
                    throw new BackupException("backup.error.size", e.path(), e.size(), Files.size(file));
                }
                if (!java.security.MessageDigest.isEqual(
                        Sm3.digest(file).bytes(),
                        org.yunjian.crypto.Sm3Digest.of(e.sm3()).bytes())) {
                    throw new BackupException("backup.error.digest", e.path());
                }
            } catch (IOException x) {
                throw new BackupException(x, "backup.error.unreadable", e.path());
            }
        }
        try {
            for (Path file : files(root)) {
                String rel = relative(root, file);
                if (!rel.equals(manifestName) && !listed.contains(rel)) {
                    throw new BackupException("backup.error.unlisted-file", rel);
                }
            }
        } catch (IOException x) {
            throw new BackupException(x, "backup.error.unreadable", root);
        }
    }

    public static String now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().equals(FILE)
                                    && !p.getFileName().toString().equals(KEYS_FILE)
                            || !p.getParent().equals(root))
                    .sorted()
                    .toList();
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /** SM3 of a file as hex, for messages and the audit log. */
    /** The installation fingerprint of a key directory (or key copy), {@code null} when it has no anchor key. */
    public static String installation(Path keyDir) throws IOException {
        Path key = keyDir.resolve(INSTALLATION_KEY_FILE);
        return Files.isRegularFile(key) ? sm3(key) : null;
    }

    public static String sm3(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sm3.digest(in).hex();
        }
    }
}
