package org.yunjian.monitoring.net;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/**
 * The other sites a monitored page links to, by registrable domain, and whether their registration has lapsed (外链域名
 * 过期被抢注: a lapsed name still resolves once a squatter registers it, so the dead-link check does not see it). The
 * domains are chosen here ({@link #select}: not the site's own, the most-linked first, at most {@link #MAX_DOMAINS}
 * per run) and judged here ({@link #finding}); what their registration says is read by {@link DomainRegistrations}.
 */
public final class LinkedDomains {

    /** The linked domains asked about in one run of the deep checks, at most. */
    public static final int MAX_DOMAINS = 10;

    /** The links to a domain a finding names, at most. */
    public static final int LINKS_NAMED = 5;

    private LinkedDomains() {}

    /** A registrable domain other than the site's and the page links to it, in the order they were found. */
    public record Linked(String domain, List<URI> links) {

        public Linked {
            links = List.copyOf(links);
        }
    }

    /**
     * The registrable domains of the {@code http(s)} links in {@code links} other than those of {@code ownHosts} (the
     * monitored host and the hosts allowed beside it), the most-linked first (equally linked: the first found first),
     * at most {@code max}. Address literals and single labels have no registrable domain and are left out.
     */
    public static List<Linked> select(Collection<URI> links, Collection<String> ownHosts, int max) {
        Set<String> own = ownHosts.stream()
                .map(RegistrableDomain::of)
                .flatMap(Optional::stream)
                .map(RegistrableDomain::name)
                .collect(Collectors.toSet());
        Map<String, List<URI>> byDomain = new LinkedHashMap<>();
        for (URI link : links) {
            String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
            if (link.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                continue;
            }
            RegistrableDomain.of(link.getHost())
                    .map(RegistrableDomain::name)
                    .filter(d -> !own.contains(d))
                    .ifPresent(d -> {
                        List<URI> to = byDomain.computeIfAbsent(d, k -> new ArrayList<>());
                        if (!to.contains(link)) {
                            to.add(link);
                        }
                    });
        }
        return byDomain.entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, List<URI>> e) -> e.getValue().size())
                        .reversed())
                .limit(Math.max(0, max))
                .map(e -> new Linked(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * The {@link CheckKind#EXTERNAL_DOMAIN} finding of {@code linked} whose registration reads {@code r} at
     * {@code now}: not registered, expired, or expiring within {@code warningDays} (the monitor's, as for its own
     * domain); subject the domain, the links to it the detail. Empty when fine or not known.
     */
    public static Optional<Finding> finding(
            Linked linked, DomainRegistrations.Registration r, int warningDays, Instant now) {
        String links = String.valueOf(linked.links().size());
        Msg message;
        if (r.status() == DomainRegistrations.Status.NOT_REGISTERED) {
            message = Msg.of("monitoring.extdom.notRegistered", linked.domain(), links);
        } else if (r.status() != DomainRegistrations.Status.REGISTERED || r.expires() == null) {
            return Optional.empty();
        } else if (!r.expires().isAfter(now)) {
            message = Msg.of("monitoring.extdom.expired", linked.domain(), Formats.date(r.expires()), links);
        } else if (r.expires().isBefore(now.plus(Duration.ofDays(warningDays)))) {
            message = Msg.of(
                    "monitoring.extdom.expiring",
                    linked.domain(),
                    Formats.date(r.expires()),
                    String.valueOf(ChronoUnit.DAYS.between(now, r.expires())),
                    links);
        } else {
            return Optional.empty();
        }
        String detail =
                linked.links().stream().limit(LINKS_NAMED).map(URI::toString).collect(Collectors.joining("\n"));
        return Optional.of(new Finding(CheckKind.EXTERNAL_DOMAIN, linked.domain(), message, detail));
    }
}
