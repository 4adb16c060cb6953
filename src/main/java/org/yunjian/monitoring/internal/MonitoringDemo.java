package org.yunjian.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.yunjian.demo.DemoData;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.ProbeOutcome;
import org.yunjian.monitoring.probe.FetchOutcome;
import org.yunjian.monitoring.probe.FetchResult;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;

/**
 * In demo mode, website monitoring without network access: the platform serves a small sample government website
 * itself ({@code /demo-site/}, from {@code demo/site/} in the jar) and the demo portal system gets a monitor on its
 * home page, added by the demo customer, with the baseline the customer approved (the page as it was, {@code
 * approved.html}) and the probe that found the page as it is now ({@code index.html}, one notice rewritten): one open
 * 篡改 alert in the customer's and its security agent's 我的待办, the provider told of it, two of its emergency steps
 * recorded; last month has a probe a day (see {@link #history}). Once the server listens, the scheduler probes the live
 * sample site every five minutes and finds the same change.
 */
@Configuration(proxyBeanMethods = false)
@Order(70)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class MonitoringDemo implements ApplicationRunner, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MonitoringDemo.class);

    private final MonitorService monitors;
    private final MonitorRepository repo;
    private final ProbeService probes;
    private final PageChecks checks;
    private final AlertRepository alerts;
    private final AlertEmergency emergency;
    private final Parties parties;
    private final UserAdministration users;
    private final java.time.Clock clock;
    private final org.springframework.core.env.Environment environment;

    MonitoringDemo(
            MonitorService monitors,
            MonitorRepository repo,
            ProbeService probes,
            PageChecks checks,
            AlertRepository alerts,
            AlertEmergency emergency,
            Parties parties,
            UserAdministration users,
            java.time.Clock clock,
            org.springframework.core.env.Environment environment) {
        this.monitors = monitors;
        this.repo = repo;
        this.probes = probes;
        this.checks = checks;
        this.alerts = alerts;
        this.emergency = emergency;
        this.parties = parties;
        this.users = users;
        this.clock = clock;
        this.environment = environment;
    }

    /**
     * The sample site's address, read when the demo is seeded (after the server started, so on the port it listens on,
     * also a random one): {@code yunjian.monitoring.demo-site}, else this server's {@code /demo-site/}; 8080 where no
     * server listens (a mock web environment), since a monitor's port is 1–65535.
     */
    private String site() {
        String configured = environment.getProperty("yunjian.monitoring.demo-site");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        int port = environment.getProperty(
                "local.server.port", Integer.class, environment.getProperty("server.port", Integer.class, 8080));
        return "http://localhost:" + (port > 0 ? port : 8080) + "/demo-site/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/demo-site/**").addResourceLocations("classpath:/demo/site/");
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> system = DemoSystems.find(
                parties, DemoData.PORTAL_SYSTEM, s -> repo.ofSystem(s.id()).isEmpty());
        Optional<CurrentUser> customer = SeedActor.account(users, DemoData.CUSTOMER_USER);
        if (system.isEmpty() || customer.isEmpty()) {
            return;
        }
        SeedActor.run(customer.get(), () -> {
            Monitor m = monitors.create(
                    system.get().id(), Monitor.Settings.page(DemoData.PORTAL_MONITOR, site() + "index.html", "#today"));
            probes.approve(m, customer.get(), checks.baseline(m, page(m, "approved.html")));
            history(m);
            probes.record(m, m.createdAt(), new ProbeService.Fetched(ProbeOutcome.OK, page(m, "index.html")));
            emergencySteps(m);
        });
        log.info("Demo website monitor seeded for {}", system.get().name());
    }

    /**
     * The customer's first emergency steps on the 篡改 alert (guide 7.3.7 b) 1), 8.5 d)): the portal's plan for 网页篡改
     * started and the provider told; stopping the site, the backup and the serious-case reports stay open on its page.
     */
    private void emergencySteps(Monitor m) {
        alerts.notClosed(m.id()).stream()
                .filter(a -> a.kind() == org.yunjian.monitoring.CheckKind.TAMPERING)
                .findFirst()
                .ifPresent(a -> {
                    List<org.yunjian.monitoring.EmergencyPlans.Plan> plans =
                            emergency.of(a.id()).plans();
                    plans.stream()
                            .filter(p -> p.scenario().contains("\u7be1\u6539")) // 篡改
                            .findFirst()
                            .or(() -> plans.stream().findFirst())
                            .ifPresent(p -> emergency.record(
                                    a.id(),
                                    new AlertEmergency.StepInput(
                                            org.yunjian.monitoring.EmergencyStep.PLAN_STARTED.name(),
                                            null,
                                            null,
                                            p.id().toString())));
                    emergency.record(
                            a.id(),
                            new AlertEmergency.StepInput(
                                    org.yunjian.monitoring.EmergencyStep.REPORTED_TO_PROVIDER.name(),
                                    null,
                                    org.yunjian.shared.Msg.of("monitoring.demo.reportedToProvider")
                                            .text(org.yunjian.shared.Texts.CHINESE),
                                    null));
                });
    }

    /**
     * Last month's probes, one a day at nine, each finding the approved page: a month that is over with probe data,
     * so its 安全运行报告 is offered as evidence on the portal's monitoring duties from the first login.
     */
    private void history(Monitor m) {
        java.time.ZoneId zone = org.yunjian.shared.Formats.zone();
        java.time.YearMonth last = org.yunjian.monitoring.report.ReportMonth.previous(zone, clock.instant())
                .month();
        FetchResult approved = page(m, "approved.html");
        for (int day = 1; day <= last.lengthOfMonth(); day++) {
            java.time.Instant at = last.atDay(day).atTime(9, 0).atZone(zone).toInstant();
            probes.record(m, at, new ProbeService.Fetched(ProbeOutcome.OK, approved));
        }
    }

    /** The sample site's page as the probe would have got it. */
    private static FetchResult page(Monitor m, String file) {
        try (InputStream in = MonitoringDemo.class.getResourceAsStream("/demo/site/" + file)) {
            byte[] body = in.readAllBytes();
            return new FetchResult(
                    FetchOutcome.OK, 200, URI.create(m.url().toString()), "text/html; charset=utf-8", body, 3, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
