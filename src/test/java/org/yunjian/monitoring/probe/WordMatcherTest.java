package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.WordList.Accepted;
import org.yunjian.monitoring.probe.WordList.Problem;
import org.yunjian.monitoring.probe.WordList.Refused;

class WordMatcherTest {

    static final String PAGE = "https://www.example.gov.cn/news/2.html";

    static WordList list(String text) {
        return ((Accepted) WordList.parse(text)).list();
    }

    @Test
    void findsWordsWithTheirOffsetAndAboutTwentyCharactersOfContextEitherSide() {
        WordMatcher matcher = WordMatcher.of(list("示例敏感词一\n测试违规词"));
        String before = "本网站发布的通知公告如下所述各位市民请注意查看详细内容"; // 27 characters
        String after = "以上内容仅用于测试网站监测功能是否正常工作谢谢合作";
        String text = before + "示例敏感词一" + after + "另有测试违规词。";
        List<WordMatch> matches = matcher.find(text);
        assertThat(matches).extracting(WordMatch::word).containsExactly("示例敏感词一", "测试违规词");
        WordMatch first = matches.get(0);
        assertThat(first.offset()).isEqualTo(before.length());
        assertThat(first.context())
                .isEqualTo(before.substring(before.length() - 20) + "示例敏感词一" + after.substring(0, 20));
        assertThat(matches.get(1).offset()).isEqualTo(text.indexOf("测试违规词"));
    }

    @Test
    void foldsFullWidthLatinAndCaseBothWays() {
        WordMatcher matcher = WordMatcher.of(list("sample-word-one\nＳＡＭＰＬＥ－ＷＯＲＤ－ＴＷＯ"));
        String text = "甲：ＳＡＭＰＬＥ－ＷＯＲＤ－ＯＮＥ；乙：Sample-Word-Two。";
        List<WordMatch> matches = matcher.find(text);
        assertThat(matches).extracting(WordMatch::word).containsExactly("sample-word-one", "ＳＡＭＰＬＥ－ＷＯＲＤ－ＴＷＯ");
        assertThat(matches).extracting(WordMatch::offset).containsExactly(2, text.indexOf("Sample"));
        assertThat(matches.get(0).context()).contains("ＳＡＭＰＬＥ－ＷＯＲＤ－ＯＮＥ");
    }

    @Test
    void reportsOffsetsInTheOriginalTextAfterFoldsThatChangeLength() {
        WordMatcher matcher = WordMatcher.of(list("测试违规词\nfile"));
        // ㍿ folds to four characters (株式会社), ﬁ to two (fi), é written as e and a combining accent to one
        String text = "前文㍿ e\u0301 ﬁle 测试违规词";
        List<WordMatch> matches = matcher.find(text);
        assertThat(matches).extracting(WordMatch::word).containsExactly("file", "测试违规词");
        assertThat(matches).extracting(WordMatch::offset).containsExactly(text.indexOf("ﬁ"), text.indexOf("测"));
    }

    @Test
    void oneFindingPerWordWithWhereAndHowOften() {
        WordMatcher matcher = WordMatcher.of(list("测试违规词\n占位关键词\n没有出现的词"));
        String text = "测试违规词，又是测试违规词，还有占位关键词。";
        List<Finding> findings = matcher.findings(text, PAGE);
        assertThat(findings).extracting(Finding::kind).containsOnly(CheckKind.HARMFUL_CONTENT);
        assertThat(findings).extracting(Finding::subject).containsExactly("测试违规词 @ " + PAGE, "占位关键词 @ " + PAGE);
        assertThat(findings.get(0).message().key()).isEqualTo("monitoring.content.harmful");
        assertThat(findings.get(0).message().args()).containsExactly("测试违规词", PAGE, 2);
        assertThat(findings.get(0).detail()).startsWith("测试违规词，又是测试违规词");
    }

    @Test
    void contextMasksPersonalNumbersNearTheWord() {
        String id = PersonalNumbersForTests.residentId("110105", "19491001");
        WordMatcher matcher = WordMatcher.of(list("测试违规词"));
        List<Finding> findings = matcher.findings("身份证" + id + "测试违规词，电话13812345678", PAGE);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.detail()).contains("110105********").contains("138****5678");
            assertThat(f.detail()).doesNotContain(id).doesNotContain("13812345678");
        });
    }

    @Test
    void listsEachWordAHundredTimesAtMostButCountsThemAll() {
        WordMatcher matcher = WordMatcher.of(list("测试违规词"));
        String text = "测试违规词。".repeat(1000);
        assertThat(matcher.find(text)).hasSize(WordMatcher.MAX_PER_WORD);
        assertThat(matcher.findings(text, PAGE).get(0).message().args()).contains(1000);
    }

    @Test
    void findsNothingWithAnEmptyListOrText() {
        assertThat(WordMatcher.of(list("# only a comment\n\n")).find("测试违规词")).isEmpty();
        assertThat(WordMatcher.of(list("测试违规词")).find("")).isEmpty();
    }

    @Test
    void parseTrimsSkipsCommentsAndBlankLinesAndMergesFoldedDuplicates() {
        WordList parsed = list("\uFEFF# 示例词表\n  测试违规词  \n\n#注释\nABC\nabc\nＡＢＣ\r\n测试违规词\n　占位关键词　");
        assertThat(parsed.words()).containsExactly("测试违规词", "ABC", "占位关键词");
    }

    @Test
    void acceptsTenThousandWords() {
        String text = "# 大词表\n" + words(WordList.MAX_WORDS);
        assertThat(WordList.parse(text))
                .isInstanceOfSatisfying(
                        Accepted.class, a -> assertThat(a.list().size()).isEqualTo(10_000));
    }

    @Test
    void refusesTenThousandAndOneWordsNamingTheLine() {
        String text = "# 大词表\n" + words(WordList.MAX_WORDS + 1);
        assertThat(WordList.parse(text)).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.problem()).isEqualTo(Problem.TOO_MANY_WORDS);
            assertThat(r.line()).isEqualTo(10_002);
            assertThat(r.message().key()).isEqualTo("monitoring.content.wordList.TOO_MANY_WORDS");
            assertThat(r.message().args()).containsExactly(10_002, 10_000);
        });
    }

    @Test
    void refusesALineOverFiftyCharactersNamingIt() {
        String fifty = "词".repeat(50);
        assertThat(WordList.parse(fifty)).isInstanceOf(Accepted.class);
        assertThat(WordList.parse("测试违规词\n\n" + fifty + "长\n占位关键词")).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.problem()).isEqualTo(Problem.LINE_TOO_LONG);
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.message().args()).containsExactly(3, 50);
        });
    }

    @Test
    void refusesAFileThatIsNotUtf8NamingTheLine() {
        byte[] gbk = "测试违规词\n占位关键词\n示例敏感词一".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThat(WordList.parse(gbk)).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.problem()).isEqualTo(Problem.NOT_UTF8);
            assertThat(r.line()).isEqualTo(1);
        });
        byte[] laterLine = ("测试违规词\n占位关键词\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(laterLine, laterLine.length + 2);
        bad[laterLine.length] = (byte) 0xC3; // a lead byte without its continuation
        bad[laterLine.length + 1] = '!';
        assertThat(WordList.parse(bad))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.line()).isEqualTo(3));
        assertThat(WordList.parse("测试违规词".getBytes(StandardCharsets.UTF_8))).isInstanceOf(Accepted.class);
    }

    @Test
    void theShippedSampleIsTenPlaceholderWordsMarkedAsSample() throws Exception {
        WordList sample = WordList.sample();
        assertThat(sample.words()).hasSize(10).contains("示例敏感词一", "测试违规词");
        String file;
        try (var in = WordList.class.getResourceAsStream("/monitoring/sample-words.txt")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(file.lines().findFirst().orElseThrow())
                .startsWith("#")
                .contains("示例")
                .contains("SAMPLE");
    }

    @Test
    void matchesAmongTenThousandWords() {
        WordMatcher matcher = WordMatcher.of(list(words(WordList.MAX_WORDS - 1) + "\n测试违规词"));
        String text = "正文".repeat(50_000) + "测试违规词" + "word5000" + "正文".repeat(50_000);
        // word5, word50 and word500 are listed too, and inside word5000
        assertThat(matcher.find(text))
                .extracting(WordMatch::word)
                .containsExactly("测试违规词", "word5", "word50", "word500", "word5000");
    }

    private static String words(int n) {
        return IntStream.range(0, n).mapToObj(i -> "word" + i).collect(Collectors.joining("\n"));
    }
}
