package org.yunjian.monitoring.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.yunjian.monitoring.probe.Attachments.Extracted;
import org.yunjian.monitoring.probe.Attachments.Extraction;
import org.yunjian.monitoring.probe.Attachments.Refusal;
import org.yunjian.monitoring.probe.Attachments.Refused;

/**
 * A PDF's text with PDFBox, within {@link Attachments.Limits#maxInflatedBytes()}.
 *
 * <p>PDFBox 3.0 decodes every stream it reads (content, fonts, object and cross-reference streams) into a buffer on
 * the heap; its stream cache ({@link MemoryUsageSetting}, here temporary files within the same budget) holds only the
 * document's own scratch data. So before PDFBox sees the bytes, every flate stream in them is inflated once, counting
 * and discarding: a PDF whose streams inflate beyond the budget together (a flate bomb) is refused as
 * {@link Refusal#TOO_LARGE} and never parsed. Not counted are flate streams behind an ASCII filter, encrypted streams
 * and other expanding filters (LZW, run length): their growth is bounded only by the input's size limit times their
 * ratio. (PDFBox drops a repeated filter, so flate inside flate is never inflated twice.) A PDF that needs a user password is {@link Refusal#ENCRYPTED}; one with only an owner password opens as any
 * reader opens it.
 */
final class PdfText {

    /** How PDFBox says the scratch budget is spent (pdfbox-io {@code ScratchFile}). */
    private static final String SCRATCH_EXCEEDED = "Maximum allowed scratch file memory";

    private static final byte[] STREAM = {'s', 't', 'r', 'e', 'a', 'm'};

    private PdfText() {}

    static Extraction extract(byte[] bytes, Attachments.Limits limits) {
        if (inflatesBeyond(bytes, limits.maxInflatedBytes())) {
            return new Refused(Refusal.TOO_LARGE, Attachments.PDF);
        }
        MemoryUsageSetting scratch = MemoryUsageSetting.setupTempFileOnly(limits.maxInflatedBytes());
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null, scratch.streamCache)) {
            CappedText text = new CappedText(limits.maxChars());
            try {
                new PDFTextStripper().writeText(document, text);
            } catch (IOException | RuntimeException e) {
                if (!Attachments.capReached(e)) {
                    throw e;
                }
            }
            return new Extracted(text.toString(), Attachments.PDF, text.truncated());
        } catch (InvalidPasswordException e) {
            return new Refused(Refusal.ENCRYPTED, Attachments.PDF);
        } catch (IOException | RuntimeException e) {
            return new Refused(
                    Attachments.causedBy(e, SCRATCH_EXCEEDED) ? Refusal.TOO_LARGE : Refusal.MALFORMED, Attachments.PDF);
        }
    }

    /** Whether the flate streams after the {@code stream} keywords inflate to more than {@code budget} together. */
    static boolean inflatesBeyond(byte[] pdf, long budget) {
        long room = budget;
        for (int at = indexOf(pdf, 0); at >= 0; at = indexOf(pdf, at + STREAM.length)) {
            boolean keyword = at < 3 || pdf[at - 3] != 'e' || pdf[at - 2] != 'n' || pdf[at - 1] != 'd';
            int data = at + STREAM.length;
            data += data < pdf.length && pdf[data] == '\r' ? 1 : 0;
            data += data < pdf.length && pdf[data] == '\n' ? 1 : 0;
            if (keyword && data + 1 < pdf.length && isZlibHeader(pdf[data], pdf[data + 1])) {
                room -= inflated(new ByteArrayInputStream(pdf, data, pdf.length - data), room + 1);
                if (room < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a zlib stream inflates to, counted up to {@code limit}; corrupt data ends it. */
    private static long inflated(InputStream zlib, long limit) {
        long count = 0;
        try (InputStream out = new InflaterInputStream(zlib)) {
            byte[] sink = new byte[64 * 1024];
            for (int n = out.read(sink); n >= 0 && count < limit; n = out.read(sink)) {
                count += n;
            }
        } catch (IOException corrupt) {
            // PDFBox decides what a corrupt stream means; what inflated so far is counted
        }
        return count;
    }

    /** RFC 1950: deflate with a window of at most 32 KiB, and a header check that is a multiple of 31. */
    private static boolean isZlibHeader(byte cmf, byte flg) {
        return (cmf & 0x0F) == 8 && (cmf & 0xF0) <= 0x70 && ((cmf & 0xFF) * 256 + (flg & 0xFF)) % 31 == 0;
    }

    private static int indexOf(byte[] bytes, int from) {
        outer:
        for (int i = from; i <= bytes.length - STREAM.length; i++) {
            for (int k = 0; k < STREAM.length; k++) {
                if (bytes[i + k] != STREAM[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
