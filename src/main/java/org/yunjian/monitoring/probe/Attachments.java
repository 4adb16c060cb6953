package org.yunjian.monitoring.probe;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.yunjian.shared.ContentSniffing;
import org.yunjian.shared.Msg;

/**
 * The text of a document a monitored page links to (a notice as PDF, a list as XLSX), so harmful words and personal
 * numbers in attachments are found like those in the page (guide 8.4.1.3: 网页及附件). The type is told by the bytes
 * (Apache Tika's magic), never by the link's file name or the server's content type, which a site may get wrong or a
 * tamperer may forge.
 *
 * <p>The bytes are a hostile site's: every outcome is a value, never an exception. Size is checked before anything
 * is parsed, the text is capped ({@link Limits#maxChars()}), a PDF whose streams would inflate beyond a budget is
 * refused before PDFBox parses it ({@link PdfText}), and zip archives (DOCX, XLSX) are refused as {@link Refusal#ZIP_BOMB}
 * when an entry would inflate beyond POI's limits ({@link OoxmlText}).
 */
public final class Attachments {

    /** Why a document's text was not extracted. */
    public enum Refusal {
        /** Not PDF, DOCX, XLSX, HTML or plain text (by content). */
        UNSUPPORTED_TYPE,
        /** Larger than {@link Limits#maxBytes()}, or its PDF streams inflate beyond {@link Limits#maxInflatedBytes()}. */
        TOO_LARGE,
        /** A zip entry that inflates beyond the entry size or ratio limits. */
        ZIP_BOMB,
        /** Truncated or corrupt: the parser could not read it. */
        MALFORMED,
        /** Needs a password to open. */
        ENCRYPTED
    }

    /** What became of a document. */
    public sealed interface Extraction permits Extracted, Refused {}

    /** The document's text (at most {@link Limits#maxChars()}; {@code truncated} if there was more). */
    public record Extracted(String text, String mediaType, boolean truncated) implements Extraction {}

    /** The document was not read, for {@code refusal}; {@code mediaType} as detected. */
    public record Refused(Refusal refusal, String mediaType) implements Extraction {

        /** Says to a person that the attachment at {@code where} was not checked, and why. */
        public Msg message(String where) {
            return Msg.of("monitoring.content.refusal." + refusal.name(), where, mediaType);
        }
    }

    /**
     * How much a document may take: {@code maxBytes} of input, {@code maxChars} of text kept, and
     * {@code maxInflatedBytes} that a PDF's compressed streams may inflate to together (also PDFBox's budget of
     * temporary files).
     */
    public record Limits(int maxBytes, int maxChars, long maxInflatedBytes) {

        /** 20 MiB in, 2 M characters out, PDF streams inflating to 128 MiB. */
        public static final Limits DEFAULT = new Limits(20 * 1024 * 1024, 2_000_000, 128L * 1024 * 1024);

        public Limits {
            if (maxBytes <= 0 || maxChars <= 0 || maxInflatedBytes <= 0) {
                throw new IllegalArgumentException("limits");
            }
        }
    }

    static final String PDF = "application/pdf";
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-tika-ooxml");
    private static final Set<String> OLE2_TYPES =
            Set.of("application/x-tika-msoffice", "application/x-tika-ooxml-protected");
    private static final Set<String> MARKUP_TYPES = Set.of("application/xhtml+xml", "application/xml");

    private final Limits limits;

    public Attachments() {
        this(Limits.DEFAULT);
    }

    public Attachments(Limits limits) {
        this.limits = limits;
    }

    /** The text of the document in {@code bytes}, or why not. */
    public Extraction extract(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            return new Refused(Refusal.TOO_LARGE, "application/octet-stream");
        }
        String type;
        try {
            type = ContentSniffing.detect(bytes);
        } catch (RuntimeException unreadable) {
            return new Refused(Refusal.MALFORMED, "application/octet-stream");
        }
        try {
            if (type.equals(PDF)) {
                return PdfText.extract(bytes, limits);
            }
            if (ZIP_TYPES.contains(type) || type.startsWith("application/vnd.openxmlformats-officedocument.")) {
                return OoxmlText.extract(bytes, limits);
            }
            if (OLE2_TYPES.contains(type)) {
                return new Refused(
                        OoxmlText.isEncryptedPackage(bytes) ? Refusal.ENCRYPTED : Refusal.UNSUPPORTED_TYPE, type);
            }
            if (type.startsWith("text/") || MARKUP_TYPES.contains(type)) {
                return text(bytes, type);
            }
            return new Refused(Refusal.UNSUPPORTED_TYPE, type);
        } catch (RuntimeException | StackOverflowError unexpected) {
            // a parser's own failure on hostile input (a deep structure, an unchecked exception): the bytes are bad
            return new Refused(Refusal.MALFORMED, type);
        }
    }

    /**
     * Plain text and markup as text (HTML is scanned as its source, so a number in an attribute or a comment counts
     * too): a byte-order mark names the encoding, else UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset
     * of the GBK many Chinese sites still serve).
     */
    private Extraction text(byte[] bytes, String type) {
        String text = decode(bytes);
        boolean truncated = text.length() > limits.maxChars();
        return new Extracted(truncated ? text.substring(0, limits.maxChars()) : text, type, truncated);
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** Whether {@code problem}, or what caused it, is an exception whose message starts with {@code prefix}. */
    static boolean causedBy(Throwable problem, String prefix) {
        for (Throwable t = problem; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code problem}, or what caused it, is the text cap being reached. */
    static boolean capReached(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CappedText.Full) {
                return true;
            }
        }
        return false;
    }
}
