package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

class CreditCodeFuzzTests {

    /** Whatever the input, {@code of} either returns a valid code or throws its own validation exception. */
    @FuzzTest(maxDuration = "60s")
    void neverThrowsAnythingButItsOwnException(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        try {
            CreditCode code = CreditCode.of(input);
            assertThat(code.value()).hasSize(18);
            assertThat(CreditCode.of(code.value())).isEqualTo(code);
        } catch (CreditCode.InvalidCreditCodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
