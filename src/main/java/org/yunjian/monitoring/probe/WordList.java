package org.yunjian.monitoring.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yunjian.shared.Msg;

/**
 * An organisation's list of harmful-content words (有害信息关键词, guide 8.4.1.3 a), as imported: UTF-8 text, one word
 * per line; surrounding spaces are trimmed, blank lines and lines starting with {@code #} are comments. Words that fold
 * to the same form ({@link TextFold}: 全角/半角, upper/lower case) are one word, kept as first written.
 *
 * <p>The organisation brings its own list; Yunjian ships only {@link #sample()}, placeholder words for trying the
 * monitor out, never a regulator's list. A list is bounded ({@value #MAX_WORDS} words of at most {@value #MAX_LENGTH}
 * characters) so one import cannot make every page scan slow.
 */
public final class WordList {

    public static final int MAX_WORDS = 10_000;
    public static final int MAX_LENGTH = 50;

    private static final String SAMPLE = "/monitoring/sample-words.txt";

    private final List<String> words;

    private WordList(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** Why an imported list was refused. */
    public enum Problem {
        /** A word longer than {@value WordList#MAX_LENGTH} characters. */
        LINE_TOO_LONG,
        /** More than {@value WordList#MAX_WORDS} different words. */
        TOO_MANY_WORDS,
        /** The file is not UTF-8 text. */
        NOT_UTF8
    }

    /** The outcome of reading an imported list: the list, or why it was refused. */
    public sealed interface Parsed permits Accepted, Refused {}

    public record Accepted(WordList list) implements Parsed {}

    /** The list was refused at {@code line} (1-based) for {@code problem}; nothing of it is used. */
    public record Refused(Problem problem, int line) implements Parsed {

        /** Says it to the person who imported the list, naming the line. */
        public Msg message() {
            int limit = problem == Problem.LINE_TOO_LONG ? MAX_LENGTH : MAX_WORDS;
            return Msg.of("monitoring.content.wordList." + problem.name(), line, limit);
        }
    }

    /** Reads an imported file, refusing bytes that are not UTF-8 (a GBK file would otherwise import garbled words). */
    public static Parsed parse(byte[] utf8) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += utf8[i] == '\n' ? 1 : 0;
            }
            return new Refused(Problem.NOT_UTF8, line);
        }
        return parse(out.flip().toString());
    }

    /** Reads a list's text; the first problem found refuses it, naming its line. */
    public static Parsed parse(String text) {
        Map<String, String> byFolded = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String word = lines[i].strip();
            if (i == 0 && word.startsWith("\uFEFF")) {
                word = word.substring(1).strip();
            }
            if (word.isEmpty() || word.startsWith("#")) {
                continue;
            }
            if (word.codePointCount(0, word.length()) > MAX_LENGTH) {
                return new Refused(Problem.LINE_TOO_LONG, i + 1);
            }
            String folded = TextFold.fold(word);
            if (folded.isBlank()) {
                continue;
            }
            if (byFolded.putIfAbsent(folded, word) == null && byFolded.size() > MAX_WORDS) {
                return new Refused(Problem.TOO_MANY_WORDS, i + 1);
            }
        }
        return new Accepted(new WordList(new ArrayList<>(byFolded.values())));
    }

    /** Placeholder words (示例敏感词一 …) shipped to try a monitor out; marked as a sample in the file itself. */
    public static WordList sample() {
        try (InputStream in = WordList.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SAMPLE);
            }
            return ((Accepted) parse(in.readAllBytes())).list();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words as first written, in the order of the list. */
    public List<String> words() {
        return words;
    }

    public int size() {
        return words.size();
    }
}
