package org.yunjian.monitoring;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.yunjian.monitoring.net.Cidr;
import org.yunjian.monitoring.net.RegistrableDomain;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Text;

/**
 * A monitored page or endpoint of a cloud system (政府网站指南 8.4.1): probed every {@code intervalSeconds} with
 * {@code method}, expected to answer {@code expectedStatus} (and to contain {@code keyword}, when set) within
 * {@code timeoutSeconds}; {@code failuresBeforeAlert} failures in a row raise the availability alert. Pages of the
 * same host are followed {@code crawlDepth} links deep. Changes inside {@code dynamicRegions} (CSS selectors) are not
 * tampering; links, scripts and redirects may go to the page's own host and {@code allowedHosts} (and their
 * subdomains). The network checks (8.4.1.2 b, 域名及IP合规性) judge {@code domainName} (the page's host when null)
 * against {@code approvedAddresses} (networks in CIDR notation; none: addresses are not checked) and warn
 * {@code expiryWarningDays} before a certificate or the domain's registration expires.
 */
public record Monitor(
        UUID id,
        UUID systemId,
        String name,
        URI url,
        String method,
        int expectedStatus,
        String keyword,
        int intervalSeconds,
        int timeoutSeconds,
        int crawlDepth,
        int failuresBeforeAlert,
        List<String> dynamicRegions,
        List<String> allowedHosts,
        List<String> approvedAddresses,
        int expiryWarningDays,
        String domainName,
        WatchSettings watch,
        boolean paused,
        int consecutiveFailures,
        Instant nextRunAt,
        Instant lastRunAt,
        ProbeOutcome lastOutcome,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public static final int NAME_MAX = 200;
    public static final int URL_MAX = 2000;
    public static final int KEYWORD_MAX = 200;
    public static final int LIST_MAX = 2000;
    /** 1 minute to 1 day; 5 minutes unless set (the benchmark's interval). */
    public static final int INTERVAL_MIN = 60;

    public static final int INTERVAL_MAX = 86_400;
    public static final int INTERVAL_DEFAULT = 300;
    public static final int TIMEOUT_MIN = 1;
    public static final int TIMEOUT_MAX = 60;
    public static final int TIMEOUT_DEFAULT = 10;
    public static final int DEPTH_MAX = 3;
    public static final int FAILURES_MIN = 1;
    public static final int FAILURES_MAX = 10;
    public static final int FAILURES_DEFAULT = 3;
    public static final List<String> METHODS = List.of("GET", "HEAD");
    public static final int WARNING_DAYS_MIN = 1;
    public static final int WARNING_DAYS_MAX = 365;
    public static final int WARNING_DAYS_DEFAULT = 30;

    public Monitor {
        watch = watch == null ? WatchSettings.NONE : watch;
        dynamicRegions = List.copyOf(dynamicRegions);
        allowedHosts = List.copyOf(allowedHosts);
        approvedAddresses = List.copyOf(approvedAddresses);
    }

    /** A new monitor of the system with {@code s} (already valid), added by {@code by}, first probed at {@code now}. */
    public static Monitor create(UUID systemId, Settings s, String by, Instant now) {
        return new Monitor(
                        UUID.randomUUID(),
                        systemId,
                        null,
                        null,
                        null,
                        0,
                        null,
                        0,
                        0,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        WARNING_DAYS_DEFAULT,
                        null,
                        WatchSettings.NONE,
                        false,
                        0,
                        now,
                        null,
                        null,
                        by,
                        now,
                        now,
                        0)
                .withSettings(s, now, 0);
    }

    /** This monitor with {@code s} (already valid) at {@code now}, probed at once, at the next version. */
    public Monitor withSettings(Settings s, Instant now) {
        return withSettings(s, now, version + 1);
    }

    private Monitor withSettings(Settings s, Instant now, int nextVersion) {
        return new Monitor(
                id,
                systemId,
                s.name().strip(),
                s.parsedUrl(),
                s.methodOrDefault(),
                s.expectedStatusOrDefault(),
                s.keywordOrNull(),
                s.intervalOrDefault(),
                s.timeoutOrDefault(),
                s.depthOrDefault(),
                s.failuresOrDefault(),
                s.dynamicRegionList(),
                s.allowedHostList(),
                s.approvedAddressList(),
                s.warningDaysOrDefault(),
                s.domainNameOrNull(),
                s.watch(),
                paused,
                consecutiveFailures,
                now,
                lastRunAt,
                lastOutcome,
                createdBy,
                createdAt,
                now,
                nextVersion);
    }

    /** This monitor paused or resumed at {@code now} (a resumed one is probed at once), at the next version. */
    public Monitor withPaused(boolean pause, Instant now) {
        return new Monitor(
                id,
                systemId,
                name,
                url,
                method,
                expectedStatus,
                keyword,
                intervalSeconds,
                timeoutSeconds,
                crawlDepth,
                failuresBeforeAlert,
                dynamicRegions,
                allowedHosts,
                approvedAddresses,
                expiryWarningDays,
                domainName,
                watch,
                pause,
                consecutiveFailures,
                pause ? nextRunAt : now,
                lastRunAt,
                lastOutcome,
                createdBy,
                createdAt,
                now,
                version + 1);
    }

    /** The monitored page's host and the allowed ones, lower case: where links, scripts and redirects may go. */
    public Set<String> hosts() {
        Set<String> out = new LinkedHashSet<>();
        out.add(url.getHost().toLowerCase(Locale.ROOT));
        allowedHosts.forEach(h -> out.add(h.toLowerCase(Locale.ROOT)));
        return out;
    }

    /**
     * What a person sets on a monitor, as typed (numbers as text, lists one per line): {@link #validate} names every
     * problem at once, {@link #url()} and the numbers read with their defaults once valid.
     */
    public record Settings(
            String name,
            String url,
            String method,
            String expectedStatus,
            String keyword,
            String intervalSeconds,
            String timeoutSeconds,
            String crawlDepth,
            String failuresBeforeAlert,
            String dynamicRegions,
            String allowedHosts,
            String approvedAddresses,
            String expiryWarningDays,
            String domainName,
            String slowAboveMillis,
            String approvedRegions) {

        /** A page's settings with its name, URL and dynamic regions only, the rest unset (defaulted once valid). */
        public static Settings page(String name, String url, String dynamicRegions) {
            return new Settings(
                    name,
                    url,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    dynamicRegions,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /** The problems of these settings by field, empty when none; free text is checked by {@code text}. */
        public FieldErrors validate(TextCheck text) {
            FieldErrors errors = new FieldErrors();
            if (FieldValues.blank(name)) {
                errors.add("name", "monitoring.error.required");
            } else {
                text.check(errors, "name", name.strip(), NAME_MAX, Text.Kind.LINE);
            }
            if (FieldValues.blank(url)) {
                errors.add("url", "monitoring.error.required");
            } else if (url.strip().length() > URL_MAX) {
                errors.add("url", "monitoring.error.tooLong", URL_MAX);
            } else if (SettingsText.badPort(url.strip())) {
                errors.add("url", "monitoring.error.port", SettingsText.PORT_MAX);
            } else if (SettingsText.url(url.strip()) == null) {
                errors.add("url", "monitoring.error.url");
            }
            if (!FieldValues.blank(method) && !METHODS.contains(method.strip().toUpperCase(Locale.ROOT))) {
                errors.add("method", "monitoring.error.method", String.join(", ", METHODS));
            }
            SettingsText.number(errors, "expectedStatus", expectedStatus, 100, 599);
            if (!FieldValues.blank(keyword)) {
                text.check(errors, "keyword", keyword.strip(), KEYWORD_MAX, Text.Kind.LINE);
            }
            SettingsText.number(errors, "intervalSeconds", intervalSeconds, INTERVAL_MIN, INTERVAL_MAX);
            SettingsText.number(errors, "timeoutSeconds", timeoutSeconds, TIMEOUT_MIN, TIMEOUT_MAX);
            SettingsText.number(errors, "crawlDepth", crawlDepth, 0, DEPTH_MAX);
            SettingsText.number(errors, "failuresBeforeAlert", failuresBeforeAlert, FAILURES_MIN, FAILURES_MAX);
            SettingsText.list(errors, text, "dynamicRegions", dynamicRegions, LIST_MAX);
            SettingsText.list(errors, text, "allowedHosts", allowedHosts, LIST_MAX);
            SettingsText.list(errors, text, "approvedAddresses", approvedAddresses, LIST_MAX);
            SettingsText.number(errors, "expiryWarningDays", expiryWarningDays, WARNING_DAYS_MIN, WARNING_DAYS_MAX);
            if (!FieldValues.blank(domainName)
                    && RegistrableDomain.of(domainName.strip()).isEmpty()) {
                errors.add("domainName", "monitoring.error.domain", SettingsText.shown(domainName.strip()));
            }
            if (!errors.messages().containsKey("approvedAddresses")) {
                SettingsText.lines(approvedAddresses).stream()
                        .filter(a -> !Cidr.isValid(a))
                        .findFirst()
                        .ifPresent(
                                a -> errors.add("approvedAddresses", "monitoring.error.cidr", SettingsText.shown(a)));
            }
            SettingsText.number(
                    errors, "slowAboveMillis", slowAboveMillis, WatchSettings.SLOW_MIN, WatchSettings.SLOW_MAX);
            SettingsText.list(errors, text, "approvedRegions", approvedRegions, LIST_MAX);
            if (!errors.messages().containsKey("approvedRegions")) {
                SettingsText.regions(errors, "approvedRegions", SettingsText.lines(approvedRegions));
            }
            if (errors.isEmpty()) {
                for (String h : SettingsText.lines(allowedHosts)) {
                    if (!h.matches("[A-Za-z0-9.-]{1,253}") || h.startsWith(".") || h.contains("..")) {
                        errors.add("allowedHosts", "monitoring.error.host", h);
                        break;
                    }
                }
            }
            return errors;
        }

        public URI parsedUrl() {
            return SettingsText.url(url.strip());
        }

        public String methodOrDefault() {
            return FieldValues.blank(method) ? "GET" : method.strip().toUpperCase(Locale.ROOT);
        }

        public int expectedStatusOrDefault() {
            return SettingsText.intOr(expectedStatus, 200);
        }

        public String keywordOrNull() {
            return FieldValues.nullIfBlank(keyword);
        }

        public int intervalOrDefault() {
            return SettingsText.intOr(intervalSeconds, INTERVAL_DEFAULT);
        }

        public int timeoutOrDefault() {
            return SettingsText.intOr(timeoutSeconds, TIMEOUT_DEFAULT);
        }

        public int depthOrDefault() {
            return SettingsText.intOr(crawlDepth, 0);
        }

        public int failuresOrDefault() {
            return SettingsText.intOr(failuresBeforeAlert, FAILURES_DEFAULT);
        }

        public List<String> dynamicRegionList() {
            return SettingsText.lines(dynamicRegions);
        }

        public List<String> allowedHostList() {
            return SettingsText.lines(allowedHosts).stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .toList();
        }

        public List<String> approvedAddressList() {
            return SettingsText.lines(approvedAddresses);
        }

        public int warningDaysOrDefault() {
            return SettingsText.intOr(expiryWarningDays, WARNING_DAYS_DEFAULT);
        }

        /** The latency threshold and the approved regions (already valid). */
        public WatchSettings watch() {
            return new WatchSettings(
                    FieldValues.blank(slowAboveMillis) ? null : Integer.valueOf(slowAboveMillis.strip()),
                    WatchSettings.regions(SettingsText.lines(approvedRegions)));
        }

        /** The domain name in lower case, without a final dot; null when not set. */
        public String domainNameOrNull() {
            String d = FieldValues.nullIfBlank(domainName);
            return d == null ? null : d.strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        }

        /** The settings of {@code m}, as a form shows them. */
        public static Settings of(Monitor m) {
            return new Settings(
                    m.name(),
                    m.url().toString(),
                    m.method(),
                    String.valueOf(m.expectedStatus()),
                    m.keyword(),
                    String.valueOf(m.intervalSeconds()),
                    String.valueOf(m.timeoutSeconds()),
                    String.valueOf(m.crawlDepth()),
                    String.valueOf(m.failuresBeforeAlert()),
                    String.join("\n", m.dynamicRegions()),
                    String.join("\n", m.allowedHosts()),
                    String.join("\n", m.approvedAddresses()),
                    String.valueOf(m.expiryWarningDays()),
                    m.domainName(),
                    m.watch().slowAboveMillis() == null
                            ? null
                            : String.valueOf(m.watch().slowAboveMillis()),
                    String.join("\n", m.watch().regionLines()));
        }
    }

    /** The free-text rule (shared {@code TextRules}), as the settings need it. */
    @FunctionalInterface
    public interface TextCheck {
        boolean check(FieldErrors errors, String field, String value, int max, Text.Kind kind);
    }
}
