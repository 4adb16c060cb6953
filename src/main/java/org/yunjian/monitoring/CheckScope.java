package org.yunjian.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Which checks a monitor performs against a criterion, as a monitoring report states its scope (issue 59: a report and
 * an offer claim only what ran): availability, hidden links and scripts, personal data, dead links and linked domains
 * always; response time with a threshold set; tampering with an approved baseline; harmful content with a word list the
 * customer imported (the shipped sample is placeholder words, no criterion); the certificate on an {@code https} page;
 * 域名及IP合规性 with approved addresses (without them the DNS check only watches for changes). A paused monitor
 * performs none.
 *
 * @param intervalMinutes how often the monitor probes
 */
public record CheckScope(String monitor, String url, int intervalMinutes, boolean paused, List<CheckKind> active) {

    /**
     * The most minutes between probes that the guide's "实时" (8.4.1.3 a), b), 8.4.1.4 a), 8.4.1.5 a)) is taken to
     * allow: a platform default — the guide gives no figure (docs/standards/platform-defaults.md).
     */
    public static final int REAL_TIME_MINUTES = 15;

    public CheckScope {
        active = List.copyOf(active);
    }

    /** The scope of {@code m} now. */
    public static CheckScope of(Monitor m, boolean baselineApproved, boolean wordListImported) {
        List<CheckKind> on = new ArrayList<>();
        if (!m.paused()) {
            for (CheckKind k : CheckKind.values()) {
                boolean performed =
                        switch (k) {
                            case AVAILABILITY,
                                    HIDDEN_LINK,
                                    MALICIOUS_SCRIPT,
                                    PRIVACY_LEAK,
                                    DEAD_LINK,
                                    EXTERNAL_DOMAIN -> true;
                            case LATENCY -> m.watch().slowAboveMillis() != null;
                            case TAMPERING -> baselineApproved;
                            case HARMFUL_CONTENT -> wordListImported;
                            case TLS -> "https".equalsIgnoreCase(m.url().getScheme());
                            case DNS -> !m.approvedAddresses().isEmpty();
                        };
                if (performed) {
                    on.add(k);
                }
            }
        }
        return new CheckScope(m.name(), m.url().toString(), Math.max(1, m.intervalSeconds() / 60), m.paused(), on);
    }

    /** The checks it does not perform, in their declared order. */
    public List<CheckKind> inactive() {
        return java.util.Arrays.stream(CheckKind.values())
                .filter(k -> !active.contains(k))
                .toList();
    }

    /** Whether it probes often enough for "实时" ({@link #REAL_TIME_MINUTES}). */
    public boolean realTime() {
        return intervalMinutes <= REAL_TIME_MINUTES;
    }
}
