package org.yunjian.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * A TrueType font with CJK glyphs, read once into memory. A parsed copy belongs to one document at a time while it is
 * subset and embedded ({@link #lease}); when the document is done, the copy is kept for the next one instead of parsed
 * again (parsing was a quarter of the CPU time of sealing a report, docs/performance.md).
 *
 * <p>PDFBox embeds TrueType outlines only; OpenType fonts with CFF outlines (the Noto CJK
 * collections Debian ships in {@code fonts-noto-cjk}) are refused with a message that says so.
 */
public final class CjkFont {

    /** Where Debian and most Linux distributions install CJK TrueType fonts, in order of preference. */
    public static final List<Path> WELL_KNOWN = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    /** The sample a font must render to count as CJK: common characters of our headings. */
    private static final String PROBE = "\u4e91\u9274\u6d4b\u8bc4\u62a5\u544a\u5220\u9664\u8bc1\u660e"; // 云鉴测评报告删除证明

    /** Parsed copies kept for the next documents at most: one per document rendered at the same time, usually. */
    static final int KEPT = 4;

    private final Path file;
    private final byte[] bytes;
    private final String faceName;
    /** Parsed copies no document is using now. */
    private final java.util.ArrayDeque<TrueTypeFont> idle = new java.util.ArrayDeque<>();

    private CjkFont(Path file, byte[] bytes, String faceName) {
        this.file = file;
        this.bytes = bytes;
        this.faceName = faceName;
    }

    /**
     * The configured font file if given (it must work), otherwise the first well-known one that exists.
     *
     * @throws FontUnavailableException naming what was tried and how to fix it
     */
    public static CjkFont locate(Optional<Path> configured) {
        if (configured.isPresent()) {
            return load(configured.get());
        }
        List<String> tried = new ArrayList<>();
        for (Path candidate : WELL_KNOWN) {
            if (Files.isReadable(candidate)) {
                return load(candidate);
            }
            tried.add(candidate.toString());
        }
        throw new FontUnavailableException("documents.font.none", String.join(", ", tried));
    }

    /**
     * Reads a .ttf or .ttc file and checks it has TrueType outlines and Chinese glyphs.
     *
     * @throws FontUnavailableException naming the file and the problem
     */
    public static CjkFont load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FontUnavailableException(e, "documents.font.unreadable", file, e.getMessage());
        }
        String face;
        try (TrueTypeFont font = parse(bytes, null)) {
            if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
                throw new FontUnavailableException("documents.font.cff", file);
            }
            for (int cp : PROBE.codePoints().toArray()) {
                if (font.getUnicodeCmapLookup().getGlyphId(cp) == 0) {
                    throw new FontUnavailableException("documents.font.noGlyph", file, Character.toString(cp));
                }
            }
            face = font.getName();
        } catch (IOException e) {
            throw new FontUnavailableException(e, "documents.font.notTrueType", file, e.getMessage());
        }
        return new CjkFont(file, bytes, face);
    }

    /**
     * A parsed copy of the font for one document, which no other document uses until the lease is closed; then it is
     * kept for the next document (PDFBox only reads a parsed font while it lays out, subsets and embeds; the document
     * does not close a font it was handed, {@code PDType0Font.load(document, font, true)}).
     */
    Lease lease() throws IOException {
        TrueTypeFont kept;
        synchronized (idle) {
            kept = idle.pollFirst();
        }
        return new Lease(kept != null ? kept : parse(bytes, faceName));
    }

    /** Parsed copies no document is using now (for tests). */
    int idleCopies() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /** A parsed copy of the font lent to one document; closing it returns the copy. */
    final class Lease implements AutoCloseable {
        private final TrueTypeFont font;
        private boolean returned;

        private Lease(TrueTypeFont font) {
            this.font = font;
        }

        TrueTypeFont font() {
            return font;
        }

        @Override
        public void close() throws IOException {
            if (returned) {
                return;
            }
            returned = true;
            synchronized (idle) {
                if (idle.size() < KEPT) {
                    idle.addFirst(font);
                    return;
                }
            }
            font.close();
        }
    }

    public Path file() {
        return file;
    }

    /** The PostScript name of the face used (the first of a collection). */
    public String faceName() {
        return faceName;
    }

    private static TrueTypeFont parse(byte[] bytes, String face) throws IOException {
        if (isCollection(bytes)) {
            TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
            // The collection owns the data the font reads from; keep it open as long as the font is.
            if (face != null) {
                // the faces in order up to the one named, not every face of the collection: each is parsed whole,
                // and a document's font is parsed afresh for every PDF (docs/performance.md, issue 56)
                TrueTypeFont named = collection.getFontByName(face);
                if (named == null) {
                    collection.close();
                    throw new IOException("font-collection-lacks-face " + face);
                }
                return named;
            }
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            if (first[0] == null) {
                collection.close();
                throw new IOException("font-collection-empty");
            }
            return first[0];
        }
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    private static boolean isCollection(byte[] bytes) {
        return bytes.length >= 4
                && new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .toLowerCase(Locale.ROOT)
                        .equals("ttcf");
    }
}
