package org.yunjian.exit.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.ExitText;
import org.yunjian.exit.FileEntry;
import org.yunjian.exit.HashAlgorithm;
import org.yunjian.exit.InvalidInputException;
import org.yunjian.exit.ManifestEntry;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.ManifestReader;
import org.yunjian.exit.Sensitivity;

/**
 * Hash lists of other tools: GNU {@code sha256sum} (and the same layout for SM3, as {@code sm3sum} /
 * {@code cksum -a sm3 --untagged} write it) and hashdeep's {@code %%%% HASHDEEP-1.0} format. Read lists
 * are held in memory, sorted into canonical order; their paths are checked like manifest paths.
 *
 * @param format    the format read
 * @param algorithm the checksum algorithm
 * @param entries   the files, in canonical order
 * @param digest    SM3 of the list file, to identify it in checkpoints
 */
public record HashList(Format format, HashAlgorithm algorithm, List<FileEntry> entries, String digest) {

    public enum Format {
        SHA256SUM("sha256sum"),
        SM3SUM("sm3sum"),
        HASHDEEP("hashdeep");

        private final String id;

        Format(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.id.equalsIgnoreCase(s)) {
                    return f;
                }
            }
            throw new InvalidInputException("exit.list.unknownFormat", String.valueOf(s));
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * Reads a list. Absolute paths (hashdeep without {@code -l}) are made relative to {@code base}, the
     * directory the list describes; paths outside it, {@code ..}, NUL and duplicates are rejected.
     */
    public static HashList read(Path file, Format format, Path base) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ManifestException("exit.list.missing", String.valueOf(file));
        } catch (IOException e) {
            throw new ManifestException(
                    e, "exit.list.unreadable", String.valueOf(file), String.valueOf(e.getMessage()));
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        List<FileEntry> entries = new ArrayList<>();
        HashAlgorithm alg = format == Format.SM3SUM ? HashAlgorithm.SM3 : HashAlgorithm.SHA256;
        int sizeCol = -1;
        int hashCol = -1;
        int columns = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (n == lines.length - 1 && line.isEmpty()) {
                break;
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            try {
                if (format == Format.HASHDEEP) {
                    if (n == 0) {
                        if (!line.equals("%%%% HASHDEEP-1.0")) {
                            throw new InvalidInputException("exit.list.noHashdeepHeader");
                        }
                        continue;
                    }
                    if (line.startsWith("%%%% ")) {
                        String[] cols = line.substring(5).split(",");
                        columns = cols.length;
                        for (int i = 0; i < cols.length; i++) {
                            switch (cols[i].trim().toLowerCase(Locale.ROOT)) {
                                case "size" -> sizeCol = i;
                                case "sha256" -> hashCol = i;
                                case "filename" -> {
                                    if (i != cols.length - 1) {
                                        throw new InvalidInputException("exit.list.filenameLast");
                                    }
                                }
                                default -> {}
                            }
                        }
                        if (hashCol < 0) {
                            throw new InvalidInputException("exit.list.noSha256");
                        }
                        continue;
                    }
                    if (line.startsWith("##") || line.isEmpty()) {
                        continue;
                    }
                    if (columns == 0) {
                        throw new InvalidInputException("exit.list.entryBeforeColumns");
                    }
                    String[] f = line.split(",", columns);
                    if (f.length != columns) {
                        throw new InvalidInputException("exit.list.fields", columns);
                    }
                    long size = sizeCol >= 0 ? Long.parseLong(f[sizeCol]) : -1;
                    entries.add(entry(relative(f[columns - 1], base), size, f[hashCol].toLowerCase(Locale.ROOT)));
                } else {
                    if (line.isEmpty()) {
                        continue;
                    }
                    boolean escaped = line.startsWith("\\");
                    String l = escaped ? line.substring(1) : line;
                    int sp = l.indexOf(' ');
                    if (sp != 64 || l.length() < 67 || (l.charAt(65) != ' ' && l.charAt(65) != '*')) {
                        throw new InvalidInputException("exit.list.sumLine");
                    }
                    String name = l.substring(66);
                    if (escaped) {
                        name = unescape(name);
                    }
                    entries.add(
                            entry(relative(name, base), -1, l.substring(0, 64).toLowerCase(Locale.ROOT)));
                }
            } catch (NumberFormatException e) {
                throw new ManifestException(
                        "exit.list.line", String.valueOf(file), (long) n + 1, new ExitText("exit.list.malformedSize"));
            } catch (IllegalArgumentException e) {
                throw new ManifestException("exit.list.line", String.valueOf(file), (long) n + 1, ExitText.of(e));
            }
        }
        if (format == Format.HASHDEEP && columns == 0) {
            throw new ManifestException("exit.list.noColumnLine", String.valueOf(file));
        }
        entries.sort((a, b) -> ManifestPaths.compare(a.path(), b.path()));
        Set<String> seen = new HashSet<>();
        for (FileEntry e : entries) {
            if (!seen.add(e.path())) {
                throw new ManifestException("exit.list.duplicate", String.valueOf(file), e.path());
            }
        }
        return new HashList(format, alg, List.copyOf(entries), Sm3.hex(raw));
    }

    private static FileEntry entry(String path, long size, String hash) {
        return new FileEntry(path, null, null, size, hash, null, Sensitivity.SENSITIVE, null, null);
    }

    private static String relative(String name, Path base) {
        if (name.startsWith("/")) {
            if (base == null) {
                throw new InvalidInputException("exit.list.absoluteNoBase", name);
            }
            Path abs = Path.of(name).normalize();
            Path b = base.toAbsolutePath().normalize();
            if (!abs.startsWith(b) || abs.equals(b)) {
                throw new InvalidInputException("exit.list.outside", name, String.valueOf(b));
            }
            name = b.relativize(abs).toString();
        }
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        return ManifestPaths.check(name);
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Writes the file entries of a manifest as a list; versioned and unreadable entries are refused or skipped. */
    public static long export(Path manifest, Format format, Writer out) throws IOException {
        long n = 0;
        try (ManifestReader r = ManifestReader.open(manifest)) {
            HashAlgorithm alg = r.header().algorithm();
            HashAlgorithm want = format == Format.SM3SUM ? HashAlgorithm.SM3 : HashAlgorithm.SHA256;
            if (alg != want) {
                throw new ManifestException(
                        "exit.list.wrongAlgorithm", String.valueOf(manifest), alg.id(), format.id(), want.id());
            }
            BufferedWriter w = new BufferedWriter(out);
            if (format == Format.HASHDEEP) {
                w.write(
                        "%%%% HASHDEEP-1.0\n%%%% size,sha256,filename\n## Invoked from: .\n## $ yunjian exit manifest export --format hashdeep\n## \n");
            }
            ManifestEntry e;
            while ((e = r.next()) != null) {
                if (!(e instanceof FileEntry f) || !f.readable()) {
                    continue;
                }
                if (f.version() != null && !Boolean.TRUE.equals(f.latest())) {
                    continue;
                }
                n++;
                if (format == Format.HASHDEEP) {
                    w.write(f.size() + "," + f.hash() + ",./" + f.path() + "\n"); // as "hashdeep -l -r ." names files
                } else if (f.path().contains("\n") || f.path().contains("\\")) {
                    w.write("\\" + f.hash() + "  "
                            + f.path().replace("\\", "\\\\").replace("\n", "\\n") + "\n");
                } else {
                    w.write(f.hash() + "  " + f.path() + "\n");
                }
            }
            w.flush();
        }
        return n;
    }
}
