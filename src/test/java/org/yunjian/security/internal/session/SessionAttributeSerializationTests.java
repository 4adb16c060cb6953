package org.yunjian.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionAttributeSerializationTests {

    record Problem(int row, String field) {}

    record TypedInput(String name, List<Problem> problems, Map<String, String> fields) {}

    static final class NotARecord {}

    private static Object roundTrip(Object value) {
        return SessionAttributeSerialization.deserialize(
                SessionAttributeSerialization.serialize(value),
                SessionAttributeSerializationTests.class.getClassLoader());
    }

    @Test
    void aFlashAttributeHoldingPlainRecordsSurvivesTheTripThroughTheDatabase() {
        TypedInput input = new TypedInput(
                "系统 A", List.of(new Problem(3, "name"), new Problem(7, "level")), Map.of("name", "系统 A"));
        assertThat(roundTrip(Map.of("teamInput", input, "count", 2))).isEqualTo(Map.of("teamInput", input, "count", 2));
    }

    @Test
    void anAttributeThatIsNeitherSerializableNorARecordIsRefusedNamingItsType() {
        assertThatThrownBy(() -> SessionAttributeSerialization.serialize(List.of(new NotARecord())))
                .hasMessageContaining("cannot be stored");
    }
}
