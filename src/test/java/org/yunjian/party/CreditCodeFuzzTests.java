package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/** Seed corpus: {@code src/test/resources/org/yunjian/party/CreditCodeFuzzTestsInputs/} (UTF-8 text files). */
class CreditCodeFuzzTests {

    private static final AtomicInteger VALID = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    /** Whatever the input, {@code of} either returns a valid code or throws its own validation exception. */
    @FuzzTest(maxDuration = "60s")
    void neverThrowsAnythingButItsOwnException(FuzzedDataProvider data) {
        String input = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        try {
            CreditCode code = CreditCode.of(input);
            VALID.incrementAndGet();
            assertThat(code.value()).hasSize(18);
            assertThat(CreditCode.of(code.value())).isEqualTo(code);
        } catch (CreditCode.InvalidCreditCodeException expected) {
            REFUSED.incrementAndGet();
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /** The seeds reach both outcomes, so the regression run checks real codes, not only noise. */
    @AfterAll
    static void seedsReachBothOutcomes() {
        assertThat(VALID).as("valid codes among the inputs").hasPositiveValue();
        assertThat(REFUSED).as("refused codes among the inputs").hasPositiveValue();
    }
}
