package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;

/** The audit page's filter: dates are days of the users' zone (Beijing), as every time on the page is. */
class AuditQueryTest {

    @Test
    void aDateIsADayInTheUsersZone() {
        assertThat(Formats.zone().getId()).as("the default zone").isEqualTo("Asia/Shanghai");
        AuditQuery q = AuditQuery.parse(null, null, null, "2026-11-22", "2026-11-22", null, null);
        assertThat(q.filter().from()).isEqualTo(Instant.parse("2026-11-21T16:00:00Z"));
        assertThat(q.filter().to()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(AuditQuery.parse(null, null, null, "2026-11-21T08:00:00Z", null, null, null)
                        .filter()
                        .from())
                .isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void badFiltersAreNamedFieldByField() {
        assertThatThrownBy(() -> AuditQuery.parse(null, null, "MAYBE", "yesterday", null, -1, 0))
                .isInstanceOfSatisfying(FieldErrors.ValidationException.class, e -> assertThat(e.messages())
                        .containsOnlyKeys("outcome", "from", "page", "size"));
    }
}
