package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.monitoring.probe.PersonalNumbersForTests.luhn;
import static org.yunjian.monitoring.probe.PersonalNumbersForTests.residentId;
import static org.yunjian.monitoring.probe.PersonalNumbersForTests.withLuhnDigit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.PrivacyScanner.Found;
import org.yunjian.monitoring.probe.PrivacyScanner.Kind;

class PrivacyScannerTest {

    /** 2026-11-26 in Beijing. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    final PrivacyScanner scanner = new PrivacyScanner(TODAY);

    static final String PAGE = "https://www.example.gov.cn/notice/1.html";

    @Test
    void reportsResidentIdWithValidCheckCharacterMasked() {
        String id = residentId("110105", "19491001");
        List<Finding> findings = scanner.findings("公示名单：张三，身份证号 " + id + "，住址略。", PAGE);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CheckKind.PRIVACY_LEAK);
            assertThat(f.subject()).isEqualTo("110105********" + id.substring(14) + " @ " + PAGE);
            assertThat(f.message().key()).isEqualTo("monitoring.content.privacy.ID_CARD");
            assertThat(f.detail()).contains("身份证号 110105********" + id.substring(14));
        });
        assertNowhereInFull(findings, id);
    }

    @Test
    void reportsResidentIdEndingInX() {
        String id = residentId("440305", "19880229", n -> n.endsWith("X"));
        assertThat(scanner.find("号码" + id + "。")).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ID_CARD);
            assertThat(f.masked())
                    .isEqualTo("440305********" + id.substring(14))
                    .endsWith("X");
        });
        String lower = id.substring(0, 17) + "x";
        assertThat(scanner.find(lower)).extracting(Found::kind).containsExactly(Kind.ID_CARD);
    }

    @Test
    void reportsResidentIdInFullWidthDigits() {
        String id = residentId("320102", "20000101");
        StringBuilder wide = new StringBuilder();
        id.chars().forEach(c -> wide.append((char) (c == 'X' ? 0xFF38 : c + 0xFEE0)));
        assertThat(scanner.find("证件：" + wide)).extracting(Found::kind).containsExactly(Kind.ID_CARD);
        assertThat(scanner.masked(wide.toString())).contains("********");
    }

    @Test
    void ignoresResidentIdWithWrongCheckCharacter() {
        String id = residentId("110105", "19491001");
        String wrong = Arrays.stream("0123456789X".split(""))
                .map(c -> id.substring(0, 17) + c)
                .filter(n -> !n.equals(id) && notACard(n))
                .findFirst()
                .orElseThrow();
        assertThat(scanner.find("身份证号 " + wrong)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"19990230", "19991301", "20261127", "18991231", "00000000"})
    void ignoresResidentIdWithImpossibleBirthDate(String birth) {
        String id = residentId("110105", birth, PrivacyScannerTest::notACard);
        assertThat(scanner.find("身份证号 " + id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100105", "160105", "240105", "390105", "470105", "550105", "660105", "720105", "830105"})
    void ignoresResidentIdWithUnknownProvince(String region) {
        String id = residentId(region, "19800101", PrivacyScannerTest::notACard);
        assertThat(scanner.find("身份证号 " + id)).isEmpty();
    }

    @Test
    void acceptsEveryProvinceCode() {
        for (String province :
                List.of("11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82")) {
            String id = residentId(province + "0101", "19800101");
            assertThat(scanner.find(id)).as(province).extracting(Found::kind).containsExactly(Kind.ID_CARD);
        }
    }

    @Test
    void ignoresResidentIdInsideLongerDigitRun() {
        String id = residentId("110105", "19491001", n -> !n.endsWith("X"));
        String run = "9" + id + "7";
        assertThat(scanner.find("订单号 " + run)).extracting(Found::kind).doesNotContain(Kind.ID_CARD);
        assertThat(scanner.find("订单号 " + run)).isEmpty(); // 20 digits: no card either
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13812345678",
                "+8613812345678",
                "8613812345678",
                "+86 138 1234 5678",
                "86-138-1234-5678",
                "138 1234 5678",
                "138-1234-5678"
            })
    void reportsMobileNumbersWithAndWithoutPrefixAndSeparators(String number) {
        List<Finding> findings = scanner.findings("联系电话：" + number + "（工作日）", PAGE);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("138****5678 @ " + PAGE);
            assertThat(f.message().key()).isEqualTo("monitoring.content.privacy.MOBILE");
        });
        assertNowhereInFull(findings, "13812345678");
        assertNowhereInFull(findings, "1234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"113812345678", "138123456789", "12812345678", "1381234567", "20261126138123456780"})
    void ignoresMobileLikeDigitsThatAreNot(String digits) {
        assertThat(scanner.find("编号 " + digits + " 。")).isEmpty();
    }

    @Test
    void reportsLuhnValidCardNumbersOfSixteenToNineteenDigits() {
        for (String prefix : List.of("622202123456789", "62220212345678901", "622848001234567890")) {
            String card = withLuhnDigit(prefix);
            List<Finding> findings = scanner.findings("退款账户 " + card + " 。", PAGE);
            assertThat(findings).as(card).singleElement().satisfies(f -> {
                assertThat(f.message().key()).isEqualTo("monitoring.content.privacy.BANK_CARD");
                assertThat(f.subject())
                        .startsWith(card.substring(0, 6)
                                + "*".repeat(card.length() - 10)
                                + card.substring(card.length() - 4));
            });
            assertNowhereInFull(findings, card);
        }
    }

    @Test
    void reportsCardNumberGroupedInFours() {
        String card = withLuhnDigit("622202123456789");
        String grouped = card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        assertThat(grouped)
                .isEqualTo(card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " "
                        + card.substring(12));
        List<Finding> findings = scanner.findings("卡号：" + grouped, PAGE);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.subject())
                .startsWith("622202******"));
        assertNowhereInFull(findings, card);
        assertNowhereInFull(findings, grouped);
    }

    @Test
    void ignoresCardNumbersFailingLuhnOrInsideLongerRuns() {
        String card = withLuhnDigit("622202123456789");
        char last = card.charAt(15);
        String broken = card.substring(0, 15) + (char) (last == '9' ? '0' : last + 1);
        assertThat(scanner.find("卡号 " + broken)).isEmpty();
        String longer = withLuhnDigit("62220212345678901234"); // 21 digits: no card has so many
        assertThat(scanner.find("流水 " + longer)).isEmpty();
    }

    @Test
    void maskingKeepsLengthAndHidesTheMiddleOfEveryNumber() {
        String id = residentId("110105", "19491001");
        String card = withLuhnDigit("622202123456789");
        String text = "身份证 " + id + "\n手机 +86 138-1234-5678\n卡 " + card;
        String masked = scanner.masked(text);
        assertThat(masked).hasSameSizeAs(text);
        assertThat(masked)
                .contains("110105********" + id.substring(14))
                .contains("+86 138-****-5678")
                .contains("622202******" + card.substring(12))
                .doesNotContain(id)
                .doesNotContain(card);
    }

    @Test
    void detailIsContextWithEveryNumberMaskedEvenAtItsEdges() {
        String id = residentId("110105", "19491001");
        String other = residentId("310101", "19700101");
        String text = "甲" + other + "乙丙丁：身份证号 " + id + " 戊己庚" + other;
        Finding first = scanner.findings(text, PAGE).stream()
                .filter(f -> f.subject().startsWith("110105"))
                .findFirst()
                .orElseThrow();
        assertThat(first.detail()).doesNotContain(other.substring(0, 10)).doesNotContain(id.substring(6, 14));
        assertThat(first.detail()).contains("身份证号 110105********");
    }

    /** Whether 18 characters that are no 身份证号 are no card number either (else they are rightly reported as one). */
    static boolean notACard(String n) {
        return n.endsWith("X") || !luhn(n);
    }

    /** The number appears neither in the subject, nor in the message's arguments, nor in the detail. */
    static void assertNowhereInFull(List<Finding> findings, String number) {
        for (Finding f : findings) {
            assertThat(f.subject()).doesNotContain(number);
            assertThat(f.detail()).doesNotContain(number);
            for (Object arg : f.message().args()) {
                assertThat(String.valueOf(arg)).doesNotContain(number);
            }
        }
    }
}
