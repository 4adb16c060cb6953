package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.TestCatalog;
import org.yunjian.responsibility.internal.liability.Liability;

/** Which alerts open a supervision incident, and the table B.1 rows offered first for them. */
class CheckKindTest {

    private final Liability liability = TestCatalog.liability();

    @Test
    void onlyTamperingAndAvailabilityAlertsOpenAnIncident() {
        assertThat(Arrays.stream(CheckKind.values()).filter(CheckKind::opensIncident))
                .containsExactlyInAnyOrder(CheckKind.TAMPERING, CheckKind.AVAILABILITY);
    }

    @Test
    void theLikelyIncidentsAreRowsOfTableB1() {
        for (CheckKind k : EnumSet.of(CheckKind.TAMPERING, CheckKind.AVAILABILITY)) {
            assertThat(k.likelyIncidents()).as(k.name()).isNotEmpty().doesNotHaveDuplicates();
            k.likelyIncidents().forEach(id -> assertThat(liability.incident(RequirementId.of(id)))
                    .as(id)
                    .isPresent());
        }
        // the credentials the customer keeps (B.14) come first for a defaced page: the customer is liable
        assertThat(liability
                        .incident(RequirementId.of(
                                CheckKind.TAMPERING.likelyIncidents().get(0)))
                        .orElseThrow()
                        .liableRoles())
                .containsExactly(org.yunjian.catalog.PartyRole.CUSTOMER);
    }

    @Test
    void anAlertOpensOneIncidentOnly() {
        Alert open = alert(CheckKind.TAMPERING, null);
        assertThat(open.mayOpenIncident()).isTrue();
        assertThat(alert(CheckKind.TAMPERING, java.util.UUID.randomUUID()).mayOpenIncident())
                .isFalse();
        assertThat(alert(CheckKind.HIDDEN_LINK, null).mayOpenIncident()).isFalse();
    }

    @Test
    void theDraftQuotesTheFirstLinesOfALongDiffAndSaysItIsCut() {
        StringBuilder diff = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            diff.append("+第 ").append(i).append(" 行\n");
        }
        String summary = Alert.summary(diff.toString());
        assertThat(summary).contains("+第 40 行").doesNotContain("+第 41 行");
        assertThat(summary.lines().toList()).hasSize(Alert.DETAIL_LINES + 1);
        assertThat(Alert.summary("+一行")).isEqualTo("+一行");
    }

    private static Alert alert(CheckKind kind, java.util.UUID incident) {
        java.time.Instant now = java.time.Instant.now();
        return new Alert(
                java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(),
                kind,
                "page",
                org.yunjian.shared.Msg.of("monitoring.alert.recovered"),
                null,
                AlertStatus.OPEN,
                now,
                now,
                null,
                null,
                null,
                null,
                null,
                incident,
                0);
    }
}
