package org.yunjian.exit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.Sm3;
import org.yunjian.crypto.Verifier;
import org.yunjian.exit.internal.ChunkDigests;
import org.yunjian.exit.internal.FileLines;
import org.yunjian.exit.internal.Json;
import org.yunjian.exit.internal.ManifestPaths;
import org.yunjian.exit.internal.RawLines;

/**
 * Reads a manifest as a stream of entries, validating as it goes: the header's format, version and
 * algorithm; every path ({@link ManifestPaths#check}: no {@code ..}, absolute paths, NUL); strictly
 * increasing canonical order, which also rules out duplicates; the trailer's counts, digest and SM2
 * signature. Any violation is a {@link ManifestException} naming the line. Memory is constant.
 */
public final class ManifestReader implements Closeable {

    private final Path file;
    private final RawLines lines;
    private final Sm3 digest = Sm3.newHasher();
    private final ManifestHeader header;
    private long items;
    private long files;
    private long chunks;
    private long bytes;
    private String lastPath;
    private final Set<String> versionsOfLast = new HashSet<>();
    private Map<String, Object> trailer;
    private String digestHex;
    private boolean ended;

    private ManifestReader(Path file) {
        this.file = file;
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ManifestException("exit.manifest.missing", String.valueOf(file));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        this.lines = new RawLines(in);
        Map<String, Object> h = nextLine();
        if (h == null) {
            throw new ManifestException("exit.manifest.empty", String.valueOf(file));
        }
        if (!"header".equals(h.get("type")) || !ManifestHeader.FORMAT.equals(h.get("format"))) {
            throw error(new ExitText("exit.manifest.noHeader", ManifestHeader.FORMAT));
        }
        this.header = parseHeader(h);
    }

    private ManifestHeader parseHeader(Map<String, Object> h) {
        Object v = h.get("version");
        if (!(v instanceof Long lv) || (lv != ManifestHeader.VERSION && lv != ManifestHeader.VERSION_1)) {
            throw error(new ExitText("exit.manifest.version", String.valueOf(v), ManifestHeader.VERSION));
        }
        long chunkSize = 0;
        long chunkThreshold = 0;
        if (lv == ManifestHeader.VERSION) {
            if (!(h.get("chunkSize") instanceof Long cs) || !(h.get("chunkThreshold") instanceof Long ct)) {
                throw error(new ExitText("exit.manifest.chunkHeader"));
            }
            try {
                ManifestHeader.checkChunking(cs, ct);
            } catch (IllegalArgumentException e) {
                throw error(ExitText.of(e));
            }
            chunkSize = cs;
            chunkThreshold = ct;
        }
        HashAlgorithm alg;
        try {
            alg = HashAlgorithm.parse(str(h, "algorithm", true));
        } catch (IllegalArgumentException e) {
            throw error(ExitText.of(e));
        }
        Instant created;
        try {
            created = Instant.parse(str(h, "created", true));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw error(new ExitText("exit.manifest.created"));
        }
        try {
            return new ManifestHeader(
                    lv.intValue(),
                    alg,
                    str(h, "root", true),
                    created,
                    str(h, "tool", false),
                    Boolean.TRUE.equals(h.get("allVersions")),
                    chunkSize,
                    chunkThreshold);
        } catch (IllegalArgumentException e) {
            throw error(ExitText.of(e));
        }
    }

    /** Opens a manifest for streaming; the header is read and checked at once. */
    public static ManifestReader open(Path file) {
        return new ManifestReader(file);
    }

    /**
     * What a verification report names a manifest by: the SM3 (hex) of the manifest file and of its signature's
     * bytes (from the trailer, or the detached {@code .sig} file), null when there is no decodable signature.
     */
    public record FileDigests(String fileSm3, String signatureSm3) {}

    /** The manifest's {@link FileDigests} (one more pass over the manifest file, none over the data). */
    public static FileDigests fileDigests(Path file) {
        try {
            Sm3 whole = Sm3.newHasher();
            String last = null;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int n;
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                while ((n = in.read(buf)) > 0) {
                    whole.update(buf, 0, n);
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            if (line.size() > 0) {
                                last = line.toString(java.nio.charset.StandardCharsets.UTF_8);
                            }
                            line.reset();
                        } else {
                            line.write(buf[i]);
                        }
                    }
                }
                if (line.size() > 0) {
                    last = line.toString(java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            String trailer = last;
            Path sig = file.resolveSibling(file.getFileName() + ".sig");
            if ((trailer == null || !trailer.contains("\"trailer\"")) && Files.isRegularFile(sig)) {
                trailer = Files.readString(sig).strip();
            }
            String signatureSm3 = null;
            if (trailer != null) {
                try {
                    Map<String, Object> t = Json.parse(trailer);
                    if ("trailer".equals(t.get("type")) && t.get("signature") instanceof String b64) {
                        signatureSm3 = Sm3.hex(Base64.getDecoder().decode(b64));
                    }
                } catch (IllegalArgumentException e) {
                    // no decodable signature: the check of the manifest says so
                }
            }
            return new FileDigests(Hex.encode(whole.finish().bytes()), signatureSm3);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads the whole manifest once and checks structure, paths, order and the signature. With no key the
     * signature is {@link SignatureStatus#NOT_CHECKED}; a key other than the signer's is an error.
     */
    public static ManifestCheck check(Path file, PublicKey key) {
        try (ManifestReader r = open(file)) {
            while (r.next() != null) {
                // validation happens while reading
            }
            return r.result(key);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    public ManifestHeader header() {
        return header;
    }

    /** The next item or file entry, or null after the last one. */
    public ManifestEntry next() {
        if (ended) {
            return null;
        }
        if (!advance()) {
            ended = true;
            return null;
        }
        FileLines.Fields fast = FileLines.parse(lines.array(), lines.length() - 1);
        if (fast != null) {
            digest.update(lines.array(), 0, lines.length());
            return file(
                    fast.path(),
                    fast.version(),
                    fast.latest(),
                    fast.size(),
                    fast.hash(),
                    fast.format(),
                    fast.sensitivity(),
                    fast.description(),
                    fast.error());
        }
        Map<String, Object> m = parsed();
        String type = String.valueOf(m.get("type"));
        switch (type) {
            case "item" -> {
                if (files > 0) {
                    throw error(new ExitText("exit.manifest.itemAfterFiles"));
                }
                try {
                    InventoryItem item = new InventoryItem(
                            InventoryItem.Category.parse(str(m, "category", true)),
                            str(m, "name", true),
                            str(m, "description", false),
                            Sensitivity.parse(str(m, "sensitivity", true)),
                            str(m, "covers", false));
                    items++;
                    return item;
                } catch (IllegalArgumentException e) {
                    throw error(ExitText.of(e));
                }
            }
            case "file" -> {
                Object size = m.get("size");
                Object latest = m.get("latest");
                try {
                    return file(
                            str(m, "path", true),
                            str(m, "version", false),
                            latest instanceof Boolean b ? b : null,
                            size instanceof Long l ? l : -1,
                            str(m, "hash", false),
                            str(m, "format", false),
                            str(m, "sensitivity", true),
                            str(m, "description", false),
                            str(m, "error", false));
                } catch (IllegalArgumentException ex) {
                    throw error(ExitText.of(ex));
                }
            }
            case "trailer" -> {
                trailer = m;
                if (lines.terminated()) {
                    try {
                        if (lines.next()) {
                            throw error(new ExitText("exit.manifest.afterTrailer"));
                        }
                    } catch (IOException ex) {
                        throw unreadable(file, ex);
                    }
                }
                ended = true;
                return null;
            }
            case "chunk" -> throw error(new ExitText("exit.manifest.chunkUnexpected"));
            default -> throw error(new ExitText("exit.manifest.unknownType", type));
        }
    }

    private FileEntry file(
            String path,
            String version,
            Boolean latest,
            long size,
            String hash,
            String format,
            String sensitivity,
            String description,
            String error) {
        FileEntry e;
        try {
            e = new FileEntry(
                    path, version, latest, size, hash, format, Sensitivity.parse(sensitivity), description, error);
        } catch (IllegalArgumentException ex) {
            throw error(ExitText.of(ex));
        }
        if (e.size() < -1) {
            throw error(new ExitText("exit.manifest.negativeSize"));
        }
        order(e);
        files++;
        bytes += Math.max(0, e.size());
        if (e.readable() && header.chunked(e.size())) {
            e = e.withChunks(chunks(e));
        }
        return e;
    }

    /**
     * Reads the chunk lines that must follow the file line of {@code e}: exactly as many as its size needs, numbered
     * from 0 in order, each a digest of the manifest's length.
     */
    private ChunkDigests chunks(FileEntry e) {
        long count = ChunkDigests.count(e.size(), header.chunkSize());
        if (count > ManifestHeader.MAX_CHUNKS) {
            throw error(new ExitText("exit.chunk.tooMany", e.path(), count, ManifestHeader.MAX_CHUNKS));
        }
        byte[] all = new byte[(int) count * ChunkDigests.DIGEST_BYTES];
        for (int i = 0; i < count; i++) {
            if (!advance()) {
                throw error(new ExitText("exit.manifest.chunkMissing", i, e.path(), count));
            }
            Map<String, Object> m = parsed();
            if (!"chunk".equals(m.get("type"))) {
                throw error(new ExitText("exit.manifest.chunkMissing", i, e.path(), count));
            }
            if (m.size() != 3 || !(m.get("index") instanceof Long index) || !(m.get("hash") instanceof String hex)) {
                throw error(new ExitText("exit.manifest.chunkFields"));
            }
            if (index != i) {
                throw error(new ExitText("exit.manifest.chunkIndex", index, i));
            }
            if (!isHex(hex, ChunkDigests.DIGEST_BYTES * 2)) {
                throw error(new ExitText("exit.manifest.chunkHash", ChunkDigests.DIGEST_BYTES * 2));
            }
            System.arraycopy(Hex.decode(hex), 0, all, i * ChunkDigests.DIGEST_BYTES, ChunkDigests.DIGEST_BYTES);
            chunks++;
        }
        return ChunkDigests.ofBytes(header.chunkSize(), all);
    }

    private static boolean isHex(String h, int length) {
        if (h.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = h.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private void order(FileEntry e) {
        if (lastPath != null) {
            int c = ManifestPaths.compare(lastPath, e.path());
            if (c > 0) {
                throw error(new ExitText("exit.manifest.order", e.path(), lastPath));
            }
            if (c == 0) {
                if (e.version() == null || !versionsOfLast.add(e.version())) {
                    throw error(new ExitText("exit.manifest.duplicate", e.key()));
                }
                return;
            }
        }
        versionsOfLast.clear();
        if (e.version() != null) {
            versionsOfLast.add(e.version());
        }
        lastPath = e.path();
    }

    /** The signature status once every entry was read. */
    public ManifestCheck result(PublicKey key) {
        if (!ended) {
            throw new IllegalStateException(new ManifestException("exit.manifest.notRead"));
        }
        Map<String, Object> t = trailer;
        if (t == null) {
            Path sig = file.resolveSibling(file.getFileName() + ".sig");
            if (Files.isRegularFile(sig)) {
                try (RawLines s = new RawLines(Files.newInputStream(sig))) {
                    if (s.next()) {
                        t = Json.parse(s.text());
                    }
                } catch (IOException | IllegalArgumentException e) {
                    throw new ManifestException(e, "exit.manifest.signatureFile", String.valueOf(sig), ExitText.of(e));
                }
            }
        }
        if (t == null) {
            return new ManifestCheck(
                    header,
                    items,
                    files,
                    bytes,
                    SignatureStatus.ABSENT,
                    new ExitText("exit.signature.absent"),
                    digestHex);
        }
        if (!"trailer".equals(t.get("type"))) {
            throw new ManifestException("exit.manifest.notTrailer", String.valueOf(file));
        }
        String claimedDigest = String.valueOf(t.get("digest"));
        String signer = String.valueOf(t.get("signer"));
        if (!"SM3withSM2".equals(t.get("signatureAlgorithm"))) {
            throw new ManifestException(
                    "exit.manifest.signatureAlgorithm",
                    String.valueOf(file),
                    String.valueOf(t.get("signatureAlgorithm")));
        }
        if (key != null && !signer.equals(Keys.fingerprint(key))) {
            throw new ManifestException(
                    "exit.manifest.wrongKey", String.valueOf(file), abbrev(signer), abbrev(Keys.fingerprint(key)));
        }
        if (header.version() == ManifestHeader.VERSION && !Long.valueOf(chunks).equals(t.get("chunks"))) {
            return check(
                    SignatureStatus.INVALID,
                    new ExitText("exit.signature.chunks", String.valueOf(t.get("chunks")), chunks));
        }
        if (!Long.valueOf(items).equals(t.get("items")) || !Long.valueOf(files).equals(t.get("files"))) {
            return check(
                    SignatureStatus.INVALID,
                    new ExitText(
                            "exit.signature.counts",
                            String.valueOf(t.get("files")),
                            String.valueOf(t.get("items")),
                            files,
                            items));
        }
        if (!("sm3:" + digestHex).equals(claimedDigest)) {
            return check(SignatureStatus.INVALID, new ExitText("exit.signature.modified"));
        }
        if (key == null) {
            return check(SignatureStatus.NOT_CHECKED, new ExitText("exit.signature.notChecked", abbrev(signer)));
        }
        byte[] sig;
        String encoded = String.valueOf(t.get("signature"));
        try {
            sig = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return check(SignatureStatus.INVALID, new ExitText("exit.signature.notBase64"));
        }
        // the decoder ignores the unused bits of the last character and accepts a missing padding: only the one
        // canonical spelling is accepted, so no byte of a signed manifest can change unnoticed
        if (!Base64.getEncoder().encodeToString(sig).equals(encoded)) {
            return check(SignatureStatus.INVALID, new ExitText("exit.signature.notCanonicalBase64"));
        }
        boolean ok = Verifier.of(key).verify(Hex.decode(digestHex), sig);
        return check(
                ok ? SignatureStatus.VALID : SignatureStatus.INVALID,
                ok ? new ExitText("exit.signature.valid", abbrev(signer)) : new ExitText("exit.signature.invalid"));
    }

    private ManifestCheck check(SignatureStatus s, ExitText detail) {
        return new ManifestCheck(header, items, files, bytes, s, detail, "sm3:" + digestHex);
    }

    private static String abbrev(String fp) {
        return fp.length() > 16 ? fp.substring(0, 16) + "…" : fp;
    }

    /** Reads the next line (checked: terminated, UTF-8); false at the end, when the digest is complete. */
    private boolean advance() {
        try {
            if (!lines.next()) {
                digestHex = Hex.encode(digest.finish().bytes());
                return false;
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (ManifestException e) {
            throw new ManifestException(
                    e, "exit.manifest.unreadable", String.valueOf(file), e.message()); // a line too long
        }
        if (!lines.terminated()) {
            throw error(new ExitText("exit.manifest.truncated"));
        }
        if (!lines.wellFormed()) {
            throw error(new ExitText("exit.manifest.notUtf8"));
        }
        return true;
    }

    /** The current line by the general parser; the digest takes every line before the trailer. */
    private Map<String, Object> parsed() {
        Map<String, Object> m;
        try {
            m = Json.parse(lines.text());
        } catch (CharacterCodingException e) {
            throw error(new ExitText("exit.manifest.notUtf8"));
        } catch (IllegalArgumentException e) {
            throw error(ExitText.of(e));
        }
        if ("trailer".equals(m.get("type"))) {
            digestHex = Hex.encode(digest.finish().bytes());
        } else {
            digest.update(lines.array(), 0, lines.length());
        }
        return m;
    }

    private Map<String, Object> nextLine() {
        return advance() ? parsed() : null;
    }

    private static String str(Map<String, Object> m, String key, boolean required) {
        Object v = m.get(key);
        if (v == null || v == Json.NULL) {
            if (required) {
                throw new InvalidInputException("exit.manifest.missingField", key);
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidInputException("exit.manifest.notString", key);
        }
        return s;
    }

    /** The problem {@code reason} on the current line. */
    private ManifestException error(ExitText reason) {
        return new ManifestException("exit.manifest.line", String.valueOf(file), lines.number(), reason);
    }

    private static ManifestException unreadable(Path file, IOException e) {
        return new ManifestException(
                e, "exit.manifest.unreadable", String.valueOf(file), String.valueOf(e.getMessage()));
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
