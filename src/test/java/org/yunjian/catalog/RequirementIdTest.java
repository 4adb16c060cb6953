package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequirementIdTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MLPS-L3-8.2.4.7-a",
                "MLPS-L3-8.2.1.1",
                "GBT31167-9.4-c-1",
                "TCCIA004-A.1-3",
                "JRT-SF-8.1.3-b",
                "TCCIA004-B-12"
            })
    void acceptsWellFormedIds(String value) {
        assertThat(RequirementId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "MLPS",
                "mlps-l3-8.2.4.7-a",
                "MLPS-L3-8.2.4.7-A",
                "MLPS-L3-8.2.4.7-",
                "MLPS-L3 8.2.4.7",
                "MLPS-L3-8..2",
                "-8.2.4.7",
                "MLPS-L3-8.2.4.7-ab"
            })
    void rejectsMalformedIds(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequirementId.of(value))
                .withMessageContaining(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MLPS-L3-8.2.4.7-a"})
    void splitsStandardAndClause(String value) {
        RequirementId id = RequirementId.of(value);
        assertThat(id.standardCode()).isEqualTo("MLPS-L3");
        assertThat(id.clause()).isEqualTo("8.2.4.7");
    }
}
