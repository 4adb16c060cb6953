package org.yunjian.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * In-memory inverted index over the catalog. Chinese (Han) runs are indexed as character unigrams and
 * bigrams, other text as lower-cased words with light English stemming; requirement ids and clause numbers
 * also as whole tokens. A query matches a requirement when every query term occurs in it (Chinese queries
 * by their bigrams, so 剩余信息 needs 剩余, 余信 and 信息); hits are ranked by BM25 over weighted fields.
 */
final class SearchIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /** term → (document → weighted term frequency). */
    private final Map<String, Map<Integer, Double>> postings = new HashMap<>();

    private final List<RequirementId> ids = new ArrayList<>();
    private final List<Double> lengths = new ArrayList<>();
    private final List<String> fullText = new ArrayList<>();
    private final Map<RequirementId, Integer> order = new HashMap<>();
    private final double averageLength;

    SearchIndex(Collection<Requirement> requirements) {
        Map<RequirementId, Requirement> byId = new HashMap<>();
        requirements.forEach(r -> byId.put(r.id(), r));
        double total = 0;
        for (Requirement r : requirements) {
            int doc = ids.size();
            ids.add(r.id());
            order.put(r.id(), doc);
            Map<String, Double> tf = new HashMap<>();
            StringBuilder all = new StringBuilder();
            add(tf, all, 4.0, r.id().value(), r.clause());
            tf.merge(r.id().value().toLowerCase(Locale.ROOT), 4.0, Double::sum);
            if (r.clause() != null) {
                tf.merge(r.clause().toLowerCase(Locale.ROOT), 4.0, Double::sum);
            }
            add(tf, all, 3.0, r.title(), r.titleEn());
            add(tf, all, 2.0, r.text(), r.textEn());
            for (Requirement.Note n : r.notes()) {
                add(tf, all, 1.0, n.text(), n.textEn());
            }
            if (r.mlps() != null) {
                add(tf, all, 1.0, r.mlps().controlPoint(), r.mlps().interpretation());
                add(tf, all, 0.5, r.mlps().expectedEvidence());
                if (r.mlps().testMethod() != null) {
                    add(tf, all, 0.5, r.mlps().testMethod().text());
                }
                if (r.mlps().criteria() != null) {
                    add(
                            tf,
                            all,
                            0.5,
                            r.mlps().criteria().compliant(),
                            r.mlps().criteria().partiallyCompliant(),
                            r.mlps().criteria().nonCompliant());
                }
            }
            for (Requirement.Footnote f : r.footnotes()) {
                add(tf, all, 1.0, f.text());
            }
            // the headings above an item (e.g. control point 剩余信息保护 above 8.2.4.7 a) and b))
            RequirementId up = r.parent();
            while (up != null && byId.containsKey(up)) {
                Requirement p = byId.get(up);
                add(tf, all, 1.0, p.title(), p.titleEn());
                up = p.parent();
            }
            double length =
                    tf.values().stream().mapToDouble(Double::doubleValue).sum();
            lengths.add(length);
            total += length;
            fullText.add(all.toString().toLowerCase(Locale.ROOT));
            tf.forEach((term, f) ->
                    postings.computeIfAbsent(term, t -> new HashMap<>()).put(doc, f));
        }
        averageLength = ids.isEmpty() ? 1 : total / ids.size();
    }

    private static void add(Map<String, Double> tf, StringBuilder all, double weight, String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            all.append(text).append('\n');
            for (String term : terms(text, true)) {
                tf.merge(term, weight, Double::sum);
            }
        }
    }

    List<SearchHit> search(String query, Map<RequirementId, Requirement> requirements, RequirementFilter filter) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>(terms(query, false));
        String whole = query.strip().toLowerCase(Locale.ROOT);
        if (postings.containsKey(whole)) {
            terms = Set.of(whole); // an id or clause number
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        Map<Integer, Double> scores = null;
        int n = ids.size();
        for (String term : terms) {
            Map<Integer, Double> posting = postings.getOrDefault(term, Map.of());
            double idf = Math.log(1 + (n - posting.size() + 0.5) / (posting.size() + 0.5));
            Map<Integer, Double> next = new HashMap<>();
            for (Map.Entry<Integer, Double> e : posting.entrySet()) {
                if (scores != null && !scores.containsKey(e.getKey())) {
                    continue;
                }
                double f = e.getValue();
                double norm = f * (K1 + 1) / (f + K1 * (1 - B + B * lengths.get(e.getKey()) / averageLength));
                next.put(e.getKey(), (scores == null ? 0 : scores.get(e.getKey())) + idf * norm);
            }
            scores = next;
            if (scores.isEmpty()) {
                return List.of();
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : scores.entrySet()) {
            Requirement r = requirements.get(ids.get(e.getKey()));
            if (r != null && filter.matches(r)) {
                double phrase = fullText.get(e.getKey()).contains(whole) ? 1.5 : 1.0;
                hits.add(new SearchHit(r, e.getValue() * phrase));
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score)
                .reversed()
                .thenComparing(h -> order.get(h.requirement().id())));
        return List.copyOf(hits);
    }

    /**
     * Terms of {@code text}. Han runs give bigrams (and, when indexing or for a one-character run, unigrams);
     * other letters and digits give stemmed lower-case words.
     */
    static List<String> terms(String text, boolean indexing) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int len = text.length();
        while (i < len) {
            int cp = text.codePointAt(i);
            if (isHan(cp)) {
                List<String> run = new ArrayList<>();
                while (i < len && isHan(text.codePointAt(i))) {
                    int c = text.codePointAt(i);
                    run.add(new String(Character.toChars(c)));
                    i += Character.charCount(c);
                }
                for (int k = 0; k < run.size(); k++) {
                    if (indexing || run.size() == 1) {
                        out.add(run.get(k));
                    }
                    if (k + 1 < run.size()) {
                        out.add(run.get(k) + run.get(k + 1));
                    }
                }
            } else if (Character.isLetterOrDigit(cp)) {
                StringBuilder word = new StringBuilder();
                while (i < len) {
                    int c = text.codePointAt(i);
                    if (!Character.isLetterOrDigit(c) || isHan(c)) {
                        break;
                    }
                    word.appendCodePoint(Character.toLowerCase(c));
                    i += Character.charCount(c);
                }
                String w = stem(word.toString());
                if (!w.isEmpty() && !(w.length() == 1 && !indexing && Character.isLetter(w.charAt(0)))) {
                    out.add(w);
                }
            } else {
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static final String[][] SUFFIXES = {
        {"ational", "ate"},
        {"ations", ""},
        {"ation", ""},
        {"ities", ""},
        {"ity", ""},
        {"ness", ""},
        {"ments", ""},
        {"ment", ""},
        {"ings", ""},
        {"ing", ""},
        {"ies", "y"},
        {"ied", "y"},
        {"ed", ""},
        {"es", ""},
        {"s", ""},
        {"al", ""},
        {"e", ""}
    };

    /** A light English stemmer: information/informed/informs → inform, residual/residue → residu. */
    static String stem(String word) {
        if (word.length() <= 3 || !word.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return word;
        }
        for (String[] s : SUFFIXES) {
            if (word.endsWith(s[0]) && word.length() - s[0].length() >= 3) {
                if (s[0].equals("s") && word.endsWith("ss")) {
                    return word;
                }
                return word.substring(0, word.length() - s[0].length()) + s[1];
            }
        }
        return word;
    }
}
