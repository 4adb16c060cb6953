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
import org.yunjian.exit.internal.FileLines;
import org.yunjian.exit.internal.Json;
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
            throw new ManifestException("manifest " + file + " does not exist");
        } catch (IOException e) {
            throw new ManifestException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
        this.lines = new RawLines(in);
        Map<String, Object> h = nextLine();
        if (h == null) {
            throw new ManifestException("manifest " + file + " is empty");
        }
        if (!"header".equals(h.get("type")) || !ManifestHeader.FORMAT.equals(h.get("format"))) {
            throw error("the first line is not a " + ManifestHeader.FORMAT + " header");
        }
        this.header = parseHeader(h);
    }

    private ManifestHeader parseHeader(Map<String, Object> h) {
        Object v = h.get("version");
        if (!(v instanceof Long lv) || lv != ManifestHeader.VERSION) {
            throw error("unsupported manifest version " + v + " (this tool reads version " + ManifestHeader.VERSION + ")");
        }
        HashAlgorithm alg;
        try {
            alg = HashAlgorithm.parse(str(h, "algorithm", true));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        Instant created;
        try {
            created = Instant.parse(str(h, "created", true));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw error("malformed 'created' timestamp");
        }
        try {
            return new ManifestHeader(1, alg, str(h, "root", true), created, str(h, "tool", false),
                    Boolean.TRUE.equals(h.get("allVersions")));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
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
    public record FileDigests(String fileSm3, String signatureSm3) {
    }

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
            throw new ManifestException("cannot read manifest " + file + ": " + e.getMessage(), e);
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
            throw new ManifestException("cannot read manifest " + file + ": " + e.getMessage(), e);
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
            return file(fast.path(), fast.version(), fast.latest(), fast.size(), fast.hash(), fast.format(),
                    fast.sensitivity(), fast.description(), fast.error());
        }
        Map<String, Object> m = parsed();
        String type = String.valueOf(m.get("type"));
        switch (type) {
            case "item" -> {
                if (files > 0) {
                    throw error("inventory item after file entries");
                }
                try {
                    InventoryItem item = new InventoryItem(InventoryItem.Category.parse(str(m, "category", true)),
                            str(m, "name", true), str(m, "description", false),
                            Sensitivity.parse(str(m, "sensitivity", true)), str(m, "covers", false));
                    items++;
                    return item;
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
            case "file" -> {
                Object size = m.get("size");
                Object latest = m.get("latest");
                try {
                    return file(str(m, "path", true), str(m, "version", false), latest instanceof Boolean b ? b : null,
                            size instanceof Long l ? l : -1, str(m, "hash", false), str(m, "format", false),
                            str(m, "sensitivity", true), str(m, "description", false), str(m, "error", false));
                } catch (IllegalArgumentException ex) {
                    throw error(ex.getMessage());
                }
            }
            case "trailer" -> {
                trailer = m;
                if (lines.terminated()) {
                    try {
                        if (lines.next()) {
                            throw error("data after the trailer");
                        }
                    } catch (IOException ex) {
                        throw new ManifestException("cannot read manifest " + file + ": " + ex.getMessage(), ex);
                    }
                }
                ended = true;
                return null;
            }
            default -> throw error("unknown entry type '" + type + "'");
        }
    }

    private FileEntry file(String path, String version, Boolean latest, long size, String hash, String format,
                           String sensitivity, String description, String error) {
        FileEntry e;
        try {
            e = new FileEntry(path, version, latest, size, hash, format, Sensitivity.parse(sensitivity), description, error);
        } catch (IllegalArgumentException ex) {
            throw error(ex.getMessage());
        }
        if (e.size() < -1) {
            throw error("negative size");
        }
        order(e);
        files++;
        bytes += Math.max(0, e.size());
        return e;
    }

    private void order(FileEntry e) {
        if (lastPath != null) {
            int c = ManifestPaths.compare(lastPath, e.path());
            if (c > 0) {
                throw error("entries out of order: '" + e.path() + "' after '" + lastPath + "'");
            }
            if (c == 0) {
                if (e.version() == null || !versionsOfLast.add(e.version())) {
                    throw error("duplicate entry '" + e.key() + "'");
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
            throw new IllegalStateException("read all entries first");
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
                    throw new ManifestException("unreadable signature file " + sig + ": " + e.getMessage(), e);
                }
            }
        }
        if (t == null) {
            return new ManifestCheck(header, items, files, bytes, SignatureStatus.ABSENT,
                    "no trailer or .sig file: the manifest was cut short or never signed", digestHex);
        }
        if (!"trailer".equals(t.get("type"))) {
            throw new ManifestException("the signature of " + file + " is not a trailer line");
        }
        String claimedDigest = String.valueOf(t.get("digest"));
        String signer = String.valueOf(t.get("signer"));
        if (!"SM3withSM2".equals(t.get("signatureAlgorithm"))) {
            throw new ManifestException("manifest " + file + ": unknown signature algorithm '" + t.get("signatureAlgorithm") + "'");
        }
        if (key != null && !signer.equals(Keys.fingerprint(key))) {
            throw new ManifestException("wrong key: manifest " + file + " was signed by key " + abbrev(signer)
                    + ", the given public key is " + abbrev(Keys.fingerprint(key)));
        }
        if (!Long.valueOf(items).equals(t.get("items")) || !Long.valueOf(files).equals(t.get("files"))) {
            return check(SignatureStatus.INVALID, "the trailer counts " + t.get("files") + " files and " + t.get("items")
                    + " items, the manifest has " + files + " and " + items);
        }
        if (!("sm3:" + digestHex).equals(claimedDigest)) {
            return check(SignatureStatus.INVALID, "the content does not match the signed digest (modified after signing)");
        }
        if (key == null) {
            return check(SignatureStatus.NOT_CHECKED, "no public key given (--pubkey); signer " + abbrev(signer));
        }
        byte[] sig;
        String encoded = String.valueOf(t.get("signature"));
        try {
            sig = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return check(SignatureStatus.INVALID, "the signature is not base64");
        }
        // the decoder ignores the unused bits of the last character and accepts a missing padding: only the one
        // canonical spelling is accepted, so no byte of a signed manifest can change unnoticed
        if (!Base64.getEncoder().encodeToString(sig).equals(encoded)) {
            return check(SignatureStatus.INVALID, "the signature is not in canonical base64");
        }
        boolean ok = Verifier.of(key).verify(Hex.decode(digestHex), sig);
        return check(ok ? SignatureStatus.VALID : SignatureStatus.INVALID,
                ok ? "SM2 signature valid, signer " + abbrev(signer) : "the SM2 signature does not verify");
    }

    private ManifestCheck check(SignatureStatus s, String detail) {
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
            throw new ManifestException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
        if (!lines.terminated()) {
            throw error("the manifest is truncated: the last line is incomplete");
        }
        if (!lines.wellFormed()) {
            throw error("not valid UTF-8");
        }
        return true;
    }

    /** The current line by the general parser; the digest takes every line before the trailer. */
    private Map<String, Object> parsed() {
        Map<String, Object> m;
        try {
            m = Json.parse(lines.text());
        } catch (CharacterCodingException e) {
            throw error("not valid UTF-8");
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
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
                throw new IllegalArgumentException("missing '" + key + "'");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("'" + key + "' must be a string");
        }
        return s;
    }

    private ManifestException error(String msg) {
        return new ManifestException("manifest " + file + " line " + lines.number() + ": " + msg);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
