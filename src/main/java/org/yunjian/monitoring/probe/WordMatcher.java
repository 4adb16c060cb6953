package org.yunjian.monitoring.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.Trie;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Msg;

/**
 * Finds the words of a {@link WordList} in a page's or an attachment's text (有害信息, guide 8.4.1.3 a) in one pass
 * whatever the list's length (Aho–Corasick), with words and text folded alike ({@link TextFold}: NFKC, lower case),
 * so {@code ＳＡＭＰＬＥ} in a page matches {@code sample} in the list. Built once per list and safe to share between
 * threads.
 *
 * <p>A hostile page can repeat a word millions of times: each word's first {@value #MAX_PER_WORD} occurrences are
 * listed, the rest only counted.
 */
public final class WordMatcher {

    /** Characters of context shown either side of a match. */
    public static final int CONTEXT = 20;

    static final int MAX_PER_WORD = 100;

    private static final PrivacyScanner MASKING = new PrivacyScanner();

    private final Trie trie;
    private final Map<String, String> wordByFolded;

    private WordMatcher(Trie trie, Map<String, String> wordByFolded) {
        this.trie = trie;
        this.wordByFolded = wordByFolded;
    }

    public static WordMatcher of(WordList list) {
        Map<String, String> byFolded = new HashMap<>();
        for (String word : list.words()) {
            byFolded.putIfAbsent(TextFold.fold(word), word);
        }
        Trie trie = Trie.builder().addKeywords(byFolded.keySet()).build();
        return new WordMatcher(trie, Map.copyOf(byFolded));
    }

    /** Every occurrence of a listed word (up to {@value #MAX_PER_WORD} for each word), in the order of the text. */
    public List<WordMatch> find(String text) {
        List<WordMatch> out = new ArrayList<>();
        scan(text, new HashMap<>(), out);
        return out;
    }

    /**
     * One {@link CheckKind#HARMFUL_CONTENT} finding for each listed word in the text: its subject the word and
     * {@code where} (the page or attachment URI), its message the word, where and how often, its detail the first
     * occurrence in context.
     */
    public List<Finding> findings(String text, String where) {
        Map<String, Integer> counts = new HashMap<>();
        List<WordMatch> matches = new ArrayList<>();
        scan(text, counts, matches);
        Map<String, WordMatch> first = new LinkedHashMap<>();
        for (WordMatch m : matches) {
            first.putIfAbsent(m.word(), m);
        }
        List<Finding> out = new ArrayList<>(first.size());
        for (WordMatch m : first.values()) {
            out.add(new Finding(
                    CheckKind.HARMFUL_CONTENT,
                    m.word() + " @ " + where,
                    Msg.of("monitoring.content.harmful", m.word(), where, counts.get(m.word())),
                    m.context()));
        }
        return out;
    }

    private void scan(String text, Map<String, Integer> counts, List<WordMatch> out) {
        if (text == null || text.isEmpty() || wordByFolded.isEmpty()) {
            return;
        }
        TextFold fold = TextFold.of(text);
        trie.parseText(fold.text(), emit -> {
            String word = wordByFolded.get(emit.getKeyword());
            int seen = counts.merge(word, 1, Integer::sum);
            if (seen <= MAX_PER_WORD) {
                int[] at = fold.original(emit.getStart(), emit.getEnd() + 1);
                out.add(new WordMatch(word, at[0], MASKING.maskedContext(text, at[0], at[1])));
            }
            return true;
        });
        out.sort(java.util.Comparator.comparingInt(WordMatch::offset));
    }
}
