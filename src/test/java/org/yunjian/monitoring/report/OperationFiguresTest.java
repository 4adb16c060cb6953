package org.yunjian.monitoring.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.AlertStatus;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.report.OperationFigures.MonitorFigures;
import org.yunjian.monitoring.report.OperationFigures.MonitorInput;
import org.yunjian.monitoring.report.OperationFigures.Sample;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;

/**
 * The figures of a month's 安全运行报告, exact: availability as OK of all probes (rounded down), mean and P95 of the
 * OK probes' response times, the longest run of failed probes (to the next OK probe, or to the month's end), the
 * alerts opened in the month by kind and those still open at its end — the month in Beijing time.
 */
class OperationFiguresTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ReportMonth OCTOBER = ReportMonth.parse("2026-10", BEIJING, Instant.parse("2026-11-26T00:00:00Z"));
    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    static final UUID HOME = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID NEWS = UUID.fromString("00000000-0000-0000-0000-000000000002");

    /** {@code 2026-10-dd hh:mm} in Beijing time. */
    static Instant bj(String local) {
        return java.time.LocalDateTime.parse(local.replace(' ', 'T'))
                .atZone(BEIJING)
                .toInstant();
    }

    static Sample ok(String at, long ms) {
        return new Sample(bj(at), ms, true);
    }

    static Sample failed(String at) {
        return new Sample(bj(at), 10_000, false);
    }

    static Alert alert(UUID monitor, CheckKind kind, String opened, String acknowledged, String closed) {
        return new Alert(
                UUID.nameUUIDFromBytes((monitor + kind.name() + opened).getBytes()),
                monitor,
                UUID.randomUUID(),
                kind,
                "page",
                Msg.of("monitoring.alert.recovered"),
                null,
                closed != null
                        ? AlertStatus.CLOSED
                        : acknowledged != null ? AlertStatus.ACKNOWLEDGED : AlertStatus.OPEN,
                bj(opened),
                bj(opened),
                acknowledged == null ? null : "provider",
                acknowledged == null ? null : bj(acknowledged),
                closed == null ? null : "customer",
                closed == null ? null : bj(closed),
                closed == null ? null : "已恢复首页并加固后台",
                null,
                1);
    }

    @Test
    void monthRunsFromMidnightToMidnightInTheUsersZone() {
        assertThat(OCTOBER.start()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(OCTOBER.end()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(OCTOBER.toString()).isEqualTo("2026-10");
        assertThat(OCTOBER.closed(NOW)).isTrue();
        assertThat(ReportMonth.previous(BEIJING, NOW).toString()).isEqualTo("2026-10");
    }

    @Test
    void refusesAMalformedMonthAndOneStillToComeNamingTheField() {
        for (String bad : new String[] {"2026-13", "2026-1", "10/2026", "", "1999-12", "2026-10-01"}) {
            assertThatThrownBy(() -> ReportMonth.parse(bad, BEIJING, NOW))
                    .as(bad)
                    .isInstanceOfSatisfying(FieldErrors.ValidationException.class, e -> assertThat(e.errors())
                            .containsOnlyKeys("month"));
        }
        assertThatThrownBy(() -> ReportMonth.parse(null, BEIJING, NOW))
                .isInstanceOf(FieldErrors.ValidationException.class);
        // December 2026 has not begun on 26 November; November has (it runs until now)
        assertThatThrownBy(() -> ReportMonth.parse("2026-12", BEIJING, NOW))
                .isInstanceOfSatisfying(FieldErrors.ValidationException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("month"));
        assertThat(ReportMonth.parse(" 2026-11 ", BEIJING, NOW).closed(NOW)).isFalse();
        // 1 December 01:00 in Beijing is still 30 November in UTC: December has begun in the users' zone
        assertThat(ReportMonth.parse("2026-12", BEIJING, Instant.parse("2026-11-30T17:00:00Z"))
                        .start())
                .isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void availabilityMeanP95AndLongestOutageOfEachMonitor() {
        List<Sample> home = new ArrayList<>();
        // 20 OK probes answering in 100, 200, … 2000 ms on 1 October from 08:00, every 5 minutes
        for (int i = 0; i < 20; i++) {
            home.add(ok("2026-10-01 %02d:%02d".formatted(8 + i * 5 / 60, i * 5 % 60), (i + 1) * 100L));
        }
        // an outage of 3 failed probes from 2 October 10:00, the next OK one at 10:15: 15 minutes
        home.add(failed("2026-10-02 10:00"));
        home.add(failed("2026-10-02 10:05"));
        home.add(failed("2026-10-02 10:10"));
        home.add(ok("2026-10-02 10:15", 100));
        // a shorter one: 5 minutes
        home.add(failed("2026-10-03 09:00"));
        home.add(ok("2026-10-03 09:05", 100));
        // probes outside the month do not count
        home.add(failed("2026-09-30 23:59"));
        home.add(failed("2026-11-01 00:00"));
        // the news page fails from 31 October 23:00 to the month's end: one hour
        List<Sample> news =
                List.of(ok("2026-10-31 22:55", 300), failed("2026-10-31 23:00"), failed("2026-10-31 23:55"));

        OperationFigures f = OperationFigures.of(
                OCTOBER,
                NOW,
                List.of(
                        new MonitorInput(HOME, "门户首页", "https://www.example.gov.cn/", home),
                        new MonitorInput(NEWS, "新闻", "https://www.example.gov.cn/news/", news),
                        new MonitorInput(UUID.randomUUID(), "新建", "https://www.example.gov.cn/new/", List.of())),
                List.of());

        MonitorFigures h = f.monitors().get(0);
        assertThat(h.probes()).isEqualTo(26);
        assertThat(h.ok()).isEqualTo(22);
        // 22 / 26 = 84.6153… → 84.61 (rounded down)
        assertThat(h.availability()).isEqualByComparingTo("84.61");
        // (100 + … + 2000 + 100 + 100) / 22 = 21200 / 22 = 963.6 → 964
        assertThat(h.meanMs()).isEqualTo(964L);
        // nearest rank: ceil(0.95 × 22) = 21st of the sorted 22 = 1900
        assertThat(h.p95Ms()).isEqualTo(1900L);
        assertThat(h.longestOutage().from()).isEqualTo(bj("2026-10-02 10:00"));
        assertThat(h.longestOutage().length()).isEqualTo(Duration.ofMinutes(15));

        MonitorFigures n = f.monitors().get(1);
        assertThat(n.availability()).isEqualByComparingTo("33.33");
        assertThat(n.meanMs()).isEqualTo(300L);
        assertThat(n.p95Ms()).isEqualTo(300L);
        assertThat(n.longestOutage().length()).isEqualTo(Duration.ofHours(1));

        MonitorFigures empty = f.monitors().get(2);
        assertThat(empty.probes()).isZero();
        assertThat(empty.availability()).isNull();
        assertThat(empty.meanMs()).isNull();
        assertThat(empty.p95Ms()).isNull();
        assertThat(empty.longestOutage()).isNull();

        assertThat(f.probes()).isEqualTo(29);
        assertThat(f.ok()).isEqualTo(23);
        // 23 / 29 = 79.3103… → 79.31
        assertThat(f.availability()).isEqualByComparingTo(new BigDecimal("79.31"));
        assertThat(f.longestOutage()).get().extracting(MonitorFigures::name).isEqualTo("新闻");
    }

    @Test
    void aMonthWithOneFailureInTenThousandNeverShowsAHundredPerCent() {
        List<Sample> probes = new ArrayList<>();
        for (int i = 0; i < 9_999; i++) {
            probes.add(new Sample(OCTOBER.start().plusSeconds(60L * i), 50, true));
        }
        probes.add(new Sample(OCTOBER.start().plusSeconds(60L * 9_999), 50, false));
        OperationFigures f =
                OperationFigures.of(OCTOBER, NOW, List.of(new MonitorInput(HOME, "门户首页", "u", probes)), List.of());
        assertThat(f.availability()).isEqualByComparingTo("99.99");
        assertThat(f.monitors().get(0).p95Ms()).isEqualTo(50L);
    }

    @Test
    void alertsOpenedInTheMonthByKindAndThoseStillOpenAtItsEnd() {
        Alert septemberStillOpen = alert(HOME, CheckKind.TLS, "2026-09-20 08:00", null, null);
        Alert septemberClosedInOctober = alert(HOME, CheckKind.DNS, "2026-09-25 08:00", null, "2026-10-02 08:00");
        Alert tamper = alert(HOME, CheckKind.TAMPERING, "2026-10-05 09:30", "2026-10-05 09:40", "2026-10-05 11:00");
        Alert down = alert(HOME, CheckKind.AVAILABILITY, "2026-10-12 03:00", null, "2026-10-12 03:20");
        Alert hidden = alert(NEWS, CheckKind.HIDDEN_LINK, "2026-10-20 14:00", "2026-10-20 15:00", null);
        // closed only in November: open at October's end
        Alert tamper2 = alert(NEWS, CheckKind.TAMPERING, "2026-10-30 10:00", null, "2026-11-02 10:00");

        OperationFigures f = OperationFigures.of(
                OCTOBER,
                NOW,
                List.of(),
                List.of(tamper2, hidden, down, tamper, septemberClosedInOctober, septemberStillOpen));

        assertThat(f.opened()).containsExactly(tamper, down, hidden, tamper2);
        assertThat(f.openedByKind())
                .isEqualTo(Map.of(CheckKind.TAMPERING, 2, CheckKind.AVAILABILITY, 1, CheckKind.HIDDEN_LINK, 1));
        assertThat(f.closedInMonth()).isEqualTo(2);
        assertThat(f.openAtEnd()).containsExactly(septemberStillOpen, hidden, tamper2);
    }

    @Test
    void theCurrentMonthRunsUntilNow() {
        Instant now = bj("2026-11-10 12:00");
        ReportMonth november = ReportMonth.parse("2026-11", BEIJING, now);
        OperationFigures f = OperationFigures.of(
                november,
                now,
                List.of(new MonitorInput(
                        HOME, "门户首页", "u", List.of(ok("2026-11-10 10:00", 80), failed("2026-11-10 11:00")))),
                List.of());
        assertThat(f.until()).isEqualTo(now);
        assertThat(f.monitors().get(0).longestOutage().length()).isEqualTo(Duration.ofHours(1));
    }
}
