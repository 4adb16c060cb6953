package org.yunjian.monitoring.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.AlertStatus;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.CheckScope;
import org.yunjian.monitoring.report.OperationFigures.MonitorFigures;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * The 安全运行报告 of a system for a month laid out for people in the reader's language, every word from the bundles
 * ({@code monitoring.report.*}): a title with the guide's reference, a summary first, then availability and response
 * times per monitor, the month's alerts by kind, each alert with its handling (who by display name, when in the users'
 * zone, the close note) and the alerts still open at the month's end. {@link ReportDocx} writes it as Word, the PDF
 * prints the same {@link Block}s.
 */
public record OperationReport(String title, String systemName, Locale language, List<Block> blocks) {

    /** What a piece of the document is. */
    public enum Kind {
        SUBTITLE,
        HEADING,
        PARAGRAPH,
        TABLE
    }

    /** A piece of the document: a subtitle, heading or paragraph ({@code text}) or a table with a header. */
    public record Block(Kind kind, String text, List<String> header, List<List<String>> rows) {
        public Block {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }

        static Block text(Kind kind, String text) {
            return new Block(kind, text, List.of(), List.of());
        }

        public String kindName() {
            return kind.name();
        }
    }

    /** What is shown for a value that does not exist (no probe, never acknowledged). */
    public static final String NONE = "—";

    public OperationReport {
        blocks = List.copyOf(blocks);
    }

    /**
     * Lays out {@code figures}.
     *
     * @param people user names to display names (a name missing shows as the user name)
     * @param generatedAt when the report is rendered
     */
    public static OperationReport of(
            String systemName,
            OperationFigures figures,
            Scope scope,
            Map<String, String> people,
            Instant generatedAt,
            Locale language) {
        return new Layout(
                        Objects.requireNonNull(figures),
                        Objects.requireNonNull(scope),
                        people,
                        Texts.supported(language))
                .report(systemName, generatedAt);
    }

    /**
     * What the month's monitoring covered, as the report states it (issue 59): each monitor's checks performed against a
     * criterion ({@link CheckScope}, as recorded when they ran in the month) and the version of the customer's word list
     * in force (null: none imported, the shipped placeholder sample).
     */
    public record Scope(List<CheckScope> monitors, Integer wordListVersion) {
        public Scope {
            monitors = List.copyOf(monitors);
        }

        /** Whether {@code kind} ran on some monitor in the month. */
        boolean performs(CheckKind kind) {
            return monitors.stream().anyMatch(m -> m.active().contains(kind));
        }
    }

    /**
     * Who issued this report as a record: its number, revision, issuer and time (in {@code zone}) and, for a
     * correction, why.
     */
    public record Issue(String number, int revision, String issuer, Instant at, String reason) {}

    /** The report with the line naming its issue (and the correction's reason) right under the subtitle. */
    public OperationReport issued(Issue issue, java.time.ZoneId zone) {
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(issue.at().atZone(zone));
        List<Block> out = new ArrayList<>(blocks);
        int after = out.isEmpty() || out.get(0).kind() != Kind.SUBTITLE ? 0 : 1;
        List<Block> lines = new ArrayList<>();
        lines.add(Block.text(
                Kind.PARAGRAPH,
                Texts.render(
                        Msg.of("monitoring.report.issuedLine", issue.number(), issue.revision(), issue.issuer(), at),
                        language)));
        if (issue.reason() != null) {
            lines.add(Block.text(
                    Kind.PARAGRAPH, Texts.render(Msg.of("monitoring.report.revisedLine", issue.reason()), language)));
        }
        out.addAll(after, lines);
        return new OperationReport(title, systemName, language, out);
    }

    /** The words of the header line on every page. */
    public String header() {
        return title + " · " + systemName;
    }

    /** The footer with {@code page} where the page number goes. */
    public String footer(String page) {
        return Texts.render(Msg.of("monitoring.report.footer", page), language);
    }

    private static final class Layout {
        private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        private final OperationFigures f;
        private final Scope scope;
        private final Map<String, String> people;
        private final Locale language;
        private final List<Block> blocks = new ArrayList<>();

        Layout(OperationFigures f, Scope scope, Map<String, String> people, Locale language) {
            this.f = f;
            this.scope = scope;
            this.people = people;
            this.language = language;
        }

        OperationReport report(String systemName, Instant generatedAt) {
            ReportMonth m = f.month();
            String title = t("monitoring.report.title");
            block(Kind.SUBTITLE, t("monitoring.report.subtitle", systemName, m.toString()));
            block(Kind.PARAGRAPH, t("monitoring.report.basis"));
            block(
                    Kind.PARAGRAPH,
                    t(
                            "monitoring.report.period",
                            time(m.start()),
                            time(m.end()),
                            m.zone().getDisplayName(java.time.format.TextStyle.FULL, language),
                            time(generatedAt)));
            if (f.until().isBefore(m.end())) {
                block(Kind.PARAGRAPH, t("monitoring.report.partial", time(f.until())));
            }
            summary();
            availability();
            alertsByKind();
            alerts();
            openAtEnd();
            scope();
            return new OperationReport(title, systemName, language, blocks);
        }

        /**
         * 监测范围: per monitor its probes and longest gap in the month and the checks that ran and did not; the word list; the items the
         * report may evidence ({@link org.yunjian.monitoring.MonitoringCoverage#covered}), and how "实时" is judged.
         */
        private void scope() {
            block(Kind.HEADING, t("monitoring.report.h.scope"));
            if (!scope.monitors().isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                for (CheckScope m : scope.monitors()) {
                    rows.add(List.of(
                            m.monitor() + "\n" + m.url(),
                            m.idle()
                                    ? t("monitoring.report.scope.idle")
                                    : t(
                                            "monitoring.report.scope.every",
                                            String.valueOf(m.probes()),
                                            String.valueOf(m.longestGapMinutes())),
                            m.active().isEmpty() ? NONE : labels(m.active()),
                            m.inactive().isEmpty() ? NONE : labels(m.inactive())));
                }
                table(
                        List.of(
                                t("monitoring.report.col.monitor"),
                                t("monitoring.report.col.interval"),
                                t("monitoring.report.col.performed"),
                                t("monitoring.report.col.notPerformed")),
                        rows);
            }
            block(
                    Kind.PARAGRAPH,
                    scope.wordListVersion() == null
                            ? t("monitoring.report.scope.noWordList")
                            : t("monitoring.report.scope.wordList", scope.wordListVersion()));
            List<org.yunjian.catalog.RequirementId> covered =
                    org.yunjian.monitoring.MonitoringCoverage.covered(scope.monitors());
            block(
                    Kind.PARAGRAPH,
                    covered.isEmpty()
                            ? t("monitoring.report.scope.coversNone")
                            : t(
                                    "monitoring.report.scope.covers",
                                    String.join(
                                            t("monitoring.report.scope.separator"),
                                            covered.stream()
                                                    .map(c -> t("monitoring.report.control." + c.value()))
                                                    .toList())));
            block(Kind.PARAGRAPH, t("monitoring.report.scope.realTime", CheckScope.REAL_TIME_MINUTES));
        }

        private String labels(List<CheckKind> kinds) {
            return String.join(
                    t("monitoring.report.scope.separator"),
                    kinds.stream().map(k -> k.label(language)).toList());
        }

        private void summary() {
            block(Kind.HEADING, t("monitoring.report.h.summary"));
            block(
                    Kind.PARAGRAPH,
                    t(
                            "monitoring.report.summary",
                            f.monitors().size(),
                            f.probes(),
                            percent(f.availability()),
                            f.opened().size(),
                            f.closedInMonth(),
                            f.openAtEnd().size()));
            f.longestOutage()
                    .ifPresentOrElse(
                            worst -> block(
                                    Kind.PARAGRAPH,
                                    t(
                                            "monitoring.report.summary.outage",
                                            worst.name(),
                                            time(worst.longestOutage().from()),
                                            duration(worst.longestOutage().length()))),
                            () -> block(Kind.PARAGRAPH, t("monitoring.report.summary.noOutage")));
        }

        private void availability() {
            block(Kind.HEADING, t("monitoring.report.h.availability"));
            if (f.monitors().isEmpty()) {
                block(Kind.PARAGRAPH, t("monitoring.report.noMonitors"));
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            for (MonitorFigures m : f.monitors()) {
                rows.add(List.of(
                        m.name() + "\n" + m.url(),
                        String.valueOf(m.probes()),
                        String.valueOf(m.ok()),
                        percent(m.availability()),
                        ms(m.meanMs()),
                        ms(m.p95Ms()),
                        m.longestOutage() == null
                                ? NONE
                                : duration(m.longestOutage().length()) + "\n"
                                        + t(
                                                "monitoring.report.since",
                                                time(m.longestOutage().from()))));
            }
            table(
                    List.of(
                            t("monitoring.report.col.monitor"),
                            t("monitoring.report.col.probes"),
                            t("monitoring.report.col.ok"),
                            t("monitoring.report.col.availability"),
                            t("monitoring.report.col.mean"),
                            t("monitoring.report.col.p95"),
                            t("monitoring.report.col.outage")),
                    rows);
            block(Kind.PARAGRAPH, t("monitoring.report.availability.note"));
        }

        private void alertsByKind() {
            block(Kind.HEADING, t("monitoring.report.h.kinds"));
            List<List<String>> rows = new ArrayList<>();
            for (CheckKind k : CheckKind.values()) {
                int n = f.openedByKind().getOrDefault(k, 0);
                // a check no monitor performs found nothing because it did not look: not a 0 (issue 59)
                rows.add(List.of(
                        k.label(language),
                        n == 0 && !scope.performs(k) ? t("monitoring.report.notPerformed") : String.valueOf(n)));
            }
            rows.add(List.of(
                    t("monitoring.report.total"), String.valueOf(f.opened().size())));
            table(List.of(t("monitoring.alert.kind"), t("monitoring.report.col.count")), rows);
        }

        private void alerts() {
            block(Kind.HEADING, t("monitoring.report.h.alerts"));
            if (f.opened().isEmpty()) {
                block(Kind.PARAGRAPH, t("monitoring.report.noAlerts"));
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            for (Alert a : f.opened()) {
                rows.add(List.of(
                        what(a),
                        Texts.render(a.message(), language),
                        time(a.openedAt()),
                        a.acknowledgedAt() == null
                                ? NONE
                                : time(a.acknowledgedAt()) + "\n" + person(a.acknowledgedBy()),
                        a.closedAt() == null
                                ? a.status().label(language)
                                : time(a.closedAt()) + "\n" + person(a.closedBy()),
                        note(a.closeNote())));
            }
            table(
                    List.of(
                            t("monitoring.report.col.alert"),
                            t("monitoring.alert.message"),
                            t("monitoring.alert.openedAt"),
                            t("monitoring.alert.acknowledged"),
                            t("monitoring.alert.closed"),
                            t("monitoring.alert.note")),
                    rows);
        }

        private void openAtEnd() {
            block(Kind.HEADING, t("monitoring.report.h.open"));
            if (f.openAtEnd().isEmpty()) {
                block(Kind.PARAGRAPH, t("monitoring.report.noneOpen"));
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            for (Alert a : f.openAtEnd()) {
                boolean acknowledged =
                        a.acknowledgedAt() != null && a.acknowledgedAt().isBefore(f.until());
                rows.add(List.of(
                        what(a),
                        Texts.render(a.message(), language),
                        time(a.openedAt()),
                        (acknowledged ? AlertStatus.ACKNOWLEDGED : AlertStatus.OPEN).label(language)));
            }
            table(
                    List.of(
                            t("monitoring.report.col.alert"),
                            t("monitoring.alert.message"),
                            t("monitoring.alert.openedAt"),
                            t("monitoring.report.col.stateAtEnd")),
                    rows);
        }

        /** The alert's kind and its monitor's name. */
        private String what(Alert a) {
            String monitor = f.monitors().stream()
                    .filter(m -> m.id().equals(a.monitorId()))
                    .map(MonitorFigures::name)
                    .findFirst()
                    .orElse(NONE);
            return a.kind().label(language) + "\n" + monitor;
        }

        private String person(String username) {
            return username == null ? t("monitoring.report.automatic") : people.getOrDefault(username, username);
        }

        private String note(String note) {
            if (note == null || note.isBlank()) {
                return NONE;
            }
            return Msg.isEncoded(note) ? Texts.render(Msg.decode(note), language) : note;
        }

        private String time(Instant at) {
            return MINUTE.format(at.atZone(f.month().zone()));
        }

        private String percent(BigDecimal p) {
            return p == null ? NONE : p.toPlainString() + " %";
        }

        private String ms(Long ms) {
            return ms == null ? NONE : t("monitoring.report.ms", ms);
        }

        private String duration(Duration d) {
            long minutes = d.toMinutes();
            if (minutes < 1) {
                return t("monitoring.report.duration.seconds", d.toSeconds());
            }
            long days = minutes / (24 * 60);
            long hours = minutes / 60 % 24;
            long rest = minutes % 60;
            if (days > 0) {
                return t("monitoring.report.duration.days", days, hours, rest);
            }
            return hours > 0
                    ? t("monitoring.report.duration.hours", hours, rest)
                    : t("monitoring.report.duration.minutes", rest);
        }

        private void table(List<String> header, List<List<String>> rows) {
            blocks.add(new Block(Kind.TABLE, null, header, rows));
        }

        private void block(Kind kind, String text) {
            blocks.add(Block.text(kind, text));
        }

        private String t(String key, Object... args) {
            return Texts.render(Msg.of(key, args), language);
        }
    }
}
