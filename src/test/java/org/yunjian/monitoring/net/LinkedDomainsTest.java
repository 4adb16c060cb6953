package org.yunjian.monitoring.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.net.DomainRegistrations.Registration;
import org.yunjian.monitoring.net.DomainRegistrations.Status;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.security.MutableClock;
import org.yunjian.shared.Texts;

/**
 * Which linked domains the deep checks ask about (not the site's own, most-linked first, at most ten), how their
 * registration is judged, and how long an answer is held.
 */
class LinkedDomainsTest {

    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void theSitesOwnDomainAndWhatHasNoRegistrableDomainAreLeftOut() {
        List<LinkedDomains.Linked> chosen = LinkedDomains.select(
                uris(
                        "https://www.example.gov.cn/a",
                        "https://news.example.gov.cn/b",
                        "http://cdn.partner.example.gov.cn/c",
                        "https://www.portal.com.cn/",
                        "mailto:office@other.cn",
                        "http://127.0.0.1/x",
                        "http://intranet/x",
                        "ftp://files.other.cn/x"),
                Set.of("www.example.gov.cn"),
                LinkedDomains.MAX_DOMAINS);

        assertThat(chosen).extracting(LinkedDomains.Linked::domain).containsExactly("portal.com.cn");
    }

    @Test
    void theMostLinkedComeFirstAndAtMostTen() {
        List<URI> links = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            links.add(URI.create("http://www.site" + d + ".cn/"));
        }
        links.add(URI.create("http://www.site11.cn/more"));
        links.add(URI.create("http://news.site11.cn/more"));
        links.add(URI.create("http://www.site5.cn/more"));
        links.add(URI.create("http://www.site5.cn/more")); // the same link twice counts once

        List<LinkedDomains.Linked> chosen =
                LinkedDomains.select(links, Set.of("www.example.gov.cn"), LinkedDomains.MAX_DOMAINS);

        assertThat(chosen).hasSize(10);
        assertThat(chosen.get(0).domain()).isEqualTo("site11.cn");
        assertThat(chosen.get(0).links()).hasSize(3);
        assertThat(chosen.get(1).domain()).isEqualTo("site5.cn");
        // equally linked: the first found first
        assertThat(chosen.subList(2, 10))
                .extracting(LinkedDomains.Linked::domain)
                .containsExactly(
                        "site0.cn", "site1.cn", "site2.cn", "site3.cn", "site4.cn", "site6.cn", "site7.cn", "site8.cn");
    }

    @Test
    void anExpiredExpiringOrMissingRegistrationIsAFindingNamingTheDomainAndItsLinks() {
        LinkedDomains.Linked linked =
                new LinkedDomains.Linked("lapsed.cn", uris("http://www.lapsed.cn/a", "http://lapsed.cn/b"));

        Finding expired = LinkedDomains.finding(linked, registered("lapsed.cn", NOW.minus(Duration.ofDays(2))), 60, NOW)
                .orElseThrow();
        assertThat(expired.kind()).isEqualTo(CheckKind.EXTERNAL_DOMAIN);
        assertThat(expired.subject()).isEqualTo("lapsed.cn");
        assertThat(expired.message().text(Texts.ENGLISH)).contains("lapsed.cn", "expired on 2026-11-24", "2 link(s)");
        assertThat(expired.detail()).isEqualTo("http://www.lapsed.cn/a\nhttp://lapsed.cn/b");

        assertThat(LinkedDomains.finding(linked, registered("lapsed.cn", NOW.plus(Duration.ofDays(20))), 30, NOW)
                        .orElseThrow()
                        .message()
                        .text(Texts.ENGLISH))
                .contains("expires on", "in 20 days");
        assertThat(LinkedDomains.finding(linked, registered("lapsed.cn", NOW.plus(Duration.ofDays(20))), 10, NOW))
                .isEmpty();
        assertThat(LinkedDomains.finding(linked, new Registration("lapsed.cn", Status.NOT_REGISTERED, null), 10, NOW)
                        .orElseThrow()
                        .message()
                        .text(Texts.ENGLISH))
                .contains("does not exist");
        assertThat(LinkedDomains.finding(linked, new Registration("lapsed.cn", Status.UNKNOWN, null), 10, NOW))
                .isEmpty();
        assertThat(LinkedDomains.finding(linked, new Registration("lapsed.cn", Status.REGISTERED, null), 10, NOW))
                .as("registered, its registry tells no date")
                .isEmpty();
    }

    @Test
    void anAnswerIsHeldADayALapsedOneAnHourAnUnknownOneNot() {
        MutableClock clock = new MutableClock();
        clock.set(NOW);
        DomainRegistrations held = new DomainRegistrations(clock);
        AtomicInteger asked = new AtomicInteger();

        held.get("alive.cn", d -> count(asked, registered(d, NOW.plus(Duration.ofDays(300)))));
        held.get("lapsed.cn", d -> count(asked, registered(d, NOW.minus(Duration.ofDays(1)))));
        held.get("unknown.cn", d -> count(asked, new Registration(d, Status.UNKNOWN, null)));
        held.get("alive.cn", d -> count(asked, null));
        held.get("lapsed.cn", d -> count(asked, null));
        assertThat(asked.get()).isEqualTo(3);
        held.get("unknown.cn", d -> count(asked, new Registration(d, Status.UNKNOWN, null)));
        assertThat(asked.get()).isEqualTo(4);

        clock.set(NOW.plus(DomainRegistrations.HOLD_LAPSED).plusSeconds(1));
        held.get("alive.cn", d -> count(asked, null));
        held.get("lapsed.cn", d -> count(asked, registered(d, NOW.plus(Duration.ofDays(365)))));
        assertThat(asked.get()).isEqualTo(5);

        clock.set(NOW.plus(DomainRegistrations.HOLD).plusSeconds(1));
        assertThat(held.get("alive.cn", d -> count(asked, registered(d, NOW.plus(Duration.ofDays(299)))))
                        .expires())
                .isEqualTo(NOW.plus(Duration.ofDays(299)));
        assertThat(asked.get()).isEqualTo(6);
    }

    static Registration count(AtomicInteger asked, Registration r) {
        asked.incrementAndGet();
        return r;
    }

    static Registration registered(String domain, Instant expires) {
        return new Registration(domain, Status.REGISTERED, expires);
    }

    static List<URI> uris(String... s) {
        return java.util.Arrays.stream(s).map(URI::create).toList();
    }
}
