package org.yunjian.monitoring.net;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.FetchLimits;
import org.yunjian.monitoring.probe.FetchResult;
import org.yunjian.monitoring.probe.Fetcher;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Msg;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration expiry of a site's domain, read over RDAP (RFC 9082/9083) where a registry's server answers
 * (8.4.1.2 b; a lapsed registration hands the name to whoever registers it next): {@code GET
 * {rdapBase}/domain/{name}} for the host's {@link RegistrableDomain}, and the {@code eventDate} of its
 * {@code expiration} event. A {@code DNS} finding with subject {@code registration} when it has expired or expires
 * within the warning period (60 days unless configured). A server that cannot be asked, knows no such domain or
 * answers something unreadable gives a result saying so and no finding.
 *
 * <p>Fetched with the monitors' {@link Fetcher}: the whole exchange, redirects and body included, has the deadline,
 * and no more than {@link #MAX_REPLY_BYTES} of a reply are read. Redirects are followed to any host, as bootstrap
 * services ({@code rdap.org}) send the client on to the registry; an answer that arrived over HTTP after an
 * {@code https} base is not believed ({@link RdapOutcome#UNREACHABLE}). Nothing a server does makes this class throw.
 */
public final class RdapCheck {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
    public static final int DEFAULT_EXPIRY_WARNING_DAYS = 60;
    public static final int MAX_REPLY_BYTES = 256 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Fetcher fetcher;
    private final URI base;
    private final FetchLimits limits;
    private final int expiryWarningDays;
    private final Clock clock;

    /**
     * @param rdapBase such as {@code https://rdap.example.cn}
     * @param clock its zone is the one the dates in messages are shown in
     */
    public RdapCheck(Fetcher fetcher, URI rdapBase, Duration deadline, int expiryWarningDays, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        String scheme = rdapBase.getScheme() == null ? "" : rdapBase.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || rdapBase.getHost() == null) {
            throw new IllegalArgumentException("rdapBase: " + rdapBase);
        }
        if (deadline.isNegative() || deadline.isZero() || expiryWarningDays < 0) {
            throw new IllegalArgumentException("deadline/expiryWarningDays");
        }
        String b = rdapBase.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.limits = FetchLimits.defaults()
                .withMaxBodyBytes(MAX_REPLY_BYTES)
                .withDeadline(deadline)
                .withRedirectsToAnyHost();
        this.expiryWarningDays = expiryWarningDays;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads the registration of {@code host}'s registrable domain ({@code www.example.gov.cn} → {@code example.gov.cn}). */
    public RdapResult check(String host) {
        Optional<RegistrableDomain> domain = RegistrableDomain.of(host);
        if (domain.isEmpty()) {
            return RdapResult.failed(host == null ? "" : host, RdapOutcome.NOT_A_DOMAIN, 0);
        }
        String name = domain.get().name();
        FetchResult r = fetcher.fetch(URI.create(base + "/domain/" + name), limits);
        switch (r.outcome()) {
            case OK:
                break;
            case TIMEOUT:
                return RdapResult.failed(name, RdapOutcome.TIMED_OUT, r.status());
            case TOO_LARGE:
                return RdapResult.failed(name, RdapOutcome.TOO_LARGE, r.status());
            default:
                return RdapResult.failed(name, RdapOutcome.UNREACHABLE, r.status());
        }
        if ("https".equalsIgnoreCase(base.getScheme())
                && !"https".equalsIgnoreCase(r.finalUri().getScheme())) {
            return RdapResult.failed(name, RdapOutcome.UNREACHABLE, r.status()); // downgraded: not believed
        }
        int status = r.status();
        if (status == 404) {
            return RdapResult.failed(name, RdapOutcome.NOT_FOUND, status);
        }
        if (status != 200) {
            return RdapResult.failed(name, RdapOutcome.UNREACHABLE, status);
        }
        return read(name, r.body(), status);
    }

    private RdapResult read(String name, byte[] body, int status) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException | IllegalArgumentException e) {
            return RdapResult.failed(name, RdapOutcome.MALFORMED, status);
        }
        if (root == null || !root.isObject()) {
            return RdapResult.failed(name, RdapOutcome.MALFORMED, status);
        }
        String date = null;
        for (JsonNode event : root.path("events")) {
            if ("expiration".equalsIgnoreCase(event.path("eventAction").asString(""))) {
                JsonNode at = event.path("eventDate");
                date = at.isString() ? at.asString() : "";
                break;
            }
        }
        if (date == null) {
            return RdapResult.failed(name, RdapOutcome.NO_EXPIRATION, status);
        }
        Optional<Instant> expires = instant(date);
        if (expires.isEmpty()) {
            return RdapResult.failed(name, RdapOutcome.MALFORMED, status);
        }
        Instant now = clock.instant();
        Instant at = expires.get();
        LocalDate on = LocalDate.ofInstant(at, clock.getZone());
        List<Finding> findings;
        if (!at.isAfter(now)) {
            findings = List.of(new Finding(
                    CheckKind.DNS,
                    RdapResult.REGISTRATION,
                    Msg.of("monitoring.net.rdap.expired", name, on.toString()),
                    null));
        } else if (at.isBefore(now.plus(Duration.ofDays(expiryWarningDays)))) {
            findings = List.of(new Finding(
                    CheckKind.DNS,
                    RdapResult.REGISTRATION,
                    Msg.of(
                            "monitoring.net.rdap.expiring",
                            name,
                            on.toString(),
                            String.valueOf(ChronoUnit.DAYS.between(now, at))),
                    null));
        } else {
            findings = List.of();
        }
        return new RdapResult(name, RdapOutcome.CHECKED, at, on, status, findings);
    }

    /** An RFC 3339 date-time; leniently also one without offset (read as UTC) or a bare date. */
    static Optional<Instant> instant(String text) {
        String s = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException notWithOffset) {
            // try the lenient forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // try a bare date
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
