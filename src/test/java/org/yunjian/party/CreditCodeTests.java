package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yunjian.party.CreditCode.InvalidCreditCodeException;
import org.yunjian.party.CreditCode.Problem;

class CreditCodeTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y43", // published example (GB 32100-2015 samples, widely cited)
                "91110105000000000U", // computed: all-zero body, check over zeros is U
                "11100000000013127D", // computed: registration 1 (government body)
                "52440300MJL1234565" // computed: registration 5 (social organisation), letters in the body
            })
    void acceptsValidCodes(String code) {
        assertThat(CreditCode.of(code).value()).isEqualTo(code);
    }

    @Test
    void computesTheCheckCharacterOfThePublishedExample() {
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void normalisesSurroundingSpaceAndLowerCase() {
        assertThat(CreditCode.of("  91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.of("91350100M000100Y43")).isEqualTo(CreditCode.of("91350100m000100y43"));
    }

    @Test
    void exposesTheDivisionCode() {
        assertThat(CreditCode.of("91350100M000100Y43").divisionCode()).isEqualTo("350100");
    }

    @Test
    void namesTheExpectedCheckCharacter() {
        assertThatThrownBy(() -> CreditCode.of("91350100M000100Y44"))
                .isInstanceOfSatisfying(InvalidCreditCodeException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.CHECK_CHARACTER);
                    assertThat(e.expected()).isEqualTo("3");
                    assertThat(e.text()).isEqualTo(org.yunjian.shared.Msg.of("party.error.creditCode.check", "3"));
                });
    }

    @ParameterizedTest
    @CsvSource({
        "91350100M000100Y4, LENGTH, 17",
        "91350100M000100Y433, LENGTH, 19",
        "91350100I000100Y43, ILLEGAL_CHARACTER, 9",
        "91350100M000100O43, ILLEGAL_CHARACTER, 16",
        "9135010-M000100Y43, ILLEGAL_CHARACTER, 8",
        "913501Z0M000100Y43, ILLEGAL_CHARACTER, 7",
        "9135A100M000100Y43, DIVISION_NOT_DIGITS, 5",
        "91350100M000100Y4S, ILLEGAL_CHARACTER, 18"
    })
    void rejectsMalformedCodesNamingThePosition(String code, Problem problem, int position) {
        assertThatThrownBy(() -> CreditCode.of(code)).isInstanceOfSatisfying(InvalidCreditCodeException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.position()).isEqualTo(position);
        });
    }

    @Test
    void rejectsMissingCodes() {
        assertThatThrownBy(() -> CreditCode.of(null))
                .isInstanceOfSatisfying(InvalidCreditCodeException.class, e -> assertThat(e.problem())
                        .isEqualTo(Problem.MISSING));
        assertThatThrownBy(() -> CreditCode.of("   ")).isInstanceOf(InvalidCreditCodeException.class);
    }

    @Test
    void rejectsFullWidthDigits() {
        assertThatThrownBy(() -> CreditCode.of("９1350100M000100Y43"))
                .isInstanceOfSatisfying(InvalidCreditCodeException.class, e -> assertThat(e.position())
                        .isEqualTo(1));
    }

    @Test
    void generatedCodesAreValid() {
        for (int i = 0; i < 200; i++) {
            String code = PartyTestSupport.newCreditCode();
            assertThat(CreditCode.of(code).value()).isEqualTo(code);
        }
    }

    @Test
    void everyWrongCheckCharacterIsRejected() {
        String body = "91350100M000100Y4";
        for (char c : CreditCode.CHARSET.toCharArray()) {
            if (c != '3') {
                assertThatThrownBy(() -> CreditCode.of(body + c)).isInstanceOf(InvalidCreditCodeException.class);
            }
        }
    }
}
