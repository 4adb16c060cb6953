package org.yunjian.exit.internal;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.FileEntry;
import org.yunjian.exit.InventoryItem;
import org.yunjian.exit.Keys;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.ManifestHeader;

/**
 * Writes a manifest line by line (see {@code docs/exit-manifest.md}): header, inventory items, files in
 * canonical path order, then the signed trailer — as the last line, or in a detached {@code .sig} file.
 * The file appears under its final name only when complete ({@link #close()} renames it).
 */
public final class ManifestWriter implements Closeable {

    private final Path target;
    private final Path partial;
    private final OutputStream out;
    private final Sm3 digest = Sm3.newHasher();
    private final PrivateKey key;
    private final boolean detached;
    private final ManifestHeader header;
    private long chunks;
    private long items;
    private long files;
    private String lastPath;
    private final Set<String> versionsOfLast = new HashSet<>();
    private boolean finished;

    public ManifestWriter(Path target, ManifestHeader header, PrivateKey key, boolean detachedSignature)
            throws IOException {
        this.target = target.toAbsolutePath();
        this.partial = this.target.resolveSibling(this.target.getFileName() + ".partial");
        this.key = key;
        this.detached = detachedSignature;
        this.out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
        this.header = header;
        Json.Obj h = Json.obj()
                .put("type", "header")
                .put("format", ManifestHeader.FORMAT)
                .put("version", header.version())
                .put("algorithm", header.algorithm().id())
                .put("root", header.root())
                .put("created", header.created().toString())
                .put("tool", header.tool())
                .put("allVersions", header.allVersions());
        if (header.version() == ManifestHeader.VERSION) {
            h.put("chunkSize", header.chunkSize()).put("chunkThreshold", header.chunkThreshold());
        }
        line(h.toString());
    }

    public void write(InventoryItem item) throws IOException {
        if (files > 0) {
            throw new ManifestException("exit.write.itemAfterFiles");
        }
        items++;
        line(Json.obj()
                .put("type", "item")
                .put("category", item.category().id())
                .put("name", item.name())
                .put("description", item.description())
                .put("sensitivity", item.sensitivity().label())
                .put("covers", item.covers())
                .toString());
    }

    public void write(FileEntry e) throws IOException {
        if (lastPath != null) {
            int c = ManifestPaths.compare(lastPath, e.path());
            if (c > 0 || (c == 0 && (e.version() == null || !versionsOfLast.add(e.version())))) {
                throw new ManifestException("exit.write.order", e.path());
            }
            if (c < 0) {
                versionsOfLast.clear();
                if (e.version() != null) {
                    versionsOfLast.add(e.version());
                }
            }
        } else if (e.version() != null) {
            versionsOfLast.add(e.version());
        }
        lastPath = e.path();
        files++;
        line(Json.obj()
                .put("type", "file")
                .put("path", e.path())
                .put("version", e.version())
                .put("latest", e.latest())
                .put("size", e.size() >= 0 ? e.size() : null)
                .put("hash", e.hash())
                .put("format", e.format())
                .put("sensitivity", e.sensitivity().label())
                .put("description", e.description())
                .put("error", e.error())
                .toString());
        boolean chunked = e.readable() && header.chunked(e.size());
        ChunkDigests c = e.chunks();
        if (chunked != (c != null) || (c != null && c.chunkSize() != header.chunkSize())) {
            throw new ManifestException("exit.write.chunks", e.path());
        }
        if (c != null) {
            if (c.count() > ManifestHeader.MAX_CHUNKS) {
                throw new ManifestException(
                        "exit.chunk.tooMany", e.path(), (long) c.count(), ManifestHeader.MAX_CHUNKS);
            }
            for (int i = 0; i < c.count(); i++) {
                line(chunkLine(i, c.hex(i)));
            }
            chunks += c.count();
        }
    }

    /** The canonical chunk line (without the line feed). */
    static String chunkLine(int index, String hex) {
        return "{\"type\":\"chunk\",\"index\":" + index + ",\"hash\":\"" + hex + "\"}";
    }

    public long files() {
        return files;
    }

    private void line(String json) throws IOException {
        byte[] b = (json + "\n").getBytes(StandardCharsets.UTF_8);
        digest.update(b);
        out.write(b);
    }

    /** Writes the signed trailer and moves the manifest to its final name. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        byte[] d = digest.finish().bytes();
        byte[] sig = Signer.of(key).sign(d);
        Json.Obj t = Json.obj().put("type", "trailer").put("items", items).put("files", files);
        if (header.version() == ManifestHeader.VERSION) {
            t.put("chunks", chunks);
        }
        String trailer = t.put("digest", "sm3:" + org.yunjian.crypto.Hex.encode(d))
                        .put("signatureAlgorithm", "SM3withSM2")
                        .put("signer", Keys.fingerprint(Keys.publicKeyOf(key)))
                        .put("signature", Base64.getEncoder().encodeToString(sig))
                        .toString()
                + "\n";
        if (detached) {
            Files.writeString(target.resolveSibling(target.getFileName() + ".sig"), trailer);
        } else {
            out.write(trailer.getBytes(StandardCharsets.UTF_8));
        }
        out.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Abandons the manifest: removes the partial file. */
    public void abort() throws IOException {
        finished = true;
        out.close();
        Files.deleteIfExists(partial);
    }
}
