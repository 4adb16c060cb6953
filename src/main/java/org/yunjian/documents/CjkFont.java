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
 * A TrueType font with CJK glyphs, read once into memory and parsed afresh for every document (a
 * parsed font belongs to one document while it is subset and embedded).
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
    private static final String PROBE = "云鉴测评报告删除证明";

    private final Path file;
    private final byte[] bytes;
    private final String faceName;

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
        throw new FontUnavailableException("No CJK TrueType font found for PDF documents (looked for "
                + String.join(", ", tried) + "): install the Debian package fonts-wqy-microhei or set "
                + "yunjian.documents.cjk-font to a .ttf/.ttc file with Chinese glyphs");
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
            throw new FontUnavailableException("Cannot read the CJK font file " + file + ": " + e, e);
        }
        String face;
        try (TrueTypeFont font = parse(bytes, null)) {
            if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
                throw new FontUnavailableException("The font " + file + " has CFF (PostScript) outlines, which "
                        + "cannot be embedded; use a TrueType CJK font such as fonts-wqy-microhei");
            }
            for (int cp : PROBE.codePoints().toArray()) {
                if (font.getUnicodeCmapLookup().getGlyphId(cp) == 0) {
                    throw new FontUnavailableException("The font " + file + " has no glyph for '"
                            + Character.toString(cp) + "': it is not a Chinese font");
                }
            }
            face = font.getName();
        } catch (IOException e) {
            throw new FontUnavailableException("The file " + file + " is not a TrueType font or collection: "
                    + e.getMessage(), e);
        }
        return new CjkFont(file, bytes, face);
    }

    /** A freshly parsed copy of the font, for one document; the caller closes it. */
    TrueTypeFont open() throws IOException {
        return parse(bytes, faceName);
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
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null && (face == null || face.equals(f.getName()))) {
                    first[0] = f;
                }
            });
            if (first[0] == null) {
                collection.close();
                throw new IOException(face == null ? "empty font collection" : "no face " + face + " in the collection");
            }
            return first[0];
        }
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    private static boolean isCollection(byte[] bytes) {
        return bytes.length >= 4 && new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT).equals("ttcf");
    }
}
