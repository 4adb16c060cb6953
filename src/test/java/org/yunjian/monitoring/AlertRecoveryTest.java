package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.net.Region;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * The rule of an alert's life, without a server: which alerts close themselves, on what a check judged; when a page is
 * slow; how a region line reads.
 */
class AlertRecoveryTest {

    static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    static Alert alert(CheckKind kind, String subject, AlertStatus status, String closedBy) {
        return new Alert(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                kind,
                subject,
                Msg.of("monitoring.alert.recovered"),
                null,
                status,
                T,
                T,
                null,
                null,
                closedBy,
                status.closed() ? T.plus(Duration.ofMinutes(75)) : null,
                null,
                null,
                0);
    }

    static Finding finding(CheckKind kind, String subject) {
        return new Finding(kind, subject, Msg.of("monitoring.alert.recovered"), null);
    }

    @Test
    void aSubjectJudgedAndNotFoundAgainRecovers() {
        CheckCoverage dns = CheckCoverage.all(CheckKind.DNS, List.of(finding(CheckKind.DNS, "203.0.113.9")));

        assertThat(alert(CheckKind.DNS, "198.51.100.7", AlertStatus.OPEN, null).recoveredIn(dns))
                .isTrue();
        assertThat(alert(CheckKind.DNS, "203.0.113.9", AlertStatus.ACKNOWLEDGED, null)
                        .recoveredIn(dns))
                .as("found again")
                .isFalse();
        assertThat(alert(CheckKind.TLS, "198.51.100.7", AlertStatus.OPEN, null).recoveredIn(dns))
                .as("another kind")
                .isFalse();
        assertThat(alert(CheckKind.DNS, "198.51.100.7", AlertStatus.CLOSED, "zhang")
                        .recoveredIn(dns))
                .as("closed by a person: stays closed")
                .isFalse();
        assertThat(alert(CheckKind.DNS, "198.51.100.7", AlertStatus.OPEN, null)
                        .recoveredIn(CheckCoverage.none(CheckKind.DNS)))
                .as("a check that could not look")
                .isFalse();
    }

    @Test
    void whatAPersonJudgesIsNeverClosedByThePlatform() {
        CheckCoverage everything = CheckCoverage.all(CheckKind.TAMPERING, List.of());

        assertThat(alert(CheckKind.TAMPERING, Alert.PAGE, AlertStatus.OPEN, null)
                        .recoveredIn(everything))
                .isFalse();
        assertThat(List.of(CheckKind.values()).stream()
                        .filter(k -> alert(k, "x", AlertStatus.OPEN, null).closesOnRecovery()))
                .containsExactlyInAnyOrder(
                        CheckKind.AVAILABILITY,
                        CheckKind.LATENCY,
                        CheckKind.TLS,
                        CheckKind.DNS,
                        CheckKind.DEAD_LINK,
                        CheckKind.EXTERNAL_DOMAIN);
    }

    @Test
    void anAlertClosedOnRecoveryKnowsItsOutage() {
        Alert recovered = alert(CheckKind.AVAILABILITY, Alert.PAGE, AlertStatus.CLOSED, null);

        assertThat(recovered.closedOnRecovery()).isTrue();
        assertThat(recovered.outage()).isEqualTo(Duration.ofMinutes(75));
        assertThat(recovered.outageLength().text(Texts.ENGLISH)).isEqualTo("1 h 15 min");
        assertThat(alert(CheckKind.AVAILABILITY, Alert.PAGE, AlertStatus.CLOSED, "zhang")
                        .outage())
                .isNull();
    }

    @Test
    void slowOnlyWhenTheLastProbesInARowAnsweredSlowerThanTheThreshold() {
        WatchSettings w = new WatchSettings(500, List.of());
        List<Probe> slowSlow = List.of(probe(900, ProbeOutcome.OK), probe(700, ProbeOutcome.OK));
        List<Probe> slowFailed = List.of(probe(900, ProbeOutcome.OK), probe(10, ProbeOutcome.TIMEOUT));

        assertThat(w.slow(slowSlow, 2)).isTrue();
        assertThat(w.slow(slowSlow.subList(0, 1), 2)).as("not yet N probes").isFalse();
        assertThat(w.slow(slowFailed, 2))
                .as("a failure is the availability check's")
                .isFalse();
        assertThat(w.fast(List.of(probe(500, ProbeOutcome.OK)))).isTrue();
        assertThat(w.fast(List.of(probe(10, ProbeOutcome.TIMEOUT)))).isFalse();
        assertThat(WatchSettings.NONE.slow(slowSlow, 2)).isFalse();
    }

    @Test
    void aRegionLineNamesItsRangesOrWhyNot() {
        Region.Parsed ok = Region.parse("华北-北京： 203.0.113.0/24，198.51.100.7");
        assertThat(ok.region()).get().extracting(Region::line).isEqualTo("华北-北京: 203.0.113.0/24, 198.51.100.7/32");

        assertThat(Region.parse("203.0.113.0/24").problem().key()).isEqualTo("monitoring.error.regionFormat");
        assertThat(Region.parse("华北: 203.0.113.0/33").problem().text(Texts.ENGLISH))
                .isEqualTo("“203.0.113.0/33” is not an IP address or CIDR network");
        assertThat(Region.parse("华北:").problem().key()).isEqualTo("monitoring.error.regionFormat");
    }

    static Probe probe(long ms, ProbeOutcome outcome) {
        return new Probe(UUID.randomUUID(), UUID.randomUUID(), T, ms, outcome, 200, null, 0, 0, "node");
    }
}
